// Runs rules: reads a policy's options, builds findings, and never lets anything escape. A policy
// that throws takes the user's whole preview down, so a rule that fails is turned into an advisory
// note: the pack says it could not decide, and invents no violation.

import { Model } from "./model";
import { ResourceInput } from "./resources";
import { Finding, OptionValues, Reporter, Rule, RuleOption, TableOption, TableValue } from "./rule";
import { RULES } from "./rules";
import { CORE_WORDS, Vocabulary } from "./terms";
import { isRecord } from "./values";
import { applyWaivers } from "./waivers";

/** Option keys every policy accepts besides its own: the level, and waivers. */
const COMMON_KEYS = new Set(["enforcementLevel", "exemptions"]);

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
    const values: Record<string, number | boolean | TableValue> = {};
    const problems: string[] = [];
    const given = isRecord(config) ? config : {};
    for (const key of Object.keys(given)) {
        if (!COMMON_KEYS.has(key) && !Object.prototype.hasOwnProperty.call(rule.options, key)) {
            const known = [...Object.keys(rule.options), "exemptions"].join(", ");
            problems.push(`${rule.name} has no option "${key}" (it takes ${known}); it was ignored.`);
        }
    }
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
                problems.push(`${key} must be a whole number from ${option.minimum} to ${option.maximum}, not ${show(value)}; the default ${option.default} was used.`);
            }
        } else if (option.type === "object") {
            values[key] = readTable(key, option, value, problems);
        } else if (typeof value === "boolean") {
            values[key] = value;
        } else {
            problems.push(`${key} must be true or false, not ${show(value)}; the default ${option.default} was used.`);
        }
    }
    return { options: values as OptionValues<O>, problems };
}

/**
 * A table option: every entry that gives only known fields, each a whole number in its range, is
 * kept; any other entry is left out with a problem naming it, so one typo costs one entry.
 */
function readTable(key: string, option: TableOption, value: unknown, problems: string[]): TableValue {
    if (!isRecord(value)) {
        problems.push(`${key} must be an object of entries, not ${show(value)}; it was ignored.`);
        return option.default;
    }
    const table: Record<string, Readonly<Record<string, number>>> = {};
    const fields = Object.entries(option.fields);
    const shape = fields.map(([field, bounds]) => `${field} (${bounds.minimum} to ${bounds.maximum})`).join(", ");
    for (const [name, entry] of Object.entries(value)) {
        const usable =
            isRecord(entry) &&
            Object.keys(entry).length > 0 &&
            Object.entries(entry).every(([field, number]) => {
                const bounds = option.fields[field];
                return bounds !== undefined && typeof number === "number" && Number.isInteger(number) && number >= bounds.minimum && number <= bounds.maximum;
            });
        if (usable) {
            table[name] = entry as Record<string, number>;
        } else {
            problems.push(`${key}: the entry for "${name}" must give one or more of ${shape} as whole numbers, not ${show(entry)}; it was ignored.`);
        }
    }
    return table;
}

/** A value for a message, whatever it is. */
function show(value: unknown): string {
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return "an unreadable value";
    }
}

/**
 * Runs one rule on a model with the policy's configuration (its options and `exemptions`), as of
 * `now` for the waivers' expiry, its messages in `words` (terms.ts). Never throws.
 */
export function runRule<O extends Record<string, RuleOption>>(rule: Rule<O>, model: Model, config: unknown, now: Date = new Date(), words: Vocabulary = CORE_WORDS): Finding[] {
    const report = new Reporter(rule.name, words);
    const notices: Finding[] = [];
    const { options, problems } = readOptions(rule, config);
    for (const problem of problems) {
        notices.push({ policy: rule.name, outcome: "notice", involved: [], message: `The configuration of ${rule.name} is not valid: ${problem}` });
    }
    try {
        rule.check({ model, options, report });
    } catch (error) {
        report.undecided(
            undefined,
            `${rule.name} could not finish evaluating this stack (${describeError(error)}); what it found before that is reported, and nothing else was checked. This is a defect in alicloud-eip-guard; please report it with the stack's resource types.`,
            [],
            "rule-failed",
        );
    }
    try {
        const exemptions = isRecord(config) ? config.exemptions : undefined;
        return [...applyWaivers(rule.name, report.findings, exemptions, (address) => model.byAddress(address), now), ...notices];
    } catch (error) {
        return [
            ...report.findings,
            ...notices,
            {
                policy: rule.name,
                outcome: "notice",
                involved: [],
                message: `${rule.name} could not apply its exemptions (${describeError(error)}); the violations are reported as found.`,
            },
        ];
    }
}

function describeError(error: unknown): string {
    try {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } catch {
        return "an error that could not be described";
    }
}

/** Runs every rule (or the named ones) on a list of resources: the whole pack, front-end free. */
export function analyze(
    resources: readonly ResourceInput[],
    config: Readonly<Record<string, unknown>> = {},
    rules: readonly Rule[] = RULES,
    words: Vocabulary = CORE_WORDS,
): Finding[] {
    const model = new Model(resources);
    return rules.flatMap((rule) => runRule(rule, model, config[rule.name], new Date(), words));
}
