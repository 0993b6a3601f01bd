// Runs the pack's policies on one input, as the pack reports them through CrossGuard: a violation at
// the policy's enforcement level with the policy description, a newline and the finding's message;
// every other finding (undecided, waived, notice) as advisory with the finding's message alone.

import { levelOf, optionsOf } from "../core/config";
import { coverageFindingsOnce } from "../core/coverage";
import { describe } from "../core/describe";
import { withInvolvedNamed } from "../core/involved";
import { runRule } from "../core/engine";
import { Model } from "../core/model";
import { ResourceInput } from "../core/resources";
import { Finding, Outcome, Rule } from "../core/rule";
import { RULES } from "../core/rules";
import { configIssues } from "./config-issues";
import { Vocabulary } from "../core/terms";
import { PULUMI_WORDS } from "../pulumi/words";

export type Level = "mandatory" | "advisory";

/** What a report says of the policy behind a finding (a policy of the pack, or a check of the input: input-rules.ts). */
export type RuleInfo = Pick<Rule, "description" | "severity" | "remediationSteps"> & { readonly name: string };

export interface Reported {
    /** The policy that found it, so that reporters need not look it up. */
    readonly rule: RuleInfo;
    readonly outcome: Outcome;
    readonly level: Level;
    /** The message as the pack reports it. */
    readonly message: string;
    /** The finding's own message (without the policy description). */
    readonly detail: string;
    /** The address the finding is attached to; undefined for the whole stack. */
    readonly address?: string;
    /** That resource, when it is one of the input's. */
    readonly resource?: ResourceInput;
    readonly involved: readonly string[];
}

/**
 * Every enabled policy on the resources of one input, its messages in `words` (the input's: terms.ts);
 * with `only`, the enabled policies it names.
 */
export function checkResources(resources: readonly ResourceInput[], config: unknown, now: Date, words: Vocabulary = PULUMI_WORDS, only?: ReadonlySet<string>): Reported[] {
    const model = new Model(resources);
    const reported: Reported[] = [];
    for (const rule of RULES) {
        const level = levelOf(rule, config);
        if (level === "disabled" || (only !== undefined && !only.has(rule.name))) {
            continue;
        }
        // The first enabled policy also says what no policy could see, once per file (coverage.ts).
        const findings: Finding[] = [...runRule(rule, model, optionsOf(rule, config), now, words), ...coverageFindingsOnce(model, rule.name)];
        const nameOf = (address: string) => {
            const resource = model.byAddress(address);
            return resource === undefined ? undefined : describe(resource);
        };
        for (const found of findings) {
            // Its involved resources named, as the pack names them in its diagnostics.
            const finding = withInvolvedNamed(found, nameOf);
            const violation = finding.outcome === "violation";
            reported.push({
                rule,
                outcome: finding.outcome,
                level: violation ? (level === "advisory" ? "advisory" : "mandatory") : "advisory",
                message: violation ? `${rule.description}\n${finding.message}` : finding.message,
                detail: finding.message,
                address: finding.resource,
                resource: model.byAddress(finding.resource),
                involved: finding.involved,
            });
        }
    }
    return reported;
}

/** What the checker ignores of the configuration: unknown policy and option names, levels and values it cannot use. */
export function problemsWith(config: unknown): string[] {
    return configIssues(config);
}
