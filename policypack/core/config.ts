// A pack configuration as `pulumi preview --policy-pack-config` takes it, read the way the Pulumi
// engine reads it: `all` sets every policy's level, a policy's own entry (a level, or an object with
// `enforcementLevel` and its options) overrides it, and a policy without either keeps its default.
// Front ends that do not go through the Pulumi engine (the offline checker) resolve levels here.

import { Rule } from "./rule";
import { isRecord } from "./values";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";

const LEVELS: readonly string[] = ["advisory", "mandatory", "disabled", "remediate"];

function levelIn(entry: unknown): EnforcementLevel | undefined {
    const level = typeof entry === "string" ? entry : isRecord(entry) ? entry.enforcementLevel : undefined;
    return typeof level === "string" && LEVELS.includes(level) ? (level as EnforcementLevel) : undefined;
}

/** The level a policy runs at. "remediate" is reported as "mandatory", as the framework does for stack policies. */
export function levelOf(rule: Rule, config: unknown): EnforcementLevel {
    const all = isRecord(config) ? config.all : undefined;
    const own = isRecord(config) ? config[rule.name] : undefined;
    const level = levelIn(own) ?? levelIn(all) ?? rule.enforcementLevel;
    return level === "remediate" ? "mandatory" : level;
}

/** A policy's options (its entry in the configuration without `enforcementLevel`). */
export function optionsOf(rule: Rule, config: unknown): Record<string, unknown> {
    const own = isRecord(config) ? config[rule.name] : undefined;
    if (!isRecord(own)) {
        return {};
    }
    const { enforcementLevel: _level, ...options } = own;
    return options;
}

/** Problems with a configuration as a whole: unknown policy names, levels that are not levels. */
export function configProblems(rules: readonly Rule[], config: unknown): string[] {
    if (config === undefined || config === null) {
        return [];
    }
    if (!isRecord(config)) {
        return ["the configuration must be a JSON object keyed by policy name; it was ignored."];
    }
    const problems: string[] = [];
    const names = new Set(rules.map((rule) => rule.name as string));
    for (const [key, entry] of Object.entries(config)) {
        if (key !== "all" && !names.has(key)) {
            problems.push(`"${key}" is not a policy of this pack (${[...names].join(", ")}); its entry was ignored.`);
            continue;
        }
        const level = typeof entry === "string" ? entry : isRecord(entry) ? entry.enforcementLevel : undefined;
        if ((level !== undefined && (typeof level !== "string" || !LEVELS.includes(level))) || (!isRecord(entry) && typeof entry !== "string")) {
            problems.push(`the entry for "${key}" must be a level (${LEVELS.join(", ")}) or an object with enforcementLevel and options; the default level was kept.`);
        }
    }
    return problems;
}
