// Every example program, run in-process under the Pulumi runtime's mocks as a preview, recorded
// as the engine would record it, sent through the pack over the analyzer protocol, and compared
// with the verdicts in its expected.json. The same program run as an update must give the same
// mandatory verdicts: what preview decides is what the update would decide.
// The programs are the compiled ones under dist/ (`npm test` builds first).

import { AnalyzerClient } from "../../tools/harness/analyzer";
import { REPO_ROOT, Verdict, listExamples, runExample } from "../../tools/harness/examples";
import { SHUFFLE_SEED_VARIABLE, shuffleSeed } from "../../tools/harness/shuffle";

const examples = listExamples();
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(REPO_ROOT);
});

afterAll(async () => {
    await client?.close();
});

test("every policy has a compliant and a violating example", () => {
    const policies = ["eip-single-binding", "eip-same-region", "eip-supported-target", "ecs-single-eip", "eni-eip-capacity", "nat-gateway-eip-limit", "nat-gateway-vswitch-capacity", "alb-nlb-eip-per-zone", "clb-single-eip", "havip-single-eip", "eip-dnat-conflict", "eip-clb-resource-group"];
    for (const policy of policies) {
        const mine = examples.filter((example) => example.id.startsWith(`${policy}/`));
        expect({ policy, pass: mine.filter((e) => e.id.includes("/pass-")).length > 0 }).toEqual({ policy, pass: true });
        expect({ policy, fail: mine.filter((e) => e.id.includes("/fail-") && e.expected.verdicts.some((v) => v.policy === policy)).length > 0 }).toEqual({ policy, fail: true });
    }
});

// The AnalyzeStack order is drawn from this seed (tools/harness/shuffle.ts); it is in every name so
// that a failure can be replayed.
describe.each(examples.map((example) => [example.id, example] as const))(`%s (${SHUFFLE_SEED_VARIABLE}=${shuffleSeed()})`, (_id, example) => {
    test("preview gives the expected verdicts", async () => {
        const outcome = await runExample(client, example, true);
        expect(outcome.verdicts).toEqual(example.expected.verdicts);
        expect(outcome.analyzeDiagnostics).toEqual([]);
        expect(outcome.diagnostics.filter((d) => d.message.includes("can't run policy"))).toEqual([]);
    });

    test("update gives the same mandatory verdicts", async () => {
        const outcome = await runExample(client, example, false);
        const mandatory = (verdicts: readonly Verdict[]) => verdicts.filter((v) => v.level === "mandatory");
        expect(mandatory(outcome.verdicts)).toEqual(mandatory(example.expected.update ?? example.expected.verdicts));
    });
});
