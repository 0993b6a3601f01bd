// Every example under the real Pulumi CLI. The harness runs the example's program (as a preview and
// as an update) and sends it through the pack; the same recorded resources are written as a state
// file and analyzed by `pulumi policy analyze`. The CLI must report what the harness reports: the
// same policies, levels, resources and messages, and it must exit non-zero exactly when a mandatory
// policy is violated. Where the two differ, the CLI is the reference.

import { AnalyzerClient, Diagnostic } from "../../policypack/testing/engine/analyzer";
import { REPO_ROOT, listExamples, runExample } from "../../tools/harness/examples";
import { PolicyEvent, analyze } from "../../tools/engine/cli";
import { stateOf } from "../../tools/engine/state";
import { attribution, describeWithEngine, sorted } from "../support/engine-cli";

interface Report {
    readonly policy: string;
    readonly resource: string;
    readonly level: string;
    readonly message: string;
}

const examples = listExamples();
let client: AnalyzerClient;

describeWithEngine("the Pulumi CLI on every example", () => {
    beforeAll(async () => {
        client = await AnalyzerClient.start(REPO_ROOT);
    });

    afterAll(async () => {
        await client?.close();
    });

    describe.each(examples.map((example) => [example.id, example] as const))("%s", (_id, example) => {
        test.each([
            ["preview", true],
            ["update", false],
        ] as const)("%s: the CLI reports what the harness reports", async (_stage, preview) => {
            const outcome = await runExample(client, example, preview);
            const cli = await analyze(stateOf(outcome.run), example.expected.policyConfig === undefined ? {} : { config: example.expected.policyConfig });
            const { resolve, nameOf } = attribution(outcome);

            const fromHarness = (d: Diagnostic): Report => ({ policy: d.policyName, resource: nameOf(resolve(d.urn)), level: d.enforcementLevel, message: d.message });
            const fromCli = (e: PolicyEvent): Report => ({ policy: e.policyName, resource: nameOf(e.resourceUrn), level: e.enforcementLevel, message: e.message });
            const harness = [...outcome.analyzeDiagnostics, ...outcome.diagnostics];
            expect(sorted(cli.events.map(fromCli))).toEqual(sorted(harness.map(fromHarness)));

            const mandatory = (urns: { policy: string; urn: string; level: string }[]) => sorted(urns.filter((v) => v.level === "mandatory").map(({ policy, urn }) => ({ policy, urn })));
            expect(mandatory(cli.events.map((e) => ({ policy: e.policyName, urn: e.resourceUrn, level: e.enforcementLevel })))).toEqual(
                mandatory(harness.map((d) => ({ policy: d.policyName, urn: resolve(d.urn), level: d.enforcementLevel }))),
            );

            const violated = harness.some((d) => d.enforcementLevel === "mandatory");
            expect({ exitCode: cli.exitCode, refused: cli.stderr.includes("mandatory policy violations were found") }).toEqual({ exitCode: violated ? 1 : 0, refused: violated });
        });
    });
});
