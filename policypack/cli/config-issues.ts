// What the checker ignores of a --config file, one line per ignored entry, option or value, each
// with the closest valid name when it looks like a typo. Without --strict-config the report lists
// them and the check goes on with the defaults; with it they stop the run (exit 2).

import { configProblems, optionsOf } from "../core/config";
import { readOptions } from "../core/engine";
import { RULES } from "../core/rules";
import { isRecord } from "../core/values";
import { didYouMean } from "./suggest";

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];
/** Keys every policy's entry takes besides its own options. */
const COMMON_KEYS = ["enforcementLevel", "exemptions"];

/** One line per thing the configuration sets that the checker does not use. */
export function configIssues(config: unknown): string[] {
    if (!isRecord(config)) {
        return configProblems(RULES, config);
    }
    const names = RULES.map((rule) => rule.name as string);
    const issues: string[] = [];
    for (const [key, entry] of Object.entries(config)) {
        // The core's words for one entry, so that the pack and the checker say the same.
        for (const problem of configProblems(RULES, { [key]: entry })) {
            if (key !== "all" && !names.includes(key)) {
                issues.push(`${problem}${didYouMean(key, [...names, "all"])}`);
            } else {
                const level = typeof entry === "string" ? entry : isRecord(entry) ? entry.enforcementLevel : undefined;
                issues.push(`${problem}${typeof level === "string" ? didYouMean(level, LEVELS) : ""}`);
            }
        }
    }
    for (const rule of RULES) {
        const own = config[rule.name];
        if (!isRecord(own)) {
            continue;
        }
        const options = optionsOf(rule, config);
        const known = [...Object.keys(rule.options), ...COMMON_KEYS];
        for (const problem of readOptions(rule, options).problems) {
            const unknown = /^\S+ has no option "(.*)" \(/.exec(problem);
            issues.push(unknown === null ? `${rule.name}: ${problem}` : `${problem}${didYouMean(unknown[1], known)}`);
        }
    }
    return issues;
}
