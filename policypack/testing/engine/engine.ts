// Turns a recorded program run into what the engine sends an analyzer: one Analyze request per
// registered resource (its inputs) and one AnalyzeStack request (every registered resource's
// outputs, providers and the root stack included), with default providers made the way the engine
// makes them.
//
// A resource read with `.get()` is in neither (pulumi/pulumi pkg/resource/deploy/step_generator.go
// GenerateReadSteps has no Analyze call, step_executor.go keeps reads in `deployment.reads`, and
// AnalyzeResources lists only `deployment.news`), but its URN stays in the dependencies of the
// resources computed from it: the engine sends them as registered. @pulumi/policy drops URNs that
// are not in the request (server.js makeAnalyzeStackRpcFun), so the pack sees such a property with
// an empty list of dependencies.

import type { EngineResource } from "./analyzer";
import type { ProgramRun, RecordedResource } from "./program";
import { UNKNOWN_SENTINEL } from "./sentinel";

/**
 * The engine marshals properties for analyzers without resource references (pulumi/pulumi
 * pkg/resource/plugin/rpc.go MarshalPropertyValue, KeepResources false): a reference becomes its
 * id, unknown while the id is, and a reference without an id (a component resource) its URN.
 */
const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

function downgradeReferences(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(downgradeReferences);
    }
    if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === RESOURCE_REFERENCE_SIG) {
            if (record.id === undefined) {
                return record.urn;
            }
            return typeof record.id === "string" && record.id !== "" ? record.id : UNKNOWN_SENTINEL;
        }
        return Object.fromEntries(Object.entries(record).map(([key, element]) => [key, downgradeReferences(element)]));
    }
    return value;
}

function props(value: Record<string, unknown>): Record<string, unknown> {
    return downgradeReferences(value) as Record<string, unknown>;
}

/** `<urn>::<id>` to the urn; the id is whatever follows the last "::". */
export function providerUrnOf(reference: string): string {
    const at = reference.lastIndexOf("::");
    return at < 0 ? reference : reference.slice(0, at);
}

export interface EngineView {
    /**
     * Analyze requests, in registration order: each registered resource's inputs as the SDK sent them,
     * which is what the provider's Check hands the engine for the inputs the pack reads (an input
     * left unset is absent, one computed from an output not known yet is the unknown sentinel);
     * schema defaults the provider would add are not played.
     */
    readonly analyze: EngineResource[];
    /** The AnalyzeStack request. */
    readonly stack: EngineResource[];
}

/** The stack config a default provider of `pkg` receives: `pkg:key` entries, without the prefix. */
function providerConfig(run: ProgramRun, pkg: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(run.config)) {
        if (key.startsWith(`${pkg}:`)) {
            out[key.slice(pkg.length + 1)] = value;
        }
    }
    return out;
}

/**
 * The SDK sends an empty list for every input that depends on nothing; the engine leaves those keys
 * out of AnalyzeStack (pkg/resource/plugin/analyzer_plugin.go AnalyzeStack: "Skip properties that
 * have no dependencies"), so a key the pack sees with an empty list depended only on resources that
 * are not in the request.
 */
function withDependencies(propertyDependencies: Record<string, string[]>): Record<string, string[]> {
    return Object.fromEntries(Object.entries(propertyDependencies).filter(([, urns]) => urns.length > 0));
}

export function engineView(run: ProgramRun): EngineView {
    const byUrn = new Map<string, RecordedResource>(run.resources.map((resource) => [resource.urn, resource]));
    const defaults = new Map<string, EngineResource>();
    const providerOf = (resource: RecordedResource): EngineResource["provider"] => {
        if (!resource.custom || resource.type.startsWith("pulumi:providers:")) {
            return undefined;
        }
        if (resource.providerRef !== undefined) {
            const urn = providerUrnOf(resource.providerRef);
            const explicit = byUrn.get(urn);
            return explicit ? { urn, type: explicit.type, name: explicit.name, properties: props(explicit.inputs) } : undefined;
        }
        const pkg = resource.type.split(":")[0];
        const version = resource.version ?? "";
        const name = `default${version ? `_${version.replace(/[.-]/g, "_")}` : ""}`;
        const urn = `urn:pulumi:${run.stack}::${run.project}::pulumi:providers:${pkg}::${name}`;
        let provider = defaults.get(urn);
        if (provider === undefined) {
            const properties = { ...providerConfig(run, pkg), ...(version ? { version } : {}) };
            provider = { urn, type: `pulumi:providers:${pkg}`, name, properties, dependencies: [], propertyDependencies: {} };
            defaults.set(urn, provider);
        }
        return { urn, type: provider.type, name, properties: provider.properties };
    };

    const analyze: EngineResource[] = [];
    const stack: EngineResource[] = [];
    for (const resource of run.resources) {
        if (resource.read) {
            continue;
        }
        const provider = providerOf(resource);
        const common = { urn: resource.urn, type: resource.type, name: resource.name, parent: resource.parent, provider };
        // A read (`.get()`) is never analyzed: the engine analyzes registrations only
        // (step_generator.go: GenerateReadSteps has no Check and no Analyze).
        if (!resource.read) {
            analyze.push({ ...common, properties: props(resource.inputs) });
        }
        stack.push({
            ...common,
            properties: props(resource.outputs),
            dependencies: resource.dependencies,
            propertyDependencies: withDependencies(resource.propertyDependencies),
        });
    }
    // Default providers are registered by the engine before the resources that use them.
    return { analyze, stack: [...defaults.values(), ...stack] };
}
