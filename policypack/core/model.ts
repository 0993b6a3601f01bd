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

import { ID_PREFIX, InstanceType, TargetKind, TARGET_KINDS, inferredInstanceType, isTargetKind, kindOfId } from "./ids";
import { ResourceInput, ResourceKind } from "./resources";
import { Maybe, UNKNOWN, asString, isKnown, isRecord, isUnknown, prop, readList, readString } from "./values";

export type Ref =
    | { readonly kind: "resource"; readonly resource: ResourceInput }
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

    constructor(resources: readonly ResourceInput[]) {
        this.resources = resources;
        for (const resource of resources) {
            if (!this.byAddressIndex.has(resource.address)) {
                this.byAddressIndex.set(resource.address, resource);
            }
            let list = this.byKindIndex.get(resource.kind);
            if (list === undefined) {
                list = [];
                this.byKindIndex.set(resource.kind, list);
            }
            list.push(resource);
            const id = readString(resource.props, "id");
            if (typeof id === "string" && resource.kind !== "provider") {
                const same = this.byIdIndex.get(id);
                if (same === undefined) {
                    this.byIdIndex.set(id, [resource]);
                } else {
                    same.push(resource);
                }
            }
        }
    }

    /**
     * A property as the user set it. A bridged provider reports an Optional+Computed property the user
     * left unset as unknown at preview; an unknown that was not computed from any other resource can
     * only be that, so it reads as undefined (unset: the provider or the API picks the value). An
     * unknown computed from another resource's output stays UNKNOWN.
     */
    setting(resource: ResourceInput, key: string, value: unknown = prop(resource.props, key)): unknown {
        return isUnknown(value) && !this.hasDependencies(resource, key) ? undefined : value;
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
        return candidates.length === 1 ? { kind: "resource", resource: candidates[0] } : { kind: "unresolved" };
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
    vswitchOf(resource: ResourceInput, key = "vswitchId", value?: unknown): Ref {
        return this.resolve(resource, key, ["vswitch"], value === undefined ? prop(resource.props, key) : value);
    }

    /**
     * The vSwitch of each ALB/NLB zone mapping, by index. A known id resolves as usual; unknown ones
     * use per-element dependencies when a front end gives them, or else the vSwitches among the
     * dependencies of `zoneMappings` when there are exactly as many as unknown ids. Each mapping is in
     * its own zone and a vSwitch lies in one zone, so those vSwitches are one per mapping, and the
     * order in which they are handed out does not change how many mappings each vSwitch holds.
     */
    zoneMappingVswitches(lb: ResourceInput): Ref[] {
        const mappings = readList(lb.props, "zoneMappings");
        if (!isKnown(mappings)) {
            return [];
        }
        const refs: Ref[] = mappings.map((mapping, index) => {
            const value = prop(mapping, "vswitchId");
            if (!isUnknown(value)) {
                return this.resolve(lb, "zoneMappings", ["vswitch"], value);
            }
            const precise = this.dependencyCandidates(lb, `zoneMappings[${index}].vswitchId`, ["vswitch"]);
            return precise.length === 1 ? { kind: "resource", resource: precise[0] } : { kind: "unresolved" };
        });
        const open = refs.flatMap((ref, index) => (ref.kind === "unresolved" && isUnknown(prop(mappings[index], "vswitchId")) ? [index] : []));
        const named = new Set(refs.flatMap((ref) => (ref.kind === "resource" ? [ref.resource.address] : [])));
        const pool = open.length === 0 ? [] : this.dependencyCandidates(lb, "zoneMappings", ["vswitch"]).filter((vswitch) => !named.has(vswitch.address));
        if (pool.length === open.length) {
            open.forEach((index, n) => {
                refs[index] = { kind: "resource", resource: pool[n] };
            });
        }
        return refs;
    }

    /**
     * The zone of an ALB/NLB zone mapping: its `zoneId`, or else the zone of its vSwitch when that
     * vSwitch is known for this very mapping.
     */
    mappingZone(lb: ResourceInput, index: number): Maybe<string> {
        const mappings = readList(lb.props, "zoneMappings");
        const zone = asString(prop(isKnown(mappings) ? mappings[index] : undefined, "zoneId"));
        if (zone !== UNKNOWN) {
            return zone;
        }
        const mapping = isKnown(mappings) ? mappings[index] : undefined;
        const vswitchValue = prop(mapping, "vswitchId");
        const vswitch = isUnknown(vswitchValue) ? this.resolve(lb, `zoneMappings[${index}].vswitchId`, ["vswitch"], vswitchValue) : this.resolve(lb, "zoneMappings", ["vswitch"], vswitchValue);
        if (vswitch.kind !== "resource") {
            return UNKNOWN;
        }
        const vswitchZone = asString(this.setting(vswitch.resource, "zoneId")) ?? asString(this.setting(vswitch.resource, "availabilityZone"));
        return vswitchZone === undefined ? UNKNOWN : vswitchZone;
    }

    /** The `InstanceType` the association will be made with: the declared one, or the provider's guess. */
    effectiveInstanceType(binding: Binding): Maybe<InstanceType | string> {
        if (binding.declaredInstanceType !== undefined) {
            return binding.declaredInstanceType;
        }
        return inferredInstanceType(binding.targetKind);
    }

    private associationBinding(association: ResourceInput): Binding {
        const target = this.resolve(association, "instanceId", TARGET_KINDS);
        return {
            key: association.address,
            source: "association",
            via: association,
            eip: this.resolve(association, "allocationId", ["eip"]),
            target,
            targetKind: targetKindOf(target),
            declaredInstanceType: asString(this.setting(association, "instanceType")),
            mode: asString(this.setting(association, "mode")),
            privateIpAddress: asString(this.setting(association, "privateIpAddress")),
            vpcId: asString(this.setting(association, "vpcId")),
        };
    }

    /**
     * The EIPs an ALB or NLB holds through `zoneMappings[].allocationId`. A known id is a binding. An
     * unknown id is one only when it was computed from an EIP: `allocationId` is Optional+Computed, so
     * at preview every mapping without an EIP reads as unknown too. The dependencies of `zoneMappings`
     * cover the whole list, so an EIP found there is bound by this load balancer, but its zone is
     * known only when the mapping it sits in can be told: per-element dependencies (Terraform gives
     * them), or as many EIPs as unknown ids.
     */
    private zoneMappingBindings(lb: ResourceInput): Binding[] {
        const mappings = readList(lb.props, "zoneMappings");
        if (!isKnown(mappings)) {
            return [];
        }
        const refs = new Map<number, Ref>();
        const open: number[] = [];
        mappings.forEach((mapping, index) => {
            const value = prop(mapping, "allocationId");
            const text = asString(value);
            if (text === undefined) {
                return;
            }
            if (text !== UNKNOWN || !isUnknown(value)) {
                refs.set(index, this.resolve(lb, "zoneMappings", ["eip"], value));
                return;
            }
            const precise = this.dependencyCandidates(lb, `zoneMappings[${index}].allocationId`, ["eip"]);
            if (precise.length === 1) {
                refs.set(index, { kind: "resource", resource: precise[0] });
            } else {
                open.push(index);
            }
        });
        const named = new Set([...refs.values()].flatMap((ref) => (ref.kind === "resource" ? [ref.resource.address] : [])));
        const pool = open.length === 0 ? [] : this.dependencyCandidates(lb, "zoneMappings", ["eip"]).filter((eip) => !named.has(eip.address));
        const placed: { index?: number; ref: Ref }[] = [...refs.entries()].map(([index, ref]) => ({ index, ref }));
        if (pool.length === open.length) {
            open.forEach((index, n) => placed.push({ index, ref: { kind: "resource", resource: pool[n] } }));
        } else {
            pool.forEach((eip) => placed.push({ ref: { kind: "resource", resource: eip } }));
        }
        return placed.map(({ index, ref }, n) => ({
            key: `${lb.address}#zoneMappings[${index ?? `?${n}`}]`,
            source: "zoneMapping" as const,
            via: lb,
            zoneMappingIndex: index,
            eip: ref,
            target: { kind: "resource" as const, resource: lb },
            targetKind: lb.kind as TargetKind,
            declaredInstanceType: undefined,
            mode: undefined,
            privateIpAddress: undefined,
            vpcId: undefined,
        }));
    }
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

/** The id prefix a planned resource of this kind will get, for messages. */
export function idPrefixOf(kind: TargetKind): string {
    return ID_PREFIX[kind];
}

/** The list elements of `resource.props[key]` that are records, skipping anything malformed. */
export function records(resource: ResourceInput, key: string): Record<string, unknown>[] {
    const list = readList(resource.props, key);
    return isKnown(list) ? list.filter(isRecord) : [];
}

