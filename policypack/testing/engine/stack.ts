// Renders resources as the core reads them (a test Plan, test/support/plan.ts, or a stack export) as the engine sends a stack to an analyzer: URNs, type
// tokens, outputs with the unknown sentinel, providers both as resources and as each resource's
// provider reference, property dependencies, and dependencies (the property ones and explicit ones).

import { ResourceInput } from "../../core/resources";
import { UNKNOWN } from "../../core/values";
import type { EngineResource } from "./analyzer";
import { UNKNOWN_SENTINEL } from "./sentinel";

export function wire(value: unknown): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN_SENTINEL;
    }
    if (Array.isArray(value)) {
        return value.map(wire);
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, wire(element)]));
    }
    return value;
}

export function toEngineResources(resources: readonly ResourceInput[]): EngineResource[] {
    const byAddress = new Map(resources.map((resource) => [resource.address, resource]));
    return resources.map((resource) => {
        const provider = resource.provider === undefined ? undefined : byAddress.get(resource.provider);
        return {
            urn: resource.address,
            type: resource.type,
            name: resource.name,
            properties: wire(resource.props) as Record<string, unknown>,
            dependencies: [...new Set([...Object.values(resource.propertyDependencies ?? {}).flat(), ...(resource.dependencies ?? [])])],
            propertyDependencies: resource.propertyDependencies ?? {},
            provider:
                provider === undefined
                    ? undefined
                    : { urn: provider.address, type: provider.type, name: provider.name, properties: wire(provider.props) as Record<string, unknown> },
        };
    });
}

/**
 * The Analyze requests the engine sends for the plan's registered resources: each one's declared
 * inputs (Plan.resources({ declared: true })); providers and reads (`external`) have none.
 */
export function toAnalyzeRequests(declared: readonly ResourceInput[]): EngineResource[] {
    const withInputs = new Set(declared.filter((resource) => resource.declared !== undefined).map((resource) => resource.address));
    const inputsOf = new Map(declared.map((resource) => [resource.address, resource.declared]));
    return toEngineResources(declared)
        .filter((resource) => withInputs.has(resource.urn))
        .map((resource) => ({ ...resource, properties: wire(inputsOf.get(resource.urn)) as Record<string, unknown> }));
}
