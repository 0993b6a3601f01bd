// Runs rules: reads a policy's options, builds findings, and never lets anything escape. A policy
// that throws takes the user's whole preview down, so a rule that fails is turned into an advisory
// note: the pack says it could not decide, and invents no violation.

import { Model } from "./model";
import { ResourceInput } from "./resources";
import { Finding, OptionValues, Reporter, Rule, RuleOption } from "./rule";
import { RULES } from "./rules";
import { isRecord } from "./values";

export interface OptionsReading<O extends Record<string, RuleOption>> {
    readonly options: OptionValues<O>;
    /** One sentence per option that was set to something unusable and replaced by its default. */
    readonly problems: string[];
}

/**
 * Reads a policy's options from its config object (what `--policy-pack-config` gives the policy),
 * falling back to the default of each option that is missing or unusable.
 */
export function readOptions<O extends Record<string, RuleOption>>(rule: Rule<O>, config: unknown): OptionsReading<O> {
    const values: Record<string, number | boolean> = {};
    const problems: string[] = [];
    const given = isRecord(config) ? config : {};
    for (const [key, option] of Object.entries(rule.options)) {
        const value = Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
        values[key] = option.default;
        if (value === undefined || value === null) {
            continue;
        }
        if (option.type === "integer") {
            if (typeof value === "number" && Number.isInteger(value) && value >= option.minimum && value <= option.maximum) {
                values[key] = value;
            } else {
                problems.push(`${key} must be a whole number from ${option.minimum} to ${option.maximum}, not ${JSON.stringify(value) ?? String(value)}; the default ${option.default} was used.`);
            }
        } else if (typeof value === "boolean") {
            values[key] = value;
        } else {
            problems.push(`${key} must be true or false, not ${JSON.stringify(value) ?? String(value)}; the default ${option.default} was used.`);
        }
    }
    return { options: values as OptionValues<O>, problems };
}

/** Runs one rule on a model. Never throws. */
export function runRule<O extends Record<string, RuleOption>>(rule: Rule<O>, model: Model, config: unknown): Finding[] {
    const report = new Reporter(rule.name);
    try {
        const { options, problems } = readOptions(rule, config);
        for (const problem of problems) {
            report.undecided(undefined, `The configuration of ${rule.name} is not valid: ${problem}`);
        }
        rule.check({ model, options, report });
    } catch (error) {
        report.undecided(
            undefined,
            `${rule.name} could not finish evaluating this stack and reported no violation for it (${describeError(error)}). This is a defect in alicloud-eip-guard; please report it with the stack's resource types.`,
        );
    }
    return report.findings;
}

function describeError(error: unknown): string {
    try {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } catch {
        return "an error that could not be described";
    }
}

/** Runs every rule (or the named ones) on a list of resources: the whole pack, front-end free. */
export function analyze(resources: readonly ResourceInput[], config: Readonly<Record<string, unknown>> = {}, rules: readonly Rule[] = RULES): Finding[] {
    const model = new Model(resources);
    return rules.flatMap((rule) => runRule(rule, model, config[rule.name]));
}
