// `npm start`: runs every bundled example program under the Pulumi runtime's mocks (as a preview),
// sends it through the policy pack over the analyzer protocol exactly as `pulumi preview
// --policy-pack .` does, prints the verdicts the way the CLI reports them, and checks each example
// against the verdicts in its expected.json.
//
//   npm start                      all examples
//   npm start -- eip-same-region   only examples whose path contains the text

import { AnalyzerClient } from "../policypack/testing/engine/analyzer";
import { REPO_ROOT, formatDiagnostics, involvedAsExpected, listExamples, runExample } from "./harness/examples";

async function main(): Promise<number> {
    const filter = process.argv[2] ?? "";
    const examples = listExamples().filter((example) => example.id.includes(filter));
    if (examples.length === 0) {
        console.error(`No example matches "${filter}".`);
        return 2;
    }
    const client = await AnalyzerClient.start(REPO_ROOT);
    let failures = 0;
    try {
        for (const example of examples) {
            let outcome;
            try {
                outcome = await runExample(client, example);
            } catch (error) {
                failures++;
                console.log(`\n=== ${example.id}\n    FAILED: ${error instanceof Error ? error.message : String(error)}`);
                continue;
            }
            const expected = JSON.stringify({ verdicts: example.expected.verdicts, involved: example.expected.involved ?? {} });
            const actual = JSON.stringify({ verdicts: outcome.verdicts, involved: involvedAsExpected(outcome) });
            const ok = expected === actual;
            failures += ok ? 0 : 1;
            console.log(`\n=== ${example.id}  (pulumi preview, ${outcome.resourceCount} resources)`);
            console.log(formatDiagnostics(outcome, "."));
            console.log(ok ? "    verdicts match expected.json" : `    MISMATCH with expected.json\n      expected: ${expected}\n      actual:   ${actual}`);
        }
    } finally {
        await client.close();
    }
    console.log(`\n${examples.length} examples: ${examples.length - failures} as expected, ${failures} not.`);
    return failures === 0 ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(error instanceof Error ? error.stack : error);
        process.exit(2);
    },
);
