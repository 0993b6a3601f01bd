// The size of the pack's answer to AnalyzeStack, through the real server, against what the Pulumi CLI
// accepts back from a Node pack since v3.221: 4 MiB (policypack/crossguard/answer.ts). The harness's
// client has the same limit, so an oversized answer fails here as it fails `pulumi preview`. The
// sizes measured are printed; `npm run bench -- --answers 100000` measures the 100k-resource stacks.

import * as path from "path";
import { AGGREGATE_ABOVE } from "../../policypack/core/aggregate";
import { AnalyzeResult, AnalyzerClient, CLI_RECEIVE_LIMIT, EngineResource } from "../../policypack/testing/engine/analyzer";
import { noisyStack, unresolvedStack } from "../../tools/bench/noisy-stacks";
import { CONTRACT, MANDATORY_BY_DEFAULT } from "../contract/contract";

const identity = { stack: "prod", project: "noisy", organization: "acme", dryRun: true };

test("an answer over 4 MiB fails the call, as it fails the preview", async () => {
    const client = await AnalyzerClient.start(path.join(__dirname, "packs", "oversized"));
    try {
        await client.open(identity);
        await expect(client.analyzeStack(unresolvedStack(10))).rejects.toThrow(/received message larger than max \(\d+ vs\.? 4194304\)/i);
    } finally {
        await client.close();
    }
});

describe("the pack's answer stays under 4 MiB", () => {
    let client: AnalyzerClient;
    const sizes: string[] = [];

    beforeAll(async () => {
        client = await AnalyzerClient.start(path.resolve(__dirname, "../.."));
        await client.open(identity);
    });

    afterAll(async () => {
        await client?.close();
        console.log(`AnalyzeStack answer sizes (limit ${CLI_RECEIVE_LIMIT} bytes):\n${sizes.join("\n")}`);
    });

    async function answer(label: string, stack: EngineResource[]): Promise<AnalyzeResult> {
        const result = await client.analyzeStack(stack);
        sizes.push(`  ${label}: ${stack.length} resources, ${result.diagnostics.length} diagnostics, ${result.answerBytes} bytes`);
        expect(result.answerBytes).toBeGreaterThan(0);
        expect(result.answerBytes).toBeLessThan(CLI_RECEIVE_LIMIT);
        return result;
    }

    test("4,000 associations whose EIP and target cannot be traced: three notes each, one diagnostic per cause", async () => {
        // 12,000 notes; one by one they would take about 5.6 MB.
        const stack = unresolvedStack(4_000);
        const associations = stack.filter((resource) => resource.type === "alicloud:ecs/eipAssociation:EipAssociation").length;
        const result = await answer("unresolved associations", stack);
        expect(result.diagnostics.map((d) => `${d.policyName} ${d.enforcementLevel}`).sort()).toEqual([
            "eip-same-region advisory",
            "eip-single-binding advisory",
            "eip-supported-target advisory",
        ]);
        expect(result.diagnostics.every((d) => d.message.includes(`${associations} findings of this kind were reported as this one`))).toBe(true);
    });

    test("once every cause is aggregated, the answer no longer grows with the stack", async () => {
        const small = await answer("unresolved associations", unresolvedStack(300));
        const large = await answer("unresolved associations", unresolvedStack(2_000));
        // Only the counts in the messages differ: a digit more.
        expect(Math.abs((large.answerBytes ?? 0) - (small.answerBytes ?? 0))).toBeLessThan(16);
    });

    test(`every mistake the pack reports, each up to ${AGGREGATE_ABOVE} times: the largest answer one by one`, async () => {
        // One fault is one finding, so every cause reaches the threshold at 50 copies.
        const worst = await answer("every mistake, 50 copies", noisyStack(50));
        const beyond = await answer("every mistake, 55 copies", noisyStack(55));
        expect(beyond.answerBytes).toBeLessThan(worst.answerBytes ?? 0);
        expect(new Set(worst.diagnostics.map((d) => d.policyName)).size).toBe(CONTRACT.length);
    });

    test("names ten times longer than usual: the per-policy budget merges and cuts, every mandatory policy is still reported", async () => {
        const stack = noisyStack(25, 400);
        const result = await answer("every mistake, 25 copies, 400-character names", stack);
        expect(new Set(result.diagnostics.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.policyName)).size).toBe(MANDATORY_BY_DEFAULT.length);
    });
});
