// Checks of the input itself rather than of the infrastructure in it. They are reported like a
// policy's findings (text, JSON, SARIF, JUnit, Markdown) so that a CI job that only reads the exit
// code or a dashboard still sees them, but they are no policy of the pack: the pack, run by the
// Pulumi engine, always sees the whole stack, so they have no place in `RULES`.

import { RuleInfo } from "./check";

/** A `pulumi preview --json` taken without `--show-sames`: the unchanged resources are missing. */
export const COMPLETE_INPUT: RuleInfo = {
    name: "complete-input",
    description: "The checker must see the whole stack: a preview without the unchanged resources cannot show a conflict with one of them.",
    severity: "high",
    remediationSteps:
        "Take the preview with `pulumi preview --json --show-sames`, which lists every resource of the stack. To check only the resources the preview changes, pass --allow-partial-preview.",
};

export const INPUT_RULES: readonly RuleInfo[] = [COMPLETE_INPUT];
