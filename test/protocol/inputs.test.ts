// The inputs of the engine's Analyze calls, recorded by eip-guard-inputs and read by the stack
// policies (policypack/crossguard/inputs.ts), through the real server: one process serving several
// deployments, as the harness runs them, must never read one deployment's inputs in another; and
// without the records (the recorder disabled, a resource never analyzed) the pack reads outputs
// alone, as it did before it had them.

import * as path from "path";
import { AnalyzeResult, AnalyzerClient, EngineResource, PackConfig } from "../../policypack/testing/engine/analyzer";
import { toAnalyzeRequests, toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";

let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(path.resolve(__dirname, "../.."));
});

afterAll(async () => {
    await client?.close();
});

/** One EIP copied into both zone mappings of an ALB (examples/eip-single-binding/fail-same-eip-two-zones). */
function copiedEip(): { analyze: EngineResource[]; stack: EngineResource[]; alb: string } {
    const plan = new Plan("preview");
    const eip = plan.eip("eip");
    const alb = plan.add("alb", "alb", {
        addressType: "Internet",
        zoneMappings: ["a", "b"].map((zone, i) => ({
            zoneId: `cn-hangzhou-${zone}`,
            vswitchId: plan.vswitch(`vsw-${zone}`, `10.0.${i}.0/24`, { zoneId: `cn-hangzhou-${zone}` }).ref(),
            allocationId: eip.ref(),
        })),
    });
    return { analyze: toAnalyzeRequests(plan.resources({ declared: true })), stack: toEngineResources(plan.resources()), alb: alb.address };
}

/** A deployment at preview: ConfigureStack and the rest, Analyze for `analyzed`, then AnalyzeStack. */
async function deployment(analyzed: readonly EngineResource[], stack: readonly EngineResource[], config: PackConfig = {}): Promise<AnalyzeResult> {
    await client.open({ stack: "dev", project: "inputs", organization: "acme", dryRun: true }, config);
    for (const resource of analyzed) {
        expect((await client.analyze(resource)).diagnostics).toEqual([]);
    }
    return client.analyzeStack(stack);
}

const verdict = (result: AnalyzeResult) => result.diagnostics.filter((d) => d.policyName === "eip-single-binding").map((d) => d.enforcementLevel);

test("with the inputs of Analyze, one EIP in two zone mappings is a violation at preview", async () => {
    const { analyze, stack } = copiedEip();
    expect(verdict(await deployment(analyze, stack))).toEqual(["mandatory"]);
});

test("two deployments in one process: the second, which analyzes nothing, does not read the first one's inputs", async () => {
    const { analyze, stack } = copiedEip();
    expect(verdict(await deployment(analyze, stack))).toEqual(["mandatory"]);
    // Same URNs, no Analyze call (resources kept by --target have none): outputs alone, a note.
    // Failing here means ConfigureStack no longer gives a new deployment token (framework.ts, 5).
    expect(verdict(await deployment([], stack))).toEqual(["advisory"]);
    expect(verdict(await deployment(analyze, stack))).toEqual(["mandatory"]);
});

test("the recorder disabled in the configuration: outputs alone, as before it existed", async () => {
    const { analyze, stack } = copiedEip();
    expect(verdict(await deployment(analyze, stack, { "eip-guard-inputs": "disabled" }))).toEqual(["advisory"]);
    expect(verdict(await deployment(analyze, stack, { all: "mandatory" }))).toEqual(["mandatory"]);
});

test("a resource without an Analyze call is read from its outputs, the others from their inputs", async () => {
    const { analyze, stack, alb } = copiedEip();
    expect(
        verdict(
            await deployment(
                analyze.filter((resource) => resource.urn !== alb),
                stack,
            ),
        ),
    ).toEqual(["advisory"]);
});

test("the engine's Remediate calls, sent before Analyze, change nothing", async () => {
    const { analyze, stack } = copiedEip();
    await client.open({ stack: "dev", project: "inputs", organization: "acme", dryRun: true });
    for (const resource of analyze) {
        await client.remediate(resource);
        await client.analyze(resource);
    }
    expect(verdict(await client.analyzeStack(stack))).toEqual(["mandatory"]);
});
