// Writes a program run recorded by the harness as a Pulumi state file (`pulumi stack export`'s
// format, deployment version 3), so that the real CLI can analyze the very resources the harness
// sends the pack. The properties are the ones the harness's engine view sends (resource references
// already downgraded to ids); an unknown value stays the unknown sentinel string, which the CLI reads
// back as an unknown and hands to the pack as one.

import { engineView } from "../../policypack/testing/engine/engine";
import type { ProgramRun } from "../../policypack/testing/engine/program";
import { UNKNOWN_SENTINEL } from "../../policypack/testing/engine/sentinel";

export interface StateResource {
    readonly urn: string;
    readonly custom: boolean;
    readonly id?: string;
    readonly type: string;
    readonly inputs: Record<string, unknown>;
    readonly outputs: Record<string, unknown>;
    readonly parent?: string;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** `<provider urn>::<provider id>` */
    readonly provider?: string;
}

export interface StateFile {
    readonly version: 3;
    readonly deployment: {
        readonly manifest: { readonly time: string; readonly magic: string; readonly version: string };
        readonly resources: StateResource[];
    };
}

const PROVIDER_PREFIX = "pulumi:providers:";

export function stateOf(run: ProgramRun): StateFile {
    const view = engineView(run);
    const recorded = new Map(run.resources.map((resource) => [resource.urn, resource]));
    const inputs = new Map(view.analyze.map((resource) => [resource.urn, resource.properties]));
    // A provider's id as its users reference it: the SDK's reference for an explicit provider, the
    // engine's unknown id for a provider created in this preview, a made-up one after an update.
    const providerIds = new Map<string, string>();
    for (const resource of run.resources) {
        const at = resource.providerRef?.lastIndexOf("::") ?? -1;
        if (resource.providerRef !== undefined && at >= 0) {
            providerIds.set(resource.providerRef.slice(0, at), resource.providerRef.slice(at + 2));
        }
    }
    const providerId = (urn: string) => providerIds.get(urn) || recorded.get(urn)?.id || (run.preview ? UNKNOWN_SENTINEL : `${urn.split("::").pop()}-provider-id`);

    const resources = view.stack.map((resource): StateResource => {
        const source = recorded.get(resource.urn);
        // Default providers exist only in the engine view; they are custom resources like any provider.
        const custom = source?.custom ?? resource.type.startsWith(PROVIDER_PREFIX);
        const id = !custom ? undefined : resource.type.startsWith(PROVIDER_PREFIX) ? providerId(resource.urn) : (source?.id ?? "");
        return {
            urn: resource.urn,
            custom,
            ...(id === undefined ? {} : { id }),
            type: resource.type,
            inputs: inputs.get(resource.urn) ?? resource.properties,
            outputs: resource.properties,
            ...(resource.parent ? { parent: resource.parent } : {}),
            ...(resource.dependencies?.length ? { dependencies: resource.dependencies } : {}),
            ...(resource.propertyDependencies && Object.keys(resource.propertyDependencies).length ? { propertyDependencies: resource.propertyDependencies } : {}),
            ...(resource.provider ? { provider: `${resource.provider.urn}::${providerId(resource.provider.urn)}` } : {}),
        };
    });
    return { version: 3, deployment: { manifest: { time: "2026-01-01T00:00:00Z", magic: "", version: "" }, resources } };
}
