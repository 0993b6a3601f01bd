// A generated stack, before it is rendered: resources whose props may hold references to other
// resources of the stack, and the renderer that turns it into the core's resources as Pulumi shows
// them at preview (ids of planned resources unknown, references unknown with property dependencies,
// unset Optional+Computed properties unknown) or after the update (ids known, references literal ids,
// dependencies still recorded).

import { ResourceInput, ResourceKind } from "../../policypack/core/resources";
import { UNKNOWN } from "../../policypack/core/values";
import { previewComputed } from "../support/plan";
import { SENTINELS } from "../support/sentinels";

export type Phase = "preview" | "update";

/** A reference to an output of resource `to` (an index into the stack): its id by default. */
export class Ref {
    constructor(
        readonly to: number,
        readonly attribute = "id",
    ) {}
}

/** A value computed (by an apply) from these resources: unknown in both phases, with them as dependencies. */
export class Computed {
    constructor(readonly from: readonly number[]) {}
}

export interface ResourceSpec {
    readonly kind: ResourceKind;
    readonly type: string;
    name: string;
    /** Index of the provider resource; "gone" for a provider reference to no resource of the stack; undefined for none. */
    readonly provider: number | "gone" | undefined;
    /** Read from the cloud (`.get`): its id is known in both phases. */
    readonly external: boolean;
    readonly id: string;
    props: Record<string, unknown>;
    /** ALB/NLB: record dependencies per zone mapping element (`zoneMappings[0].allocationId`), as Terraform does. */
    preciseElementDeps?: boolean;
    /** Dependencies added to property keys whatever their values: addresses of no resource. */
    extraDeps?: Record<string, string[]>;
    /** Explicit dependencies (dependsOn): indices of resources this one is created after. */
    dependsOn?: number[];
}

export interface StackSpec {
    readonly resources: ResourceSpec[];
    /** Policy options, as a user would put them in --policy-pack-config. */
    readonly options: { maxEips?: unknown; maxMultiBindedEips?: unknown; reportUndecided: boolean };
}

export const STACK_PREFIX = "urn:pulumi:dev::fuzz::";

export function addressOf(resource: ResourceSpec): string {
    return `${STACK_PREFIX}${resource.type}::${resource.name}`;
}

const GONE_PROVIDER = `${STACK_PREFIX}pulumi:providers:alicloud::gone`;

/** The value an output that is not declared takes after the update: a string naming no kind by its prefix. */
function filledOutput(resource: ResourceSpec, attribute: string): string {
    // An instance in the classic network has no primary ENI, so the provider reads back none.
    if (resource.kind === "ecsInstance" && attribute === "networkInterfaceId" && !inVpc(resource)) {
        return "";
    }
    return `${attribute}-of-${resource.id}`;
}

/** Whether an instance names what places it in a VPC: a vSwitch, a primary ENI or a launch template. */
function inVpc(instance: ResourceSpec): boolean {
    return ["vswitchId", "networkInterfaceId", "launchTemplateId", "launchTemplateName"].some((key) => {
        const value = instance.props[key];
        if (value instanceof Ref || value instanceof Computed) return true;
        if (value === undefined || value === null || value === "") return false;
        // A sentinel computed from nothing is an unset Optional+Computed property.
        return !(typeof value === "string" && SENTINELS.includes(value)) || (instance.extraDeps?.[key] ?? []).length > 0;
    });
}

export function render(spec: StackSpec, phase: Phase): ResourceInput[] {
    const filled = new Map<ResourceSpec, Record<string, string>>();

    const valueOf = (ref: Ref): unknown => {
        const target = spec.resources[ref.to];
        const known = phase === "update" || target.external;
        if (ref.attribute === "id") {
            return known ? target.id : UNKNOWN;
        }
        const declared = target.props[ref.attribute];
        if (declared !== undefined && !(declared instanceof Ref) && !(declared instanceof Computed)) {
            return declared;
        }
        if (!known) {
            return UNKNOWN;
        }
        const value = filledOutput(target, ref.attribute);
        filled.set(target, { ...(filled.get(target) ?? {}), [ref.attribute]: value });
        return value;
    };

    const renderValue = (value: unknown, deps: Set<string>): unknown => {
        if (value instanceof Ref) {
            deps.add(addressOf(spec.resources[value.to]));
            return valueOf(value);
        }
        if (value instanceof Computed) {
            value.from.forEach((index) => deps.add(addressOf(spec.resources[index])));
            return UNKNOWN;
        }
        if (Array.isArray(value)) {
            return value.map((element) => renderValue(element, deps));
        }
        if (typeof value === "object" && value !== null) {
            return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, renderValue(element, deps)]));
        }
        return value;
    };

    const rendered = spec.resources.map((resource): ResourceInput => {
        const props: Record<string, unknown> = {};
        const propertyDependencies: Record<string, string[]> = {};
        for (const [key, value] of Object.entries(resource.props)) {
            const deps = new Set<string>();
            if (key === "zoneMappings" && resource.preciseElementDeps && Array.isArray(value)) {
                props[key] = value.map((element, index) => {
                    if (typeof element !== "object" || element === null || Array.isArray(element) || element instanceof Ref || element instanceof Computed) {
                        return renderValue(element, deps);
                    }
                    return Object.fromEntries(
                        Object.entries(element).map(([field, fieldValue]) => {
                            const own = new Set<string>();
                            const out = renderValue(fieldValue, own);
                            own.forEach((address) => deps.add(address));
                            if (own.size > 0) {
                                propertyDependencies[`zoneMappings[${index}].${field}`] = [...own];
                            }
                            return [field, out];
                        }),
                    );
                });
            } else {
                props[key] = renderValue(value, deps);
            }
            if (deps.size > 0) {
                propertyDependencies[key] = [...deps];
            }
        }
        for (const [key, extra] of Object.entries(resource.extraDeps ?? {})) {
            propertyDependencies[key] = [...(propertyDependencies[key] ?? []), ...extra];
        }
        if (resource.kind !== "provider") {
            props.id = phase === "update" || resource.external ? resource.id : UNKNOWN;
            if (phase === "preview" && !resource.external) {
                previewComputed(resource.type, props);
            }
        }
        // As the engine sends them: every property dependency and every explicit one.
        const explicit = (resource.dependsOn ?? []).map((index) => addressOf(spec.resources[index]));
        return {
            address: addressOf(resource),
            name: resource.name,
            kind: resource.kind,
            type: resource.type,
            props,
            provider: resource.provider === undefined ? undefined : resource.provider === "gone" ? GONE_PROVIDER : addressOf(spec.resources[resource.provider]),
            propertyDependencies,
            ...(explicit.length > 0 ? { dependencies: [...new Set([...Object.values(propertyDependencies).flat(), ...explicit])] } : {}),
        };
    });
    // After the update the provider has filled in the outputs other resources read.
    spec.resources.forEach((resource, index) => {
        for (const [attribute, value] of Object.entries(filled.get(resource) ?? {})) {
            const props = rendered[index].props as Record<string, unknown>;
            if (props[attribute] === undefined) {
                props[attribute] = value;
            }
        }
    });
    return rendered;
}

/** A deep copy of a spec (references are immutable and shared). */
export function copySpec(spec: StackSpec): StackSpec {
    const copy = (value: unknown): unknown => {
        if (value instanceof Ref || value instanceof Computed) return value;
        if (Array.isArray(value)) return value.map(copy);
        if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
        return value;
    };
    return {
        resources: spec.resources.map((resource) => ({
            ...resource,
            props: copy(resource.props) as Record<string, unknown>,
            extraDeps: resource.extraDeps === undefined ? undefined : { ...resource.extraDeps },
            dependsOn: resource.dependsOn === undefined ? undefined : [...resource.dependsOn],
        })),
        options: { ...spec.options },
    };
}

/** The policy configuration a spec's options stand for, in the shape of --policy-pack-config. */
export function packConfig(spec: StackSpec): Record<string, Record<string, unknown>> {
    const config: Record<string, Record<string, unknown>> = {};
    const undecided = { reportUndecided: spec.options.reportUndecided };
    for (const policy of [
        "eip-single-binding",
        "eip-same-region",
        "eip-supported-target",
        "ecs-single-eip",
        "nat-gateway-vswitch-capacity",
        "alb-nlb-eip-per-zone",
        "ecs-eni-limit",
        "eni-private-ip-limit",
    ]) {
        config[policy] = { ...undecided };
    }
    config["eni-eip-capacity"] = { ...undecided, ...(spec.options.maxMultiBindedEips === undefined ? {} : { maxMultiBindedEips: spec.options.maxMultiBindedEips }) };
    config["nat-gateway-eip-limit"] = spec.options.maxEips === undefined ? {} : { maxEips: spec.options.maxEips };
    return config;
}
