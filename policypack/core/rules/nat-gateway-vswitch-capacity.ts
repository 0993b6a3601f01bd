// nat-gateway-vswitch-capacity: a new NAT-mode gateway's vSwitch must have a private IP for each EIP.
//
// FAQ: "Starting from September 19, 2022, when you associate an EIP with a newly created Internet NAT
// Gateway, the EIP consumes a private IP address from the NAT Gateway's vSwitch. ... Make sure that
// the vSwitch has sufficient private IP addresses. If no private IP addresses are available in the
// vSwitch, you cannot associate new EIPs."
//
// The FAQ leaves out the mode, which decides it. The EipBindMode parameter of CreateNatGateway
// (https://help.aliyun.com/en/nat-gateway/developer-reference/api-vpc-2016-04-28-createnatgateway-natgws,
// and CreateNatGatewayRequest.eipBindMode in Alibaba Cloud's SDKs) puts the address per EIP on
// gateways in NAT mode, and makes MULTI_BINDED the default; the NAT Gateway FAQ's comparison of the
// two modes says an EIP added in multi-EIP-to-ENI mode takes no vSwitch address, and that the
// console creates gateways in NAT mode by default. The provider sends EipBindMode only when
// eip_bind_mode is set (resource_alicloud_nat_gateway.go, resourceAliCloudNatGatewayCreate), so a
// gateway a program creates without it is MULTI_BINDED (targets.ts, natEipBindMode). Its EIPs take
// no address; only the gateway does. A gateway whose mode is not known is checked as if in NAT mode,
// and reported as undecided.
//
// Every NAT gateway in a plan is taken to be new. The gateway itself takes one address too. The
// count is a lower bound: only what the plan provably puts in the vSwitch (instances, ENIs and their
// secondary IPs, gateways, CLBs, HAVIPs, ALB/NLB zone mappings) and only vSwitches whose CIDR block
// is known, with the 4 addresses Alibaba Cloud reserves. Addresses used outside the plan are
// invisible, so a vSwitch the plan does not fill is never reported.

import { prop } from "../terms";
import { RESERVED_PER_VSWITCH, usableAddresses } from "../cidr";
import { appendTo } from "../collections";
import { describe, listOf, plural } from "../describe";
import { Model, Ref } from "../model";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { ECS_SECONDARY_COUNTS, ECS_SECONDARY_LISTS, ENI_SECONDARY_COUNTS, ENI_SECONDARY_LISTS, natEipBindMode, natNetworkType, secondaryIpCount } from "../targets";
import { UNKNOWN, Unknown, asString, isKnown } from "../values";
import { REPORT_UNDECIDED, bindingsOnto, byTarget } from "./common";

interface Consumer {
    readonly resource: ResourceInput;
    readonly addresses: number;
    /** A gateway whose EIPs were counted on the assumption that it is in NAT mode. */
    readonly assumed: boolean;
}

/** The EIPs bound to one Internet NAT gateway, and how it binds them. */
interface GatewayEips {
    readonly eips: number;
    readonly mode: "NAT" | "MULTI_BINDED" | Unknown;
    readonly bindings: ResourceInput[];
}

/** The vSwitch addresses a gateway's EIPs take: one each in NAT mode, and with `assumeNat` also when its mode is unknown. */
function perEipAddresses(held: GatewayEips | undefined, assumeNat: boolean): number {
    if (held === undefined) {
        return 0;
    }
    return held.mode === "NAT" || (assumeNat && held.mode === UNKNOWN) ? held.eips : 0;
}

/**
 * Lower bounds of the addresses each planned resource takes from each vSwitch of the plan, read in
 * one pass over the resources; gateways of unknown mode count their EIPs only with `assumeNat`.
 */
function consumersByVswitch(model: Model, gateways: Map<ResourceInput, GatewayEips>, assumeNat: boolean): Map<ResourceInput, Consumer[]> {
    const byVswitch = new Map<ResourceInput, Consumer[]>();
    const add = (ref: Ref, resource: ResourceInput, addresses: number, assumed = false) => {
        if (ref.kind === "resource") {
            appendTo(byVswitch, ref.resource, { resource, addresses, assumed });
        }
    };
    const atLeast = (value: unknown) => (typeof value === "number" && value > 0 ? Math.floor(value) : 0);
    for (const instance of model.ofKind("ecsInstance")) {
        add(model.vswitchOf(instance), instance, 1 + atLeast(secondaryIpCount(model, instance, ECS_SECONDARY_LISTS, ECS_SECONDARY_COUNTS)));
    }
    for (const eni of model.ofKind("eni")) {
        add(model.vswitchOf(eni), eni, 1 + atLeast(secondaryIpCount(model, eni, ENI_SECONDARY_LISTS, ENI_SECONDARY_COUNTS)));
    }
    for (const gateway of model.ofKind("natGateway")) {
        const held = gateways.get(gateway);
        add(model.vswitchOf(gateway), gateway, 1 + perEipAddresses(held, assumeNat), assumeNat && held !== undefined && held.mode === UNKNOWN);
    }
    for (const resource of [...model.ofKind("clb"), ...model.ofKind("havip")]) {
        add(model.vswitchOf(resource), resource, 1);
    }
    for (const lb of [...model.ofKind("alb"), ...model.ofKind("nlb")]) {
        const perVswitch = new Map<ResourceInput, number>();
        for (const mapping of model.zoneMappingsOf(lb).mappings) {
            if (mapping.vswitch.kind === "resource") {
                perVswitch.set(mapping.vswitch.resource, (perVswitch.get(mapping.vswitch.resource) ?? 0) + 1);
            }
        }
        for (const [vswitch, count] of perVswitch) {
            add({ kind: "resource", resource: vswitch }, lb, count);
        }
    }
    return byVswitch;
}

const NOT_A_MODE = 'its eipBindMode is not a literal "NAT" or "MULTI_BINDED"';
const PER_EIP =
    "In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp); in MULTI_BINDED mode, the API default, it takes none.";

/** What a vSwitch holds: the gateway's own needs, then the other planned resources in it. */
function holding(gateway: ResourceInput, eips: number, inVswitch: readonly Consumer[], modeNote = ""): { text: string; needed: number } {
    const needed = inVswitch.reduce((sum, consumer) => sum + consumer.addresses, 0);
    const others = inVswitch.filter((consumer) => consumer.resource !== gateway);
    const otherCount = others.reduce((sum, consumer) => sum + consumer.addresses, 0);
    const otherText =
        others.length === 0
            ? ""
            : `, and ${plural(otherCount, "address", "addresses")} for ${plural(others.length, "other planned resource")} in it (${others
                  .slice(0, 4)
                  .map((c) => describe(c.resource))
                  .join(", ")}${others.length > 4 ? ", ..." : ""})`;
    return { text: `${describe(gateway)}${modeNote} needs 1 address for itself and 1 per EIP for its ${plural(eips, "EIP")}${otherText}, ${needed} in all`, needed };
}

/**
 * The size of a vSwitch's CIDR block, for messages: its prefix length and what it leaves. Both are
 * counts the block's address does not give away, so a message may state them.
 */
function room(cidr: string, usable: number): string {
    const prefix = /\/(\d{1,2})\s*$/.exec(cidr)?.[1];
    const left = `leaves ${plural(usable, "usable address", "usable addresses")}`;
    return prefix === undefined ? `its ${prop("cidrBlock")} ${left}` : `its ${prop("cidrBlock")} is a /${prefix}, which ${left}`;
}

export const natGatewayVswitchCapacity = defineRule({
    name: "nat-gateway-vswitch-capacity",
    description:
        'In NAT mode (eipBindMode "NAT"), each EIP associated with a new Internet NAT gateway takes a private IP from the gateway\'s vSwitch, which must have enough free addresses.',
    faq: "Starting from September 19, 2022, when you associate an EIP with a newly created Internet NAT Gateway, the EIP consumes a private IP address from the NAT Gateway's vSwitch. Make sure that the vSwitch has sufficient private IP addresses. (CreateNatGateway, EipBindMode: this holds for gateways in NAT mode; in MULTI_BINDED mode, the API default and what a gateway created without eipBindMode gets, an EIP takes no vSwitch address.)",
    rejects: [
        'A NAT gateway with `eipBindMode: "NAT"` whose vSwitch (with a known CIDR block) cannot hold one private IP for the gateway, one per EIP bound to it, and one or more for every other planned resource in that vSwitch (instances and their secondary IPs, ENIs, other gateways and the EIPs of those in NAT mode, CLBs, HAVIPs, ALB/NLB zone mappings), after the 4 addresses Alibaba Cloud reserves.',
    ],
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        'Give the NAT gateway a vSwitch with room for one private IP per EIP plus one for the gateway (a /29 has only 4 usable addresses, a /28 has 12, a /24 has 252), for example a dedicated vSwitch for the gateway, or bind fewer EIPs. Or leave eipBindMode unset (MULTI_BINDED, the API default) or set it to "MULTI_BINDED": the gateway then takes one address and its EIPs none, unless you need NAT mode (for example for a VPC with an IPv4 gateway).',
    tags: ["eip", "nat-gateway", "vswitch", "capacity"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        const gateways = new Map<ResourceInput, GatewayEips>();
        for (const group of byTarget(model, bindingsOnto(model, "natGateway", "Nat"))) {
            const target = group[0].target;
            // A VPC NAT gateway takes no EIP (eip-supported-target reports it), so none takes an address.
            if (target.kind === "resource" && natNetworkType(model, target.resource) !== "intranet") {
                gateways.set(target.resource, { eips: group.length, mode: natEipBindMode(model, target.resource), bindings: group.map((binding) => binding.via) });
            }
        }
        let proven: Map<ResourceInput, Consumer[]> | undefined;
        let possible: Map<ResourceInput, Consumer[]> | undefined;
        for (const [gateway, held] of gateways) {
            if (held.mode === "MULTI_BINDED") {
                continue; // Its EIPs take no address of the vSwitch; the gateway's own address is counted for its neighbours.
            }
            const { eips } = held;
            const vswitchRef = model.vswitchOf(gateway);
            if (vswitchRef.kind === "absent") {
                continue; // A gateway without a vSwitch (the old Normal type) takes no addresses.
            }
            const cidrValue = vswitchRef.kind === "resource" ? asString(model.setting(vswitchRef.resource, "cidrBlock")) : undefined;
            const cidr = typeof cidrValue === "string" ? cidrValue : "";
            const usable = cidr ? usableAddresses(cidr) : undefined;
            const involved = [gateway, ...held.bindings];
            if (vswitchRef.kind !== "resource" || !isKnown(usable)) {
                if (options.reportUndecided && 1 + eips > RESERVED_PER_VSWITCH) {
                    const condition = held.mode === "NAT" ? 'In NAT mode (eipBindMode "NAT")' : `If it is in NAT mode (${NOT_A_MODE})`;
                    report.undecided(
                        gateway,
                        `Could not check that the vSwitch of ${describe(gateway)} has room for its ${plural(eips, "EIP")}: ${vswitchRef.kind === "literal" ? "its vSwitch is named by a literal id and not managed in this stack" : "its vSwitch or CIDR block is unknown until deployment"}. ${condition} the gateway and its EIPs need ${1 + eips} free private IPs, more than the smallest vSwitch (/29) offers.`,
                        involved,
                        "vswitch-unknown",
                    );
                }
                continue;
            }
            const vswitch = vswitchRef.resource;
            proven ??= consumersByVswitch(model, gateways, false);
            const sure = holding(gateway, eips, proven.get(vswitch) ?? [], ' (eipBindMode "NAT")');
            if (held.mode === "NAT" && sure.needed > usable) {
                report.violation(
                    gateway,
                    `${describe(vswitch)} (${room(cidr, usable)}) cannot hold what the plan puts in it: ${sure.text}. ${PER_EIP} Use a larger vSwitch for the gateway, bind fewer EIPs, or leave ${prop("eipBindMode")} unset (MULTI_BINDED) unless you need NAT mode.`,
                    [...involved, vswitch],
                    "vswitch-full",
                );
                continue;
            }
            possible ??= consumersByVswitch(model, gateways, true);
            const inVswitch = possible.get(vswitch) ?? [];
            const likely = holding(gateway, eips, inVswitch);
            if (options.reportUndecided && likely.needed > usable) {
                const assumed = inVswitch.filter((consumer) => consumer.assumed).map((consumer) => describe(consumer.resource));
                report.undecided(
                    gateway,
                    `${describe(vswitch)} (${room(cidr, usable)}) may not hold what the plan puts in it: ${likely.text}, if ${listOf(assumed)} ${assumed.length === 1 ? "is" : "are"} in NAT mode (${assumed.length === 1 ? NOT_A_MODE : NOT_A_MODE.replace("its", "their")}). ${PER_EIP} Set ${prop("eipBindMode")} to "NAT" or "MULTI_BINDED" to have the vSwitch checked.`,
                    [...involved, vswitch],
                    "vswitch-full-if-nat-mode",
                );
            }
        }
    },
});
