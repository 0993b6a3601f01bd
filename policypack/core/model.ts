// The typed model the rules read: EIPs, the bindings that point them at targets, regions and
// vSwitches, all resolved from the planned resources.
//
// A reference (an EIP's allocation id, a target's instance id, a vSwitch id) is resolved in the
// order a plan allows:
//   1. a known value is an id: it names the planned resource with that id, or else something that
//      lives outside the plan (a literal id);
//   2. an unknown value names the one resource of a fitting kind it was computed from, read from the
//      property's dependencies (at preview this is the only way to know which EIP `eip.id` is);
//   3. anything else is unresolved, and the rules that need it say they could not decide.

import { TargetKind, TARGET_KINDS, inferredInstanceType, isTargetKind, kindOfId } from "./ids";
import { appendTo, memoized } from "./collections";
import { ResourceInput, ResourceKind } from "./resources";
import { Maybe, UNKNOWN, asString, isKnown, isRecord, isUnknown, prop, readList, readString } from "./values";
import { KeyPart, mappingField, setElements, setKey } from "./zone-sets";

export type Ref =
    /** `via`: "dependency" when an unknown value was traced to the one resource it was computed from. */
    | { readonly kind: "resource"; readonly resource: ResourceInput; readonly via?: "dependency" }
    | { readonly kind: "literal"; readonly id: string }
    | { readonly kind: "unresolved" }
    | { readonly kind: "absent" };

export interface Binding {
    /** Unique within the model: the association's address, or the ALB/NLB address and mapping index. */
    readonly key: string;
    readonly source: "association" | "zoneMapping";
    /** The resource that makes the binding: the EipAssociation, or the ALB/NLB with the zone mapping. */
    readonly via: ResourceInput;
    readonly zoneMappingIndex?: number;
    readonly eip: Ref;
    readonly target: Ref;
    /** The kind of the target: from the resource, or from a literal id's prefix ("other" if none fits). */
    readonly targetKind: Maybe<TargetKind | "eip" | "other">;
    readonly declaredInstanceType: Maybe<string>;
    readonly mode: Maybe<string>;
    readonly privateIpAddress: Maybe<string>;
    readonly vpcId: Maybe<string>;
}

export interface ZoneMapping {
    readonly index: number;
    readonly zone: Maybe<string>;
    readonly vswitch: Ref;
    /** The EIP the mapping holds; undefined if none; "unplaced" if it may hold one of the unplaced EIPs. */
    readonly eip: Ref | undefined | "unplaced";
    /** What the provider's set hashes the mapping by: mappings with equal keys are one element (zone-sets.ts). */
    readonly key: readonly KeyPart[];
}

export interface LoadBalancerMappings {
    readonly mappings: readonly ZoneMapping[];
    /** EIPs the load balancer binds in a mapping that cannot be told. */
    readonly unplaced: readonly Ref[];
    /** False when the list of zone mappings itself is unknown. */
    readonly complete: boolean;
    /** Mappings with an unknown allocation id that cannot be told apart from unset ones. */
    readonly doubtful?: number;
}

export interface Region {
    /** The provider resource the region comes from; two resources on one provider share a region. */
    readonly provider?: ResourceInput;
    readonly value: Maybe<string>;
}

export type Comparison = "same" | "different" | "unknown";

export class Model {
    readonly resources: readonly ResourceInput[];
    private readonly byAddressIndex = new Map<string, ResourceInput>();
    private readonly byKindIndex = new Map<ResourceKind, ResourceInput[]>();
    private readonly byIdIndex = new Map<string, ResourceInput[]>();
    private bindingsCache: readonly Binding[] | undefined;
    private readonly mappingsCache = new Map<ResourceInput, LoadBalancerMappings>();
    private readonly regionCache = new Map<ResourceInput, Region>();
    private readonly vswitchCache = new Map<ResourceInput, Ref>();

    constructor(resources: readonly ResourceInput[]) {
        this.resources = resources;
        // The engine hands a stack's resources over in no particular order (it ranges over a Go map),
        // so the indexes the rules walk are in address order: which resources a message lists first,
        // which one it gives as the example, and the order of the findings must not change between
        // previews of the same stack.
        for (const resource of [...resources].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))) {
            if (!this.byAddressIndex.has(resource.address)) {
                this.byAddressIndex.set(resource.address, resource);
            }
            appendTo(this.byKindIndex, resource.kind, resource);
            const id = readString(resource.props, "id");
            if (typeof id === "string" && resource.kind !== "provider") {
                appendTo(this.byIdIndex, id, resource);
            }
        }
    }

    /**
     * A property as the user set it. A bridged provider reports an Optional+Computed property the user
     * left unset as unknown at preview. When the declared inputs are known, they say which it is: an
     * unknown the program did not declare reads as undefined (unset: the provider or the API picks the
     * value), one it declared stays UNKNOWN. Otherwise an unknown that was not computed from any other
     * resource in the stack is taken for unset, and one computed from another resource's output stays
     * UNKNOWN; that guess is wrong only for a value computed from a resource outside the stack.
     */
    setting(resource: ResourceInput, key: string, value: unknown = prop(resource.props, key)): unknown {
        if (!isUnknown(value)) {
            return value;
        }
        const declared = this.declaredInputsOf(resource);
        if (declared !== undefined) {
            return isSet(prop(declared, key)) ? value : undefined;
        }
        return this.hasDependencies(resource, key) ? value : undefined;
    }

    /** The inputs the program declared for `resource` (ResourceInput.declared), when they are known. */
    declaredInputsOf(resource: ResourceInput): Readonly<Record<string, unknown>> | undefined {
        return isRecord(resource.declared) ? resource.declared : undefined;
    }

    /**
     * How many elements of the declared list `key` set `field`, and how many leave it unset; undefined
     * when the declared inputs are not known or do not hold a list of `length` elements.
     */
    private declaredFieldCounts(resource: ResourceInput, key: string, field: string, length: number): { set: number; unset: number } | undefined {
        const declared = this.declaredInputsOf(resource);
        const list = declared === undefined ? undefined : prop(declared, key);
        if (!Array.isArray(list) || list.length !== length) {
            return undefined;
        }
        const set = list.filter((element) => isSet(prop(element, field))).length;
        return { set, unset: list.length - set };
    }

    hasDependencies(resource: ResourceInput, key: string): boolean {
        const deps = resource.propertyDependencies?.[key];
        return Array.isArray(deps) && deps.length > 0;
    }

    byAddress(address: string | undefined): ResourceInput | undefined {
        return address === undefined ? undefined : this.byAddressIndex.get(address);
    }

    ofKind(kind: ResourceKind): readonly ResourceInput[] {
        return this.byKindIndex.get(kind) ?? [];
    }

    /** Every binding of an EIP in the plan: associations and ALB/NLB zone mappings. */
    get bindings(): readonly Binding[] {
        if (this.bindingsCache === undefined) {
            this.bindingsCache = [
                ...this.ofKind("eipAssociation").map((association) => this.associationBinding(association)),
                ...this.ofKind("alb").flatMap((lb) => this.zoneMappingBindings(lb)),
                ...this.ofKind("nlb").flatMap((lb) => this.zoneMappingBindings(lb)),
            ];
        }
        return this.bindingsCache;
    }

    /**
     * Resolves the reference held by `value` (by default `resource.props[key]`) to a resource of one
     * of `kinds`, following the rules at the top of this file.
     */
    resolve(resource: ResourceInput, key: string, kinds: readonly ResourceKind[], value: unknown = prop(resource.props, key)): Ref {
        const text = asString(value);
        if (text === undefined) {
            return { kind: "absent" };
        }
        if (typeof text === "string") {
            const match = (this.byIdIndex.get(text) ?? []).find((candidate) => kinds.includes(candidate.kind));
            return match ? { kind: "resource", resource: match } : { kind: "literal", id: text };
        }
        if (!isUnknown(value)) {
            // A value of the wrong type: the provider will refuse it; nothing here can be proven.
            return { kind: "unresolved" };
        }
        const candidates = this.dependencyCandidates(resource, key, kinds);
        return candidates.length === 1 ? { kind: "resource", resource: candidates[0], via: "dependency" } : { kind: "unresolved" };
    }

    /** The distinct resources of `kinds` that property `key` of `resource` was computed from. */
    dependencyCandidates(resource: ResourceInput, key: string, kinds: readonly ResourceKind[]): ResourceInput[] {
        const deps = resource.propertyDependencies?.[key];
        if (!Array.isArray(deps)) {
            return [];
        }
        const found = new Map<string, ResourceInput>();
        for (const address of deps) {
            const dep = typeof address === "string" ? this.byAddress(address) : undefined;
            if (dep !== undefined && kinds.includes(dep.kind)) {
                found.set(dep.address, dep);
            }
        }
        return [...found.values()];
    }

    /** True when property `key` is unknown and every resource it was computed from is of `kind`. */
    computedOnlyFrom(resource: ResourceInput, key: string, kind: ResourceKind): boolean {
        const deps: unknown = resource.propertyDependencies?.[key];
        if (!isUnknown(prop(resource.props, key)) || !Array.isArray(deps) || deps.length === 0) {
            return false;
        }
        return deps.every((address) => this.byAddress(typeof address === "string" ? address : undefined)?.kind === kind);
    }

    /**
     * A stable identity for what a reference names, so that the same EIP reached by a resource
     * reference and by its literal id counts once.
     */
    identity(ref: Ref): string | undefined {
        switch (ref.kind) {
            case "resource": {
                const id = readString(ref.resource.props, "id");
                return typeof id === "string" ? `id:${id}` : `address:${ref.resource.address}`;
            }
            case "literal":
                return `id:${ref.id}`;
            default:
                return undefined;
        }
    }

    regionOf(resource: ResourceInput): Region {
        return memoized(this.regionCache, resource, () => this.readRegion(resource));
    }

    private readRegion(resource: ResourceInput): Region {
        const provider = this.byAddress(resource.provider);
        if (provider === undefined) {
            return { value: UNKNOWN };
        }
        const value = readString(provider.props, "region");
        // A provider without a region takes it from the environment, which no policy can see.
        return { provider, value: value === undefined ? UNKNOWN : typeof value === "string" ? value.trim().toLowerCase() : value };
    }

    compareRegions(a: Region, b: Region): Comparison {
        if (a.provider !== undefined && a.provider === b.provider) {
            return "same";
        }
        if (isKnown(a.value) && isKnown(b.value)) {
            return a.value === b.value ? "same" : "different";
        }
        return "unknown";
    }

    /** The vSwitch a resource sits in (`vswitchId`), when it can be resolved to one in the plan. */
    vswitchOf(resource: ResourceInput): Ref {
        return memoized(this.vswitchCache, resource, () => this.resolve(resource, "vswitchId", ["vswitch"]));
    }

    /** The `InstanceType` the association will be made with: the declared one, or the provider's guess. */
    effectiveInstanceType(binding: Binding): Maybe<string> {
        if (binding.declaredInstanceType !== undefined) {
            return binding.declaredInstanceType;
        }
        return inferredInstanceType(binding.targetKind);
    }

    private associationBinding(association: ResourceInput): Binding {
        const target = this.resolve(association, "instanceId", TARGET_KINDS);
        // An instanceId computed from EIPs alone is an EIP's id or address: no output of an EIP names
        // a resource that can hold one.
        const fromEipsOnly = target.kind === "unresolved" && this.computedOnlyFrom(association, "instanceId", "eip");
        return {
            key: association.address,
            source: "association",
            via: association,
            eip: this.resolve(association, "allocationId", ["eip"]),
            target,
            targetKind: fromEipsOnly ? "eip" : targetKindOf(target),
            declaredInstanceType: asString(this.setting(association, "instanceType")),
            mode: asString(this.setting(association, "mode")),
            privateIpAddress: asString(this.setting(association, "privateIpAddress")),
            vpcId: asString(this.setting(association, "vpcId")),
        };
    }

    /**
     * The zone mappings of an ALB or NLB: each one's zone, vSwitch and EIP, as far as they can be told.
     *
     * `zoneMappings[].allocationId` is Optional+Computed, so at preview every mapping without an EIP
     * reads as unknown too. The dependencies of `zoneMappings` cover the whole list: an EIP found there
     * is bound by this load balancer, but which mapping holds it is known only from per-element
     * dependencies (Terraform gives them) or when the unknown ids and those EIPs are equally many.
     * Otherwise the EIPs are "unplaced" and the mappings with unknown ids "may" hold them.
     */
    zoneMappingsOf(lb: ResourceInput): LoadBalancerMappings {
        return memoized(this.mappingsCache, lb, () => this.readZoneMappings(lb));
    }

    private readZoneMappings(lb: ResourceInput): LoadBalancerMappings {
        const list = readList(lb.props, "zoneMappings");
        if (list === UNKNOWN) {
            // The whole list is computed (built in an apply): the EIPs it was computed from are bound
            // by this load balancer, in mappings that cannot be told.
            const eips = this.dependencyCandidates(lb, "zoneMappings", ["eip"]);
            return { mappings: [], unplaced: eips.map((resource) => ({ kind: "resource", resource, via: "dependency" })), complete: false };
        }
        if (list === undefined) {
            return { mappings: [], unplaced: [], complete: true };
        }
        const eips = this.elementRefs(lb, list, "allocationId", "eip");
        const vswitches = this.elementRefs(lb, list, "vswitchId", "vswitch");
        const openEips = new Set(eips.open);
        const mappings = list.map((element, index): ZoneMapping => {
            const vswitch = vswitches.refs[index] ?? { kind: "absent" };
            let zone = asString(prop(element, "zoneId"));
            if (zone === UNKNOWN && vswitch.kind === "resource") {
                const vswitchZone = asString(this.setting(vswitch.resource, "zoneId")) ?? asString(this.setting(vswitch.resource, "availabilityZone"));
                zone = vswitchZone ?? UNKNOWN;
            }
            const eip = eips.refs[index];
            const open = eips.unplaced.length > 0 && openEips.has(index);
            const held = open ? "unplaced" : eip;
            const key = setKey(lb.kind, {
                zone,
                vswitch: vswitch.kind === "absent" ? "absent" : (this.identity(vswitch) ?? UNKNOWN),
                eip: held === undefined ? "absent" : held === "unplaced" ? UNKNOWN : (this.identity(held) ?? UNKNOWN),
                eipType: mappingField(this, lb, element, index, "eipType"),
                intranetAddress: mappingField(this, lb, element, index, "intranetAddress"),
            });
            return { index, zone, vswitch, eip: held, key };
        });
        return { mappings, unplaced: eips.unplaced, complete: true, doubtful: eips.open.length };
    }

    /**
     * Resolves one reference field of every zone mapping. Known values resolve as usual; unknown ones
     * by per-element dependencies, else from the `zoneMappings` dependencies of the right kind not
     * already named, handed out in order when there are exactly as many as open fields. An unknown
     * field with no such dependency at all is unset (Optional+Computed): undefined.
     *
     * The declared inputs, when known, settle whether an open field is set at all, counted over the
     * list because a set-typed list may come back in another order: when no element declares the
     * field, every open one is unset; when every element declares it, every open one is set, so one
     * EIP among the dependencies is what each of them holds, and none means they cannot be resolved.
     */
    private elementRefs(lb: ResourceInput, list: readonly unknown[], field: string, kind: ResourceKind): { refs: (Ref | undefined)[]; open: number[]; unplaced: Ref[] } {
        const open: number[] = [];
        const refs: (Ref | undefined)[] = list.map((element, index) => {
            const value = prop(element, field);
            if (asString(value) === undefined) {
                return undefined;
            }
            if (!isUnknown(value)) {
                return this.resolve(lb, "zoneMappings", [kind], value);
            }
            const precise = this.dependencyCandidates(lb, `zoneMappings[${index}].${field}`, [kind]);
            if (precise.length === 1) {
                return { kind: "resource", resource: precise[0] };
            }
            open.push(index);
            return { kind: "unresolved" };
        });
        if (open.length === 0) {
            return { refs, open, unplaced: [] };
        }
        const declared = this.declaredFieldCounts(lb, "zoneMappings", field, list.length);
        if (declared?.set === 0) {
            open.forEach((index) => {
                refs[index] = undefined;
            });
            return { refs, open: [], unplaced: [] };
        }
        const allSet = declared !== undefined && declared.unset === 0;
        const named = new Set(refs.flatMap((ref) => (ref?.kind === "resource" ? [ref.resource.address] : [])));
        const pool = this.dependencyCandidates(lb, "zoneMappings", [kind]).filter((candidate) => !named.has(candidate.address));
        if (pool.length === open.length) {
            open.forEach((index, n) => {
                refs[index] = { kind: "resource", resource: pool[n], via: "dependency" };
            });
            return { refs, open: [], unplaced: [] };
        }
        if (allSet && pool.length === 1) {
            open.forEach((index) => {
                refs[index] = { kind: "resource", resource: pool[0], via: "dependency" };
            });
            return { refs, open: [], unplaced: [] };
        }
        if (pool.length === 0 && kind === "eip" && !allSet) {
            open.forEach((index) => {
                refs[index] = undefined;
            });
            return { refs, open: [], unplaced: [] };
        }
        return { refs, open, unplaced: pool.map((resource) => ({ kind: "resource", resource, via: "dependency" })) };
    }

    /**
     * The EIPs a load balancer binds: one binding per EIP of each set element (mappings that collapse
     * into one element bind their EIP once), and each unplaced EIP.
     */
    private zoneMappingBindings(lb: ResourceInput): Binding[] {
        const { mappings, unplaced } = this.zoneMappingsOf(lb);
        const held: { index: number | undefined; eip: Ref }[] = [];
        for (const element of setElements(mappings.map((mapping) => mapping.key))) {
            const seen = new Set<string>();
            for (const mapping of element.map((position) => mappings[position])) {
                if (mapping.eip === undefined || mapping.eip === "unplaced") {
                    continue;
                }
                const identity = this.identity(mapping.eip);
                if (identity === undefined || !seen.has(identity)) {
                    held.push({ index: mapping.index, eip: mapping.eip });
                }
                if (identity !== undefined) {
                    seen.add(identity);
                }
            }
        }
        held.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        const all = [...held, ...unplaced.map((eip) => ({ index: undefined, eip }))];
        return all.map(({ index, eip }, n) => ({
            key: `${lb.address}#zoneMappings[${index ?? `?${n}`}]`,
            source: "zoneMapping" as const,
            via: lb,
            zoneMappingIndex: index,
            eip,
            target: { kind: "resource" as const, resource: lb },
            targetKind: lb.kind as TargetKind,
            declaredInstanceType: undefined,
            mode: undefined,
            privateIpAddress: undefined,
            vpcId: undefined,
        }));
    }
}

/** A declared input is set unless it is absent or null (both leave the choice to the provider). */
function isSet(value: unknown): boolean {
    return value !== undefined && value !== null;
}

function targetKindOf(target: Ref): Maybe<TargetKind | "eip" | "other"> {
    switch (target.kind) {
        case "resource":
            return isTargetKind(target.resource.kind) ? target.resource.kind : "other";
        case "literal":
            return kindOfId(target.id) ?? "other";
        case "unresolved":
            return UNKNOWN;
        case "absent":
            return undefined;
    }
}
