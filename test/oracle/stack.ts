// What the oracle knows about a stack: which resource a reference names, which region a resource is
// in, and every binding of an EIP. Brute force throughout: every lookup scans the whole list.

import type { ResourceInput, ResourceKind } from "../../policypack/core/resources";
import { UNK, Unk, field, given, givenText, items, sources, text, unknownValue } from "./read";

export type Target = "ecsInstance" | "eni" | "clb" | "natGateway" | "havip" | "alb" | "nlb";
export const TARGETS: readonly Target[] = ["ecsInstance", "eni", "clb", "natGateway", "havip", "alb", "nlb"];

/** The Alibaba Cloud id prefix of each kind. */
const PREFIXES: readonly [Target | "eip", string][] = [
    ["ecsInstance", "i-"],
    ["eni", "eni-"],
    ["clb", "lb-"],
    ["natGateway", "ngw-"],
    ["havip", "havip-"],
    ["alb", "alb-"],
    ["nlb", "nlb-"],
    ["eip", "eip-"],
];

export function kindOfLiteral(id: string): Target | "eip" | "other" {
    return PREFIXES.find(([, prefix]) => id.startsWith(prefix))?.[0] ?? "other";
}

/** What a reference names. Not set and not decidable are told apart only where it matters. */
export type Named =
    | { readonly is: "resource"; readonly resource: ResourceInput; readonly throughDependency: boolean }
    | { readonly is: "literal"; readonly id: string }
    | { readonly is: "unresolved" }
    | { readonly is: "unset" };

export interface Binding {
    readonly via: ResourceInput;
    readonly byZoneMapping: boolean;
    /** The zone mapping that holds the EIP, when it can be told. */
    readonly mapping?: Mapping;
    readonly eip: Named;
    readonly target: Named;
    /** The kind the target is: of the resource, by a literal's prefix, "eip" for an EIP's id, UNK when not known. */
    readonly targetKind: Target | "eip" | "other" | Unk | undefined;
    readonly instanceType: string | Unk | undefined;
    readonly mode: string | Unk | undefined;
    readonly privateIpAddress: string | Unk | undefined;
    readonly vpcId: string | Unk | undefined;
}

export interface Mapping {
    readonly zone: string | Unk | undefined;
    readonly vswitch: Named;
    /** undefined: no EIP; "maybe": an unknown allocation id that may hold one of the unplaced EIPs. */
    readonly eip: Named | undefined | "maybe";
    /** The other fields an ALB's zone_mappings set hashes; undefined when not set. */
    readonly eipType: string | Unk | undefined;
    readonly intranetAddress: string | Unk | undefined;
}

export interface Mappings {
    readonly list: readonly Mapping[];
    /** EIPs the zone mappings were computed from, in mappings that cannot be told. */
    readonly unplaced: readonly Named[];
    /** False when the zone mapping list itself is unknown. */
    readonly known: boolean;
}

export type Same = "same" | "different" | "unknown";

export class Stack {
    constructor(readonly resources: readonly ResourceInput[]) {}

    at(address: string | undefined): ResourceInput | undefined {
        return this.resources.find((resource) => resource.address === address);
    }

    all(...kinds: ResourceKind[]): ResourceInput[] {
        return this.resources.filter((resource) => kinds.includes(resource.kind));
    }

    /** The resources of `kinds` property `key` of `resource` was computed from, each once. */
    computedFrom(resource: ResourceInput, key: string, kinds: readonly ResourceKind[]): ResourceInput[] {
        const found: ResourceInput[] = [];
        for (const address of sources(resource, key)) {
            const source = this.at(address);
            if (source !== undefined && kinds.includes(source.kind) && !found.includes(source)) {
                found.push(source);
            }
        }
        return found;
    }

    /**
     * What `value` (property `key` of `resource`) names among `kinds`: a known id names the first
     * resource of those kinds with that id, else something outside the stack; an unknown names the
     * one resource of those kinds it was computed from.
     */
    name(resource: ResourceInput, key: string, kinds: readonly ResourceKind[], value: unknown = field(resource.props, key)): Named {
        const id = text(value);
        if (id === undefined) {
            return { is: "unset" };
        }
        if (id !== UNK) {
            const match = this.resources.find((candidate) => candidate.kind !== "provider" && kinds.includes(candidate.kind) && text(field(candidate.props, "id")) === id);
            return match === undefined ? { is: "literal", id } : { is: "resource", resource: match, throughDependency: false };
        }
        if (!unknownValue(value)) {
            return { is: "unresolved" };
        }
        const from = this.computedFrom(resource, key, kinds);
        return from.length === 1 ? { is: "resource", resource: from[0], throughDependency: true } : { is: "unresolved" };
    }

    /** A key telling whether two references name the same thing; undefined when they name nothing known. */
    identity(named: Named): string | undefined {
        if (named.is === "resource") {
            const id = text(field(named.resource.props, "id"));
            return typeof id === "string" ? `id ${id}` : `resource ${named.resource.address}`;
        }
        return named.is === "literal" ? `id ${named.id}` : undefined;
    }

    sameRegion(a: ResourceInput, b: ResourceInput): Same {
        const pa = this.at(a.provider);
        const pb = this.at(b.provider);
        if (pa !== undefined && pa === pb) {
            return "same";
        }
        const ra = pa === undefined ? UNK : text(field(pa.props, "region"));
        const rb = pb === undefined ? UNK : text(field(pb.props, "region"));
        if (typeof ra === "string" && typeof rb === "string") {
            return ra.trim().toLowerCase() === rb.trim().toLowerCase() ? "same" : "different";
        }
        return "unknown";
    }

    vswitchOf(resource: ResourceInput): Named {
        return this.name(resource, "vswitchId", ["vswitch"]);
    }

    /** Every EIP binding: each EipAssociation, and each EIP an ALB/NLB holds in its zone mappings. */
    bindings(): Binding[] {
        const out: Binding[] = [];
        for (const association of this.all("eipAssociation")) {
            const target = this.name(association, "instanceId", TARGETS);
            const fromEips = this.computedFrom(association, "instanceId", ["eip"]);
            const allSources = sources(association, "instanceId");
            const computedFromEipsOnly =
                target.is === "unresolved" &&
                unknownValue(field(association.props, "instanceId")) &&
                allSources.length > 0 &&
                allSources.every((address) => fromEips.some((eip) => eip.address === address));
            out.push({
                via: association,
                byZoneMapping: false,
                eip: this.name(association, "allocationId", ["eip"]),
                target,
                targetKind: computedFromEipsOnly ? "eip" : kindOfNamed(target),
                instanceType: givenText(association, "instanceType"),
                mode: givenText(association, "mode"),
                privateIpAddress: givenText(association, "privateIpAddress"),
                vpcId: givenText(association, "vpcId"),
            });
        }
        for (const lb of this.all("alb", "nlb")) {
            const { list, unplaced } = this.zoneMappings(lb);
            const held = [
                ...list.flatMap((mapping) => (mapping.eip === undefined || mapping.eip === "maybe" ? [] : [{ eip: mapping.eip, mapping }])),
                ...unplaced.map((eip) => ({ eip, mapping: undefined })),
            ];
            for (const { eip, mapping } of held) {
                out.push({
                    via: lb,
                    byZoneMapping: true,
                    mapping,
                    eip,
                    target: { is: "resource", resource: lb, throughDependency: false },
                    targetKind: lb.kind as Target,
                    instanceType: undefined,
                    mode: undefined,
                    privateIpAddress: undefined,
                    vpcId: undefined,
                });
            }
        }
        return out;
    }

    /**
     * The zone mappings of an ALB/NLB. An allocation id (or vSwitch id) that is unknown names the
     * resource its own element was computed from (`zoneMappings[i].allocationId`, as Terraform gives
     * it); failing that, the resources the whole list was computed from that no element names yet are
     * handed out in order when there are exactly as many as open fields. No such EIP at all: the
     * allocation id was left unset. Otherwise those EIPs are held in mappings that cannot be told.
     */
    zoneMappings(lb: ResourceInput): Mappings {
        const list = items(field(lb.props, "zoneMappings"));
        if (list === undefined) {
            return { list: [], unplaced: [], known: true };
        }
        if (list === UNK) {
            const eips = this.computedFrom(lb, "zoneMappings", ["eip"]).map((resource): Named => ({ is: "resource", resource, throughDependency: true }));
            return { list: [], unplaced: eips, known: false };
        }
        const eips = this.elementReferences(lb, list, "allocationId", "eip");
        const vswitches = this.elementReferences(lb, list, "vswitchId", "vswitch");
        const mappings = list.map((element, index): Mapping => {
            const vswitch = vswitches.named[index] ?? { is: "unset" };
            let zone = text(field(element, "zoneId"));
            if (zone === UNK && vswitch.is === "resource") {
                const own = givenText(vswitch.resource, "zoneId");
                zone = own !== undefined ? own : (givenText(vswitch.resource, "availabilityZone") ?? UNK);
            }
            const eip = eips.open.includes(index) && eips.unplaced.length > 0 ? "maybe" : eips.named[index];
            // An unknown field with per-element dependencies given for the list but none for itself was left unset.
            const perElement = Object.keys(lb.propertyDependencies ?? {}).some((key) => key.startsWith("zoneMappings["));
            const own = (key: string) => {
                const value = text(field(element, key));
                return value === UNK && perElement && sources(lb, `zoneMappings[${index}].${key}`).length === 0 ? undefined : value;
            };
            return { zone, vswitch, eip, eipType: own("eipType"), intranetAddress: own("intranetAddress") };
        });
        return { list: mappings, unplaced: eips.unplaced, known: true };
    }

    private elementReferences(lb: ResourceInput, list: readonly unknown[], key: string, kind: ResourceKind): { named: (Named | undefined)[]; open: number[]; unplaced: Named[] } {
        const open: number[] = [];
        const named = list.map((element, index): Named | undefined => {
            const value = field(element, key);
            if (text(value) === undefined) {
                return undefined;
            }
            if (!unknownValue(value)) {
                return this.name(lb, "zoneMappings", [kind], value);
            }
            const own = this.computedFrom(lb, `zoneMappings[${index}].${key}`, [kind]);
            if (own.length === 1) {
                return { is: "resource", resource: own[0], throughDependency: true };
            }
            open.push(index);
            return { is: "unresolved" };
        });
        if (open.length === 0) {
            return { named, open, unplaced: [] };
        }
        const taken = named.flatMap((n) => (n?.is === "resource" ? [n.resource] : []));
        const pool = this.computedFrom(lb, "zoneMappings", [kind]).filter((resource) => !taken.includes(resource));
        if (pool.length === open.length) {
            open.forEach((index, n) => (named[index] = { is: "resource", resource: pool[n], throughDependency: true }));
            return { named, open: [], unplaced: [] };
        }
        if (pool.length === 0 && kind === "eip") {
            open.forEach((index) => (named[index] = undefined));
            return { named, open: [], unplaced: [] };
        }
        return { named, open, unplaced: pool.map((resource): Named => ({ is: "resource", resource, throughDependency: true })) };
    }
}

/**
 * Whether two zone mappings of one load balancer become one element of the provider's zone_mappings
 * set ("same"), stay two ("different"), or cannot be told: an NLB's set is keyed by the zone alone, an
 * ALB's by every field the user sets (zone, vSwitch, EIP, eipType, intranetAddress).
 */
export function sameElement(stack: Stack, kind: ResourceKind, a: Mapping, b: Mapping): Same {
    const zone = (m: Mapping) => (typeof m.zone === "string" ? m.zone : UNK);
    const named = (n: Named | undefined | "maybe") => (n === undefined || (typeof n === "object" && n.is === "unset") ? "none" : n === "maybe" ? UNK : (stack.identity(n) ?? UNK));
    const plain = (v: string | Unk | undefined) => (v === undefined ? "none" : v);
    const parts = (m: Mapping) => (kind === "nlb" ? [zone(m)] : [zone(m), named(m.vswitch), named(m.eip), plain(m.eipType), plain(m.intranetAddress)]);
    const x = parts(a);
    const y = parts(b);
    if (x.some((value, i) => value !== UNK && y[i] !== UNK && value !== y[i])) return "different";
    return x.every((value, i) => value !== UNK && y[i] !== UNK) ? "same" : "unknown";
}

function kindOfNamed(named: Named): Target | "eip" | "other" | Unk | undefined {
    switch (named.is) {
        case "resource":
            return named.resource.kind as Target;
        case "literal":
            return kindOfLiteral(named.id);
        case "unresolved":
            return UNK;
        case "unset":
            return undefined;
    }
}

/** The AssociateEipAddress InstanceType the association is made with: declared, or the provider's guess from the id. */
export function sentInstanceType(binding: Binding): string | Unk | undefined {
    if (binding.instanceType !== undefined) {
        return binding.instanceType;
    }
    switch (binding.targetKind) {
        case undefined:
            return undefined;
        case UNK:
            return UNK;
        case "clb":
            return "SlbInstance";
        case "natGateway":
            return "Nat";
        default:
            return "EcsInstance";
    }
}

/** The association bindings Alibaba Cloud counts against a target of `kind`: that kind, with the InstanceType it takes. */
export function onto(bindings: readonly Binding[], kind: Target, instanceType: string): Binding[] {
    return bindings.filter((binding) => !binding.byZoneMapping && binding.targetKind === kind && sentInstanceType(binding) === instanceType);
}

/** Groups bindings by the identity of what `pick` names. */
export function groups(stack: Stack, bindings: readonly Binding[], pick: (binding: Binding) => Named): Binding[][] {
    const out = new Map<string, Binding[]>();
    for (const binding of bindings) {
        const identity = stack.identity(pick(binding));
        if (identity !== undefined) {
            out.set(identity, [...(out.get(identity) ?? []), binding]);
        }
    }
    return [...out.values()];
}

export { given, givenText };
