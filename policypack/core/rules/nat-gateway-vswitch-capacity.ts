// nat-gateway-vswitch-capacity: a new NAT gateway's vSwitch must have a private IP for each EIP.
//
// FAQ: "Starting from September 19, 2022, when you associate an EIP with a newly created Internet NAT
// Gateway, the EIP consumes a private IP address from the NAT Gateway's vSwitch. ... Make sure that
// the vSwitch has sufficient private IP addresses. If no private IP addresses are available in the
// vSwitch, you cannot associate new EIPs."
//
// Every NAT gateway in a plan is taken to be new. The gateway itself takes one address too. The
// count is a lower bound: only what the plan provably puts in the vSwitch (instances, ENIs and their
// secondary IPs, gateways, CLBs, HAVIPs, ALB/NLB zone mappings) and only vSwitches whose CIDR block
// is known, with the 4 addresses Alibaba Cloud reserves. Addresses used outside the plan are
// invisible, so a vSwitch the plan does not fill is never reported.

import { RESERVED_PER_VSWITCH, usableAddresses } from "../cidr";
import { appendTo } from "../collections";
import { describe, plural } from "../describe";
import { Model, Ref } from "../model";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { ECS_SECONDARY_COUNTS, ECS_SECONDARY_LISTS, ENI_SECONDARY_COUNTS, ENI_SECONDARY_LISTS, natNetworkType, secondaryIpCount } from "../targets";
import { asString, isKnown } from "../values";
import { REPORT_UNDECIDED, bindingsOnto, byTarget } from "./common";

interface Consumer {
    readonly resource: ResourceInput;
    readonly addresses: number;
}

/**
 * Lower bounds of the addresses each planned resource takes from each vSwitch of the plan, read in
 * one pass over the resources.
 */
function consumersByVswitch(model: Model, eipsByGateway: Map<ResourceInput, number>): Map<ResourceInput, Consumer[]> {
    const byVswitch = new Map<ResourceInput, Consumer[]>();
    const add = (ref: Ref, resource: ResourceInput, addresses: number) => {
        if (ref.kind === "resource") {
            appendTo(byVswitch, ref.resource, { resource, addresses });
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
        add(model.vswitchOf(gateway), gateway, 1 + (eipsByGateway.get(gateway) ?? 0));
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

export const natGatewayVswitchCapacity = defineRule({
    name: "nat-gateway-vswitch-capacity",
    description: "Each EIP associated with a new Internet NAT gateway takes a private IP from the gateway's vSwitch, which must have enough free addresses.",
    faq: "Starting from September 19, 2022, when you associate an EIP with a newly created Internet NAT Gateway, the EIP consumes a private IP address from the NAT Gateway's vSwitch. Make sure that the vSwitch has sufficient private IP addresses.",
    rejects: [
        "A NAT gateway whose vSwitch (with a known CIDR block) cannot hold one private IP for the gateway, one per EIP bound to it, and one or more for every other planned resource in that vSwitch (instances and their secondary IPs, ENIs, other gateways and their EIPs, CLBs, HAVIPs, ALB/NLB zone mappings), after the 4 addresses Alibaba Cloud reserves.",
    ],
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        "Give the NAT gateway a vSwitch with room for one private IP per EIP plus one for the gateway (a /29 has only 4 usable addresses, a /28 has 12, a /24 has 252), for example a dedicated vSwitch for the gateway, or bind fewer EIPs.",
    tags: ["eip", "nat-gateway", "vswitch", "capacity"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        const eipsByGateway = new Map<ResourceInput, number>();
        const bindingsByGateway = new Map<ResourceInput, ResourceInput[]>();
        for (const group of byTarget(model, bindingsOnto(model, "natGateway", "Nat"))) {
            const target = group[0].target;
            // A VPC NAT gateway takes no EIP (eip-supported-target reports it), so none takes an address.
            if (target.kind === "resource" && natNetworkType(model, target.resource) !== "intranet") {
                eipsByGateway.set(target.resource, group.length);
                bindingsByGateway.set(target.resource, group.map((binding) => binding.via));
            }
        }
        let consumers: Map<ResourceInput, Consumer[]> | undefined;
        for (const [gateway, eips] of eipsByGateway) {
            const vswitchRef = model.vswitchOf(gateway);
            if (vswitchRef.kind === "absent") {
                continue; // A gateway without a vSwitch (the old Normal type) takes no addresses.
            }
            const cidrValue = vswitchRef.kind === "resource" ? asString(model.setting(vswitchRef.resource, "cidrBlock")) : undefined;
            const cidr = typeof cidrValue === "string" ? cidrValue : "";
            const usable = cidr ? usableAddresses(cidr) : undefined;
            const involved = [gateway, ...(bindingsByGateway.get(gateway) ?? [])];
            if (vswitchRef.kind !== "resource" || !isKnown(usable)) {
                if (options.reportUndecided && 1 + eips > RESERVED_PER_VSWITCH) {
                    report.undecided(
                        gateway,
                        `Could not check that the vSwitch of ${describe(gateway)} has room for its ${plural(eips, "EIP")}: ${vswitchRef.kind === "literal" ? "its vSwitch is named by a literal id and not managed in this stack" : "its vSwitch or CIDR block is unknown until deployment"}. The gateway and its EIPs need ${1 + eips} free private IPs, more than the smallest vSwitch (/29) offers.`,
                        involved,
                        "vswitch-unknown",
                    );
                }
                continue;
            }
            const vswitch = vswitchRef.resource;
            consumers ??= consumersByVswitch(model, eipsByGateway);
            const inVswitch = consumers.get(vswitch) ?? [];
            const needed = inVswitch.reduce((sum, consumer) => sum + consumer.addresses, 0);
            if (needed <= usable) {
                continue;
            }
            const others = inVswitch.filter((consumer) => consumer.resource !== gateway);
            const otherCount = others.reduce((sum, consumer) => sum + consumer.addresses, 0);
            const otherText = others.length === 0 ? "" : `, and ${plural(otherCount, "address", "addresses")} for ${plural(others.length, "other planned resource")} in it (${others.slice(0, 4).map((c) => describe(c.resource)).join(", ")}${others.length > 4 ? ", ..." : ""})`;
            report.violation(
                gateway,
                `${describe(vswitch)} (its cidrBlock leaves ${plural(usable, "usable address", "usable addresses")}) cannot hold what the plan puts in it: ${describe(gateway)} needs 1 address for itself and 1 per EIP for its ${plural(eips, "EIP")}${otherText}, ${needed} in all. Each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp). Use a larger vSwitch for the gateway, or bind fewer EIPs.`,
                [...involved, vswitch],
                "vswitch-full",
            );
        }
    },
});
