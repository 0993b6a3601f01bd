// A pack whose answer to AnalyzeStack is a little over 4 MiB, whatever the stack: what the Pulumi CLI
// refuses since v3.221 (test/protocol/answer-size.test.ts checks that the harness refuses it too).

const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("oversized", {
    policies: [
        {
            name: "loud",
            description: "Says too much.",
            enforcementLevel: "advisory",
            validateStack: (args, reportViolation) => {
                for (let i = 0; i < 1100; i++) {
                    reportViolation(`${i} ${"x".repeat(4000)}`);
                }
            },
        },
    ],
});
