// Every example program, run in-process under the Pulumi runtime's mocks as a preview, recorded
// as the engine would record it, sent through the pack over the analyzer protocol, and compared
// with the verdicts in its expected.json. The same program run as an update must give the same
// mandatory verdicts: what preview decides is what the update would decide. And a preview of the
// stack that update left behind, where every unchanged resource carries the outputs the provider
// filled in (deployed.ts), must give the update's verdicts: a value Alibaba Cloud chose must not
// read as one the program set.
// The programs are the compiled ones under dist/ (`npm test` builds first).

import { AnalyzerClient } from "../../policypack/testing/engine/analyzer";
import { ExampleOutcome, REPO_ROOT, Verdict, involvedAsExpected, listExamples, runExample } from "../../tools/harness/examples";
import { UNKNOWN_SENTINEL } from "../../policypack/testing/engine/sentinel";
import { COMPUTED_AT_PREVIEW, COMPUTED_IN_ELEMENTS } from "../../policypack/testing/engine/computed";
import type { ProgramRun } from "../../policypack/testing/engine/program";
import { SHUFFLE_SEED_VARIABLE, shuffleSeed } from "../../policypack/testing/engine/shuffle";

const examples = listExamples();

/** Optional+Computed attributes a deployed resource still lacks: the provider's Read fills them all. */
function unfilled(run: ProgramRun): string[] {
    const missing = (value: unknown) => value === undefined || value === null || value === UNKNOWN_SENTINEL;
    return run.resources.flatMap((resource) => [
        ...(COMPUTED_AT_PREVIEW[resource.type] ?? []).filter((key) => missing(resource.outputs[key])).map((key) => `${resource.name}.${key}`),
        ...Object.entries(COMPUTED_IN_ELEMENTS[resource.type] ?? {}).flatMap(([key, fields]) => {
            const list = resource.outputs[key];
            return (Array.isArray(list) ? list : []).flatMap((element: Record<string, unknown>, index) =>
                fields.filter((field) => missing(element[field])).map((field) => `${resource.name}.${key}[${index}].${field}`),
            );
        }),
    ]);
}
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(REPO_ROOT);
});

afterAll(async () => {
    await client?.close();
});

test("every policy has a compliant and a violating example", () => {
    const policies = [
        "eip-single-binding",
        "eip-same-region",
        "eip-supported-target",
        "ecs-single-eip",
        "eni-eip-capacity",
        "nat-gateway-eip-limit",
        "nat-gateway-vswitch-capacity",
        "alb-nlb-eip-per-zone",
        "clb-single-eip",
        "havip-single-eip",
        "eip-dnat-conflict",
        "eip-clb-resource-group",
    ];
    for (const policy of policies) {
        const mine = examples.filter((example) => example.id.startsWith(`${policy}/`));
        expect({ policy, pass: mine.filter((e) => e.id.includes("/pass-")).length > 0 }).toEqual({ policy, pass: true });
        expect({ policy, fail: mine.filter((e) => e.id.includes("/fail-") && e.expected.verdicts.some((v) => v.policy === policy)).length > 0 }).toEqual({ policy, fail: true });
    }
});

// The AnalyzeStack order is drawn from this seed (policypack/testing/engine/shuffle.ts); it is in every name so
// that a failure can be replayed.
describe.each(examples.map((example) => [example.id, example] as const))(`%s (${SHUFFLE_SEED_VARIABLE}=${shuffleSeed()})`, (_id, example) => {
    test("preview gives the expected verdicts", async () => {
        const outcome = await runExample(client, example, true);
        expect(outcome.verdicts).toEqual(example.expected.verdicts);
        expect(involvedAsExpected(outcome)).toEqual(example.expected.involved ?? {});
        expect(outcome.analyzeDiagnostics).toEqual([]);
        expect(outcome.diagnostics.filter((d) => d.message.includes("can't run policy"))).toEqual([]);
    });

    // The update's run, which the preview of the deployed stack starts from.
    let updated: ExampleOutcome | undefined;
    const mandatory = (verdicts: readonly Verdict[]) => verdicts.filter((v) => v.level === "mandatory");

    test("update gives the same mandatory verdicts", async () => {
        const outcome = await runExample(client, example, false);
        updated = outcome;
        expect(mandatory(outcome.verdicts)).toEqual(mandatory(example.expected.update ?? example.expected.verdicts));
        expect(unfilled(outcome.run)).toEqual([]);
    });

    test("a preview of the stack once deployed gives the update's verdicts", async () => {
        const update = updated ?? (await runExample(client, example, false));
        const outcome = await runExample(client, example, true, { deployed: update.run });
        const unchanged = outcome.run.resources.filter((resource) => resource.custom && !resource.read && !resource.type.startsWith("pulumi:providers:"));
        expect(unchanged.filter((resource) => resource.id === undefined || resource.id === UNKNOWN_SENTINEL).map((resource) => resource.name)).toEqual([]);
        expect(outcome.verdicts).toEqual(update.verdicts);
        expect(mandatory(outcome.verdicts)).toEqual(mandatory(example.expected.update ?? example.expected.verdicts));
        // A note may go once a value is known; none may come from a value the API filled in.
        const expected = new Set([...example.expected.verdicts, ...(example.expected.update ?? [])].map((v) => JSON.stringify(v)));
        expect(outcome.verdicts.filter((v) => v.level === "advisory" && !expected.has(JSON.stringify(v)))).toEqual([]);
        expect(outcome.analyzeDiagnostics).toEqual([]);
    });
});
