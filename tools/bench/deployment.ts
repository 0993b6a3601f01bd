// A whole deployment at preview, as the engine runs one against a pack: for each registered
// resource a Remediate call and then an Analyze call with its inputs (pulumi/pulumi
// pkg/resource/deploy/step_generator.go, continueStepsFromImport), then AnalyzeStack with every
// output. AnalyzeStack alone is what the rest of the benchmark measures; this adds the per-resource
// calls, where the pack's recorder of inputs (policypack/crossguard/inputs.ts) runs.

import { AnalyzerClient, EngineResource, encodeAnalyze, encodeAnalyzeStack } from "../../policypack/testing/engine/analyzer";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * What Analyze gets for a resource of a benchmark stack: its inputs, i.e. its outputs without the
 * id and without the attributes only the provider computes (unknown, and computed from nothing).
 */
export function inputsOf(resource: EngineResource): EngineResource {
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource.properties)) {
        const computed = value === UNKNOWN && (resource.propertyDependencies?.[key] ?? []).length === 0;
        if (key !== "id" && !computed) {
            properties[key] = value;
        }
    }
    return { ...resource, properties };
}

export interface EncodedDeployment {
    readonly perResource: Buffer[];
    readonly stack: Buffer;
}

export function encodeDeployment(resources: readonly EngineResource[]): EncodedDeployment {
    return { perResource: resources.map((resource) => encodeAnalyze(inputsOf(resource))), stack: encodeAnalyzeStack(resources) };
}

export interface DeploymentTimes {
    /** Milliseconds for every Remediate and Analyze call, one resource after another. */
    readonly perResource: number;
    /** Milliseconds for AnalyzeStack. */
    readonly analyzeStack: number;
}

function since(began: bigint): number {
    return Number(process.hrtime.bigint() - began) / 1e6;
}

/** One deployment against an opened pack. The engine overlaps resources; here they go one at a time. */
export async function timeDeployment(client: AnalyzerClient, deployment: EncodedDeployment): Promise<DeploymentTimes> {
    let began = process.hrtime.bigint();
    for (const request of deployment.perResource) {
        await client.analyzeEncoded("remediate", request);
        await client.analyzeEncoded("analyze", request);
    }
    const perResource = since(began);
    began = process.hrtime.bigint();
    await client.analyzeStackEncoded(deployment.stack);
    return { perResource, analyzeStack: since(began) };
}
