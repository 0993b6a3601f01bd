// From CrossGuard's view of a stack to the core's resources, without tripping the framework's proxy.
//
// The framework hands every policy props wrapped in a proxy that throws when an unknown value is
// read, and then skips the whole policy. The core must see the raw values, sentinels included, which
// it treats as unknown; `rawPropsOf` (framework.ts) gets them past the proxy.

import type { PolicyResource } from "@pulumi/policy";
import { ResourceInput } from "../core/resources";
import { kindOfPulumiType } from "../pulumi/types";
import { rawPropsOf } from "./framework";

function urnsOf(dependencies: unknown): string[] {
    if (!Array.isArray(dependencies)) {
        return [];
    }
    return (dependencies as unknown[]).flatMap((dependency) => {
        const urn: unknown = typeof dependency === "object" && dependency !== null ? (dependency as { urn?: unknown }).urn : undefined;
        return typeof urn === "string" ? [urn] : [];
    });
}

function propertyDependenciesOf(resource: PolicyResource): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const source = resource.propertyDependencies;
    if (typeof source !== "object" || source === null) {
        return out;
    }
    for (const key of Object.keys(source)) {
        out[key] = urnsOf(source[key]);
    }
    return out;
}

/**
 * The alicloud resources of a stack, with their providers. A provider that is not itself in the list
 * (it always is when the engine sends the stack) is taken from the resource's provider reference.
 * A resource that cannot be read at all is left out: that can hide a violation, never invent one.
 * `declaredOf` gives a resource's declared inputs by URN, when they were recorded (inputs.ts).
 */
export function fromPolicyResources(
    resources: readonly PolicyResource[],
    declaredOf: (urn: string) => Readonly<Record<string, unknown>> | undefined = () => undefined,
): ResourceInput[] {
    const inputs: ResourceInput[] = [];
    const seen = new Set<string>();
    const referencedProviders = new Map<string, ResourceInput>();
    for (const resource of resources) {
        try {
            const kind = typeof resource.type === "string" ? kindOfPulumiType(resource.type) : undefined;
            if (kind === undefined) {
                continue;
            }
            const provider = resource.provider;
            const providerUrn = typeof provider?.urn === "string" && provider.urn !== "" ? provider.urn : undefined;
            if (providerUrn !== undefined && !referencedProviders.has(providerUrn) && typeof provider?.type === "string") {
                referencedProviders.set(providerUrn, {
                    address: providerUrn,
                    name: String(provider.name),
                    kind: "provider",
                    type: provider.type,
                    props: rawPropsOf(provider.props),
                });
            }
            const dependencies = urnsOf(resource.dependencies);
            const declared = kind === "provider" ? undefined : declaredOf(String(resource.urn));
            inputs.push({
                address: String(resource.urn),
                name: String(resource.name),
                kind,
                type: resource.type,
                props: rawPropsOf(resource.props),
                provider: providerUrn,
                propertyDependencies: propertyDependenciesOf(resource),
                ...(dependencies.length > 0 ? { dependencies } : {}),
                ...(declared === undefined ? {} : { declared }),
            });
            seen.add(String(resource.urn));
        } catch {
            continue;
        }
    }
    for (const [urn, provider] of referencedProviders) {
        if (!seen.has(urn) && kindOfPulumiType(provider.type) === "provider") {
            inputs.push(provider);
        }
    }
    return inputs;
}
