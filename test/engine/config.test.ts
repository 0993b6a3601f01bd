// `--policy-pack-config` under the real Pulumi CLI: it merges the file with the pack's defaults,
// validates the result against each policy's configSchema before the pack is configured, refuses a
// file that breaks a schema (the pack never analyzes anything then), and a valid file changes the
// verdicts exactly as the harness's Configure call does.

import * as fs from "fs";
import * as path from "path";
import { AnalyzerClient } from "../../policypack/testing/engine/analyzer";
import { REPO_ROOT, listExamples, runExample } from "../../tools/harness/examples";
import { analyze } from "../../tools/engine/cli";
import { stateOf } from "../../tools/engine/state";
import { attribution, describeWithEngine, sorted } from "../support/engine-cli";
import { INVALID_CONFIGS } from "../support/invalid-configs";

const exampleConfig = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "policy-config.example.json"), "utf8"));
const example = listExamples().find((candidate) => candidate.id === "nat-gateway-eip-limit/fail-twenty-one-eips")!;
let client: AnalyzerClient;

describeWithEngine("the Pulumi CLI with --policy-pack-config", () => {
    beforeAll(async () => {
        client = await AnalyzerClient.start(REPO_ROOT);
    });

    afterAll(async () => {
        await client?.close();
    });

    test("the documented example file is accepted and its NAT gateway quota of 50 lets 21 EIPs pass, as in the harness", async () => {
        const outcome = await runExample(client, { ...example, expected: { ...example.expected, policyConfig: exampleConfig } }, true);
        const cli = await analyze(stateOf(outcome.run), { config: exampleConfig });
        // The route: with no nodejs language host installed, the CLI starts the pack through the analyzer plugin on PATH.
        expect(cli.stderr).toContain("using pulumi-analyzer-policy-nodejs from $PATH");
        const { resolve } = attribution(outcome);
        const verdicts = (list: { policy: string; urn: string; level: string }[]) => sorted(list.map((v) => `${v.policy} ${v.level} ${v.urn}`));
        expect(verdicts(cli.events.map((e) => ({ policy: e.policyName, urn: e.resourceUrn, level: e.enforcementLevel })))).toEqual(
            verdicts(outcome.diagnostics.map((d) => ({ policy: d.policyName, urn: resolve(d.urn), level: d.enforcementLevel }))),
        );
        expect(cli.events.filter((e) => e.policyName === "nat-gateway-eip-limit")).toEqual([]);
        // Without the file the same stack is refused: the quota came from the file.
        const unconfigured = await analyze(stateOf(outcome.run));
        expect(unconfigured.events.filter((e) => e.policyName === "nat-gateway-eip-limit").map((e) => e.enforcementLevel)).toContain("mandatory");
        expect({ configured: cli.exitCode, unconfigured: unconfigured.exitCode }).toEqual({ configured: 0, unconfigured: 1 });
    });

    describe("a file that breaks a policy's schema is refused before the pack analyzes anything", () => {
        let state: ReturnType<typeof stateOf>;
        beforeAll(async () => {
            state = stateOf((await runExample(client, example, true)).run);
        });

        test.each(INVALID_CONFIGS)("%s", async (_case, config) => {
            const cli = await analyze(state, { config });
            expect({ exitCode: cli.exitCode, events: cli.events }).toEqual({ exitCode: 1, events: [] });
            expect(cli.stderr).toContain('validating policy config for "alicloud-eip-guard"');
            expect(cli.stderr).toContain(Object.keys(config)[0]);
        });

        test.each([
            ["an enforcement level that does not exist", '{ "eip-single-binding": "sometimes" }', "is not a valid enforcement level"],
            ["a file that is not JSON", '{ "eip-single-binding": ', "loading policy packs"],
        ])("%s", async (_case, text, reason) => {
            const cli = await analyze(state, { config: text });
            expect({ exitCode: cli.exitCode, events: cli.events }).toEqual({ exitCode: 1, events: [] });
            expect(cli.stderr).toContain(reason);
        });
    });
});
