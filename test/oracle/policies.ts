// The reference oracle: each policy stated as directly as possible, one function each, from the rule
// headers, the EIP binding FAQ and the README. Brute force, written apart from policypack/: it shares
// only type definitions with it. A verdict is the set of resources a policy reports a violation on:
// each fault once, on its subject (the EIP, the target); a subject the stack does not manage puts the
// fault on the first of its bindings' resources by address.

import type { PolicyName } from "../../policypack/core/rule";
import type { ResourceInput } from "../../policypack/core/resources";
import { UNK, count, field, items, text, unknownValue } from "./read";
import { ecsEniLimit, eniPrivateIpLimit } from "./instance-limits";
import { Binding, Named, Stack, Target, given, givenText, groups, onto, sameElement, sentInstanceType } from "./stack";

export interface OracleOptions {
    maxEips?: unknown;
    maxMultiBindedEips?: unknown;
    /** The instanceTypes option given to both instance-type policies. */
    instanceTypes?: unknown;
}

type Verdict = ResourceInput[];

/** Where a fault about what `pick` names in a group of bindings is reported. */
function subject(group: Binding[], pick: (binding: Binding) => Named): ResourceInput {
    const named = pick(group[0]);
    if (named.is === "resource") {
        return named.resource;
    }
    return group.map((binding) => binding.via).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))[0];
}

const theEip = (binding: Binding) => binding.eip;
const theTarget = (binding: Binding) => binding.target;

function wholeNumber(value: unknown, minimum: number, maximum: number, fallback: number): number {
    return typeof value === "number" && Number.isInteger(value) && value >= minimum && value <= maximum ? value : fallback;
}

/**
 * FAQ: "You can associate an EIP with only one cloud resource at a time." Two bindings are two unless
 * they are zone mappings of one load balancer that the provider's set may keep as one element.
 */
function eipSingleBinding(stack: Stack, bindings: Binding[]): Verdict {
    const two = (a: Binding, b: Binding) =>
        a.via !== b.via || a.mapping === undefined || b.mapping === undefined || sameElement(stack, a.via.kind, a.mapping, b.mapping) === "different";
    return groups(stack, bindings, (binding) => binding.eip)
        .filter((group) => group.some((a) => group.some((b) => a !== b && two(a, b))))
        .map((group) => subject(group, theEip));
}

/** FAQ: "An EIP and the resource you want to associate it with must be in the same region." The association is made in its own region too. */
function eipSameRegion(stack: Stack, bindings: Binding[]): Verdict {
    const out: Verdict = [];
    for (const binding of bindings) {
        const parties = [
            binding.eip.is === "resource" ? binding.eip.resource : undefined,
            binding.byZoneMapping ? undefined : binding.via,
            binding.target.is === "resource" ? binding.target.resource : undefined,
        ].filter((party): party is ResourceInput => party !== undefined);
        if (parties.some((a) => parties.some((b) => stack.sameRegion(a, b) === "different"))) {
            out.push(binding.via);
        }
    }
    return out;
}

const REQUIRED: Record<Target, string | undefined> = {
    ecsInstance: "EcsInstance",
    eni: "NetworkInterface",
    clb: "SlbInstance",
    natGateway: "Nat",
    havip: "HaVip",
    alb: undefined,
    nlb: undefined,
};
const INSTANCE_TYPES = ["EcsInstance", "NetworkInterface", "SlbInstance", "Nat", "HaVip", "IpAddress"];

/** Another output of a resource that names a resource that can hold an EIP: an instance's primary ENI, an HAVIP's master, an NLB mapping's ENI. */
const OTHER_OUTPUTS: Partial<Record<Target, Target[]>> = { ecsInstance: ["eni"], havip: ["ecsInstance", "eni"], nlb: ["eni"] };

/** A CLB is Internet-facing when it says so, or says nothing and has no vSwitch. */
function internetFacingClb(clb: ResourceInput): boolean | typeof UNK {
    const declared = givenText(clb, "addressType");
    if (typeof declared === "string" && ["internet", "intranet"].includes(declared.toLowerCase())) {
        return declared.toLowerCase() === "internet";
    }
    if (declared !== undefined) {
        return UNK;
    }
    const vswitch = givenText(clb, "vswitchId");
    return vswitch === undefined ? true : vswitch === UNK ? UNK : false;
}

/** A NAT gateway is a VPC NAT gateway only when its networkType says "intranet". */
function vpcNatGateway(nat: ResourceInput): boolean | typeof UNK {
    const declared = givenText(nat, "networkType");
    if (declared === undefined) return false;
    if (typeof declared === "string" && declared.toLowerCase() === "intranet") return true;
    if (typeof declared === "string" && declared.toLowerCase() === "internet") return false;
    return UNK;
}

/**
 * FAQ: EIPs go on "ECS instances in a VPC, secondary ENIs, SLB instances, NAT Gateways, and HAVIPs";
 * internal-facing CLBs in a VPC only; ALB/NLB only through their zone mappings. The InstanceType sent must fit
 * the target; IpAddress needs vpcId and privateIpAddress.
 */
function eipSupportedTarget(_stack: Stack, bindings: Binding[]): Verdict {
    const out: Verdict = [];
    for (const binding of bindings.filter((b) => !b.byZoneMapping)) {
        let wrongTarget = false;
        const target = binding.target.is === "resource" ? binding.target.resource : undefined;
        if (target?.kind === "alb" || target?.kind === "nlb") wrongTarget = true;
        if (target?.kind === "ecsInstance") {
            // In a VPC when it names a vSwitch, a primary ENI (every ENI is in a vSwitch) or a launch template.
            const placed = ["vswitchId", "networkInterfaceId", "launchTemplateId", "launchTemplateName"].some((key) => givenText(target, key) !== undefined);
            if (!placed) wrongTarget = true;
        }
        // A CLB is in a VPC only in a vSwitch; without one it is Internet-facing or classic-network, whatever its addressType.
        if (target?.kind === "clb" && (internetFacingClb(target) === true || givenText(target, "vswitchId") === undefined)) wrongTarget = true;
        if (target?.kind === "natGateway" && vpcNatGateway(target) === true) wrongTarget = true;

        const kind = binding.targetKind;
        const sent = sentInstanceType(binding);
        if (kind === "eip") wrongTarget = true;
        if ((kind === "alb" || kind === "nlb") && binding.target.is === "literal") wrongTarget = true;
        if (
            typeof kind === "string" &&
            kind !== "eip" &&
            kind !== "other" &&
            REQUIRED[kind] !== undefined &&
            typeof sent === "string" &&
            INSTANCE_TYPES.includes(sent) &&
            sent !== REQUIRED[kind]
        ) {
            wrongTarget = true;
        }
        // An instanceId traced through a dependency may be another output of that resource; when the
        // declared instanceType fits that output, nothing is proven.
        if (wrongTarget && target !== undefined && binding.target.is === "resource" && binding.target.throughDependency && typeof binding.instanceType === "string") {
            const declared = binding.instanceType;
            if ((OTHER_OUTPUTS[target.kind as Target] ?? []).some((other) => REQUIRED[other] === declared)) {
                wrongTarget = false;
            }
        }
        const ipAddressIncomplete = sent === "IpAddress" && (binding.vpcId === undefined || binding.privateIpAddress === undefined);
        if (wrongTarget || ipAddressIncomplete) {
            out.push(binding.via);
        }
    }
    return out;
}

/** FAQ: "You can associate an ECS instance with only one EIP"; none with a static public IP (internetMaxBandwidthOut > 0). */
function ecsSingleEip(stack: Stack, bindings: Binding[]): Verdict {
    const out: Verdict = [];
    for (const group of groups(stack, onto(bindings, "ecsInstance", "EcsInstance"), (binding) => binding.target)) {
        const instance = group[0].target.is === "resource" ? group[0].target.resource : undefined;
        const bandwidth = instance === undefined ? undefined : count(given(instance, "internetMaxBandwidthOut"));
        if (group.length > 1 || (typeof bandwidth === "number" && bandwidth > 0)) {
            out.push(subject(group, theTarget));
        }
    }
    return out;
}

/** How many secondary private IPs a resource asks for: its address list's length, else its count, else none. */
function secondaries(resource: ResourceInput, lists: string[], counts: string[]): number | typeof UNK {
    for (const key of lists) {
        const list = items(given(resource, key));
        if (list !== undefined) return list === UNK ? UNK : list.length;
    }
    for (const key of counts) {
        const n = count(given(resource, key));
        if (n !== undefined) return n;
    }
    return 0;
}

const ENI_LISTS = ["privateIpAddresses", "privateIps"];
const ENI_COUNTS = ["secondaryPrivateIpAddressCount", "privateIpsCount"];

/** Whether the stack creates `later` only after `earlier`: some chain of dependencies (property or declared) leads there. */
function createdAfter(stack: Stack, later: ResourceInput, earlier: ResourceInput): boolean {
    const seen = new Set<ResourceInput>();
    const todo = [later];
    while (todo.length > 0) {
        const resource = todo.shift()!;
        const deps = [...Object.values(resource.propertyDependencies ?? {}).flat(), ...(resource.dependencies ?? [])];
        for (const address of deps) {
            const next = typeof address === "string" ? stack.at(address) : undefined;
            if (next === undefined || seen.has(next)) continue;
            if (next === earlier) return true;
            seen.add(next);
            todo.push(next);
        }
    }
    return false;
}

/**
 * Who attaches the ENI a binding names: instances created on it (networkInterfaceId: their primary
 * ENI), instances created with it (networkInterfaces), and attachment resources.
 */
function attachersOf(stack: Stack, eni: Named): { primary: boolean; by: ResourceInput }[] {
    const identity = stack.identity(eni);
    if (identity === undefined) return [];
    const same = (named: Named) => stack.identity(named) === identity;
    const out: { primary: boolean; by: ResourceInput }[] = [];
    for (const instance of stack.all("ecsInstance")) {
        if (same(stack.name(instance, "networkInterfaceId", ["eni"], given(instance, "networkInterfaceId")))) out.push({ primary: true, by: instance });
        const blocks = field(instance.props, "networkInterfaces");
        const list = Array.isArray(blocks) ? blocks : typeof blocks === "object" && blocks !== null ? [blocks] : [];
        list.forEach((block, i) => {
            const id = field(block, "networkInterfaceId");
            const own = stack.computedFrom(instance, `networkInterfaces[${i}].networkInterfaceId`, ["eni"]);
            const named: Named =
                own.length === 1 && typeof id !== "string" ? { is: "resource", resource: own[0], throughDependency: true } : stack.name(instance, "networkInterfaces", ["eni"], id);
            if (same(named)) out.push({ primary: false, by: instance });
        });
    }
    for (const attachment of stack.all("eniAttachment")) {
        if (same(stack.name(attachment, "networkInterfaceId", ["eni"]))) out.push({ primary: false, by: attachment });
    }
    return out;
}

/**
 * FAQ: in NAT mode an ENI takes as many EIPs as it has private IPs; BINDED exactly one and no secondary IPs; MULTI_BINDED up to the limit; NAT and MULTI_BINDED do not mix.
 * AssociateEipAddress (Eni.Attached) and the binding guides: BINDED and MULTI_BINDED only on a secondary ENI not attached yet; refused
 * on an instance's primary ENI, and when the association is created after what attaches the ENI.
 */
function eniEipCapacity(stack: Stack, bindings: Binding[], maxMulti: number): Verdict {
    const out: Verdict = [];
    for (const group of groups(stack, onto(bindings, "eni", "NetworkInterface"), (binding) => binding.target)) {
        const modeOf = (binding: Binding) => (binding.mode === undefined ? "NAT" : binding.mode === UNK ? UNK : binding.mode.toUpperCase());
        const nat = group.filter((b) => modeOf(b) === "NAT");
        const binded = group.filter((b) => modeOf(b) === "BINDED");
        const multi = group.filter((b) => modeOf(b) === "MULTI_BINDED");
        // Faults of the ENI as a whole (its subject); `some`, faults of one association each.
        let all = (nat.length > 0 && multi.length > 0) || (binded.length > 0 && group.length > 1) || multi.length > maxMulti;
        const some: Binding[] = [];
        for (const b of nat) {
            if (typeof b.privateIpAddress === "string" && nat.some((other) => other !== b && other.privateIpAddress === b.privateIpAddress)) all = true;
        }
        const eni = group[0].target.is === "resource" ? group[0].target.resource : undefined;
        if (eni !== undefined) {
            // A count of private IPs is a whole number from 0 up; any other number proves nothing.
            const asked = secondaries(eni, ENI_LISTS, ENI_COUNTS);
            const extra = typeof asked === "number" && !(Number.isInteger(asked) && asked >= 0) ? UNK : asked;
            if (binded.length > 0 && typeof extra === "number" && extra > 0) all = true;
            if (nat.length > 0 && typeof extra === "number" && nat.length > extra + 1) all = true;
            // The ENI's addresses, when every one of them is known.
            const primaryGiven = givenText(eni, "primaryIpAddress");
            const primary = primaryGiven !== undefined ? primaryGiven : givenText(eni, "privateIp");
            let addresses: string[] | undefined;
            if (typeof primary === "string") {
                if (extra === 0) {
                    addresses = [primary];
                } else {
                    for (const key of ENI_LISTS) {
                        const list = items(given(eni, key));
                        if (addresses === undefined && Array.isArray(list) && list.every((ip) => typeof ip === "string")) addresses = [primary, ...list];
                    }
                }
            }
            if (addresses !== undefined && nat.length > 0) {
                for (const b of nat) {
                    if (typeof b.privateIpAddress === "string" && !addresses.includes(b.privateIpAddress)) some.push(b);
                }
            }
        }
        const attachers = attachersOf(stack, group[0].target);
        for (const b of [...binded, ...multi]) {
            if (attachers.some((a) => a.primary || createdAfter(stack, b.via, a.by))) some.push(b);
        }
        out.push(...(all ? [subject(group, theTarget)] : []), ...some.map((binding) => binding.via));
    }
    return out;
}

/**
 * FAQ: "An Internet NAT Gateway can be associated with up to 20 EIPs" (maxEips); CreateNatGateway:
 * a gateway in NAT mode holds at most 50, however far maxEips was raised.
 */
function natGatewayEipLimit(stack: Stack, bindings: Binding[], maxEips: number): Verdict {
    const limitOf = (group: Binding[]) => {
        const target = group[0].target;
        return target.is === "resource" && natModeGateway(target.resource) ? Math.min(maxEips, 50) : maxEips;
    };
    return groups(stack, onto(bindings, "natGateway", "Nat"), (binding) => binding.target)
        .filter((group) => !(group[0].target.is === "resource" && vpcNatGateway(group[0].target.resource) === true))
        .filter((group) => group.length > limitOf(group))
        .map((group) => subject(group, theTarget));
}

/** Usable addresses of an IPv4 CIDR block after the 4 Alibaba Cloud reserves; undefined if it is not one. */
function usable(cidr: string): number | undefined {
    const [address, bits, ...rest] = cidr.trim().split("/");
    const octets = (address ?? "").split(".");
    const digits = (part: string | undefined, max: number) => part !== undefined && /^[0-9]{1,3}$/.test(part) && Number(part) <= max;
    if (rest.length > 0 || octets.length !== 4 || !octets.every((octet) => digits(octet, 255)) || bits === undefined || !/^[0-9]{1,2}$/.test(bits) || Number(bits) > 32) {
        return undefined;
    }
    return Math.max(0, 2 ** (32 - Number(bits)) - 4);
}

/** A NAT gateway is provably in NAT mode only when its eipBindMode says exactly "NAT"; unset is MULTI_BINDED. */
function natModeGateway(nat: ResourceInput): boolean {
    return givenText(nat, "eipBindMode") === "NAT";
}

/**
 * FAQ: every EIP of a new Internet NAT gateway takes a private IP of the gateway's vSwitch; the
 * CreateNatGateway reference narrows it to gateways in NAT mode (eipBindMode "NAT"). Counted: the
 * gateway, its EIPs when it is in NAT mode, and every other planned resource placed in that vSwitch
 * (gateways always, their EIPs only in NAT mode). Only NAT-mode gateways are reported.
 */
function natGatewayVswitchCapacity(stack: Stack, bindings: Binding[]): Verdict {
    const eipsOf = new Map<ResourceInput, number>();
    for (const group of groups(stack, onto(bindings, "natGateway", "Nat"), (binding) => binding.target)) {
        const target = group[0].target;
        if (target.is === "resource" && vpcNatGateway(target.resource) !== true && natModeGateway(target.resource)) eipsOf.set(target.resource, group.length);
    }
    const positive = (n: number | typeof UNK) => (typeof n === "number" && n > 0 ? Math.floor(n) : 0);
    const takes = (resource: ResourceInput, vswitch: ResourceInput): number => {
        const inIt = (named: Named) => named.is === "resource" && named.resource === vswitch;
        switch (resource.kind) {
            case "ecsInstance":
                return inIt(stack.vswitchOf(resource)) ? 1 + positive(secondaries(resource, ["secondaryPrivateIps"], ["secondaryPrivateIpAddressCount"])) : 0;
            case "eni":
                return inIt(stack.vswitchOf(resource)) ? 1 + positive(secondaries(resource, ENI_LISTS, ENI_COUNTS)) : 0;
            case "natGateway":
                return inIt(stack.vswitchOf(resource)) ? 1 + (eipsOf.get(resource) ?? 0) : 0;
            case "clb":
            case "havip":
                return inIt(stack.vswitchOf(resource)) ? 1 : 0;
            case "alb":
            case "nlb":
                return stack.zoneMappings(resource).list.filter((mapping) => inIt(mapping.vswitch)).length;
            default:
                return 0;
        }
    };
    const out: Verdict = [];
    for (const gateway of eipsOf.keys()) {
        const vswitch = stack.vswitchOf(gateway);
        if (vswitch.is !== "resource") continue;
        const cidr = givenText(vswitch.resource, "cidrBlock");
        const room = typeof cidr === "string" ? usable(cidr) : undefined;
        if (room === undefined) continue;
        const needed = stack.resources.reduce((sum, resource) => sum + takes(resource, vswitch.resource), 0);
        if (needed > room) out.push(gateway);
    }
    return out;
}

/**
 * FAQ: each zone of an ALB/NLB supports one EIP: no two EIPs in one zone, no more EIPs than zones.
 * The provider keeps zone mappings as a set: two ALB mappings of one zone count only when they are
 * provably not identical; an NLB's mappings of one zone are one, so different EIPs there lose all but
 * one of them (never bound: a violation as well).
 */
function albNlbEipPerZone(stack: Stack): Verdict {
    const out: Verdict = [];
    for (const lb of stack.all("alb", "nlb")) {
        const { list, unplaced, known } = stack.zoneMappings(lb);
        const placed = list.filter((mapping): mapping is typeof mapping & { eip: Named } => mapping.eip !== undefined && mapping.eip !== "maybe");
        if (placed.length + unplaced.length === 0) continue;
        const pairs = placed.flatMap((a) => placed.filter((b) => b !== a && typeof a.zone === "string" && b.zone === a.zone).map((b) => [a, b] as const));
        const twoInOneZone =
            lb.kind === "nlb"
                ? pairs.some(([a, b]) => stack.identity(a.eip) !== undefined && stack.identity(b.eip) !== undefined && stack.identity(a.eip) !== stack.identity(b.eip))
                : pairs.some(([a, b]) => sameElement(stack, "alb", a, b) === "different");
        const zonesKnown = known && list.every((mapping) => typeof mapping.zone === "string");
        const zones = new Set(list.map((mapping) => mapping.zone)).size;
        const zonesWithEips = new Set(placed.map((mapping) => mapping.zone)).size;
        if (twoInOneZone || (zonesKnown && zonesWithEips + unplaced.length > zones)) out.push(lb);
    }
    return out;
}

/** FAQ: "An internal-facing CLB instance in a VPC can be associated with only one EIP." */
function clbSingleEip(stack: Stack, bindings: Binding[]): Verdict {
    return groups(stack, onto(bindings, "clb", "SlbInstance"), (binding) => binding.target)
        .filter((group) => group.length > 1 && !(group[0].target.is === "resource" && internetFacingClb(group[0].target.resource) === true))
        .map((group) => subject(group, theTarget));
}

/** FAQ: "A high-availability virtual IP address (HAVIP) instance can be associated with only one EIP." */
function havipSingleEip(stack: Stack, bindings: Binding[]): Verdict {
    return groups(stack, onto(bindings, "havip", "HaVip"), (binding) => binding.target)
        .filter((group) => group.length > 1)
        .map((group) => subject(group, theTarget));
}

/**
 * FAQ: an ECS instance with an EIP cannot be a DNAT target, and the other way round. A DNAT entry
 * targets the instance its internalIp was computed from (at preview, and after the update alike), or
 * else the one planned instance with that private IP provably in the VPC of the entry's NAT gateway.
 * Only the instance's primary private IP is proven to conflict: an entry to one of its secondary IPs,
 * or one whose VPC cannot be proven the instance's, is at most an advisory note (no verdict here).
 */
function eipDnatConflict(stack: Stack, bindings: Binding[]): Verdict {
    const withEip = onto(bindings, "ecsInstance", "EcsInstance").filter((binding) => binding.target.is === "resource");
    const network = (resource: ResourceInput) => {
        const vswitch = stack.vswitchOf(resource);
        const own = stack.identity(stack.name(resource, "vpcId", ["vpc"], given(resource, "vpcId")));
        const throughVswitch = vswitch.is === "resource" ? stack.identity(stack.name(vswitch.resource, "vpcId", ["vpc"], given(vswitch.resource, "vpcId"))) : undefined;
        return { vpc: own ?? throughVswitch, vswitch: stack.identity(vswitch) };
    };
    const oneNetwork = (a: ResourceInput, b: ResourceInput) => {
        const x = network(a);
        const y = network(b);
        return x.vpc !== undefined && y.vpc !== undefined ? x.vpc === y.vpc : x.vswitch !== undefined && x.vswitch === y.vswitch;
    };
    const gatewayOf = (entry: ResourceInput): ResourceInput | undefined => {
        const table = field(entry.props, "forwardTableId");
        const id = text(table);
        if (unknownValue(table)) {
            const from = stack.computedFrom(entry, "forwardTableId", ["natGateway"]);
            return from.length === 1 ? from[0] : undefined;
        }
        if (typeof id !== "string") return undefined;
        const owners = stack.all("natGateway").filter((gateway) => {
            const tables = given(gateway, "forwardTableIds");
            const list = Array.isArray(tables) ? tables : typeof tables === "string" ? tables.split(",") : [];
            return list.some((t) => typeof t === "string" && t.trim() === id);
        });
        return owners.length === 1 ? owners[0] : undefined;
    };
    const out: Verdict = [];
    for (const entry of stack.all("forwardEntry")) {
        const ip = field(entry.props, "internalIp");
        const from = stack.computedFrom(entry, "internalIp", ["ecsInstance"]);
        // Computed from one instance (`instance.privateIp`): that instance, known yet or not, unless
        // the instance's address is known and is another one.
        const computed = from.length === 1 ? from[0] : undefined;
        const addresses = computed === undefined ? [] : ["privateIp", "primaryIpAddress"].map((key) => givenText(computed, key)).filter((a): a is string => typeof a === "string");
        let instance: ResourceInput | undefined;
        if (unknownValue(ip)) {
            instance = computed;
        } else if (typeof text(ip) === "string" && computed !== undefined) {
            instance = addresses.length === 0 || addresses.includes(ip as string) ? computed : undefined;
        } else if (typeof text(ip) === "string") {
            const gateway = gatewayOf(entry);
            const owners = stack.all("ecsInstance").filter((candidate) => ["privateIp", "primaryIpAddress"].some((key) => givenText(candidate, key) === ip));
            instance = gateway !== undefined && owners.length === 1 && oneNetwork(owners[0], gateway) ? owners[0] : undefined;
        }
        const eips = withEip.filter((binding) => binding.target.is === "resource" && binding.target.resource === instance);
        if (instance !== undefined && eips.length > 0) {
            out.push(instance);
        }
    }
    return out;
}

/** FAQ (advisory): an EIP and its CLB in different resource groups: the console does not show the CLB. */
function eipClbResourceGroup(_stack: Stack, bindings: Binding[]): Verdict {
    return onto(bindings, "clb", "SlbInstance")
        .filter((binding) => {
            if (binding.eip.is !== "resource" || binding.target.is !== "resource") return false;
            const a = givenText(binding.eip.resource, "resourceGroupId");
            const b = givenText(binding.target.resource, "resourceGroupId");
            return typeof a === "string" && typeof b === "string" && a !== b;
        })
        .map((binding) => binding.via);
}

export const ORACLE_POLICIES: readonly PolicyName[] = [
    "eip-single-binding",
    "eip-same-region",
    "eip-supported-target",
    "ecs-single-eip",
    "eni-eip-capacity",
    "ecs-eni-limit",
    "eni-private-ip-limit",
    "nat-gateway-eip-limit",
    "nat-gateway-vswitch-capacity",
    "alb-nlb-eip-per-zone",
    "clb-single-eip",
    "havip-single-eip",
    "eip-dnat-conflict",
    "eip-clb-resource-group",
];

export const MANDATORY_BY_DEFAULT: readonly PolicyName[] = ORACLE_POLICIES.filter((policy) => policy !== "eip-clb-resource-group");

/** Every policy's verdict: the addresses it reports a violation on, sorted, each once. */
export function oracle(resources: readonly ResourceInput[], options: OracleOptions = {}): Record<PolicyName, string[]> {
    const stack = new Stack(resources);
    const bindings = stack.bindings();
    const maxEips = wholeNumber(options.maxEips, 1, 10000, 20);
    const maxMulti = wholeNumber(options.maxMultiBindedEips, 1, 1000, 10);
    const verdicts: Record<PolicyName, Verdict> = {
        "eip-single-binding": eipSingleBinding(stack, bindings),
        "eip-same-region": eipSameRegion(stack, bindings),
        "eip-supported-target": eipSupportedTarget(stack, bindings),
        "ecs-single-eip": ecsSingleEip(stack, bindings),
        "eni-eip-capacity": eniEipCapacity(stack, bindings, maxMulti),
        "ecs-eni-limit": ecsEniLimit(stack, options.instanceTypes),
        "eni-private-ip-limit": eniPrivateIpLimit(stack, options.instanceTypes),
        "nat-gateway-eip-limit": natGatewayEipLimit(stack, bindings, maxEips),
        "nat-gateway-vswitch-capacity": natGatewayVswitchCapacity(stack, bindings),
        "alb-nlb-eip-per-zone": albNlbEipPerZone(stack),
        "clb-single-eip": clbSingleEip(stack, bindings),
        "havip-single-eip": havipSingleEip(stack, bindings),
        "eip-dnat-conflict": eipDnatConflict(stack, bindings),
        "eip-clb-resource-group": eipClbResourceGroup(stack, bindings),
    };
    return Object.fromEntries(Object.entries(verdicts).map(([policy, list]) => [policy, [...new Set(list.map((resource) => resource.address))].sort()])) as Record<
        PolicyName,
        string[]
    >;
}
