// The public contract of the pack, read from the registry: what users name in their config, waivers
// and CI (policy names, default levels, severities, options with their defaults and bounds). The
// reviewed copy is policies.json beside this file; a change to the contract is a change to that file.

import { RULES } from "../../policypack/core/rules";

export interface ContractPolicy {
    readonly name: string;
    readonly enforcementLevel: string;
    readonly severity: string;
    readonly options: Record<string, Record<string, unknown>>;
}

export function contractOfRegistry(): ContractPolicy[] {
    return RULES.map((rule) => ({
        name: rule.name,
        enforcementLevel: rule.enforcementLevel,
        severity: rule.severity,
        options: Object.fromEntries(
            Object.entries(rule.options).map(([key, option]) => {
                const { description: _description, ...shape } = option;
                return [key, shape];
            }),
        ),
    }));
}

/** The reviewed snapshot of the contract. */
export const CONTRACT: readonly ContractPolicy[] = require("./policies.json");

/** How many policies are mandatory by default, for tests that count levels. */
export const MANDATORY_BY_DEFAULT = CONTRACT.filter((policy) => policy.enforcementLevel === "mandatory").map((policy) => policy.name);

/**
 * Policies the CrossGuard pack serves besides the rules (pack-policies.json, reviewed like
 * policies.json): not rules, so neither in RULES nor in the offline checker, but their names and
 * levels are as public as the rules' (a user may configure or disable them).
 */
export interface PackOnlyPolicy {
    readonly name: string;
    readonly enforcementLevel: string;
    readonly type: "resource" | "stack";
    readonly reports: string;
}

export const PACK_ONLY: readonly PackOnlyPolicy[] = require("./pack-policies.json");

/** Every policy the pack serves, in the order it serves them: the rules, then the pack-only ones. */
export const PACK_CONTRACT: readonly { name: string; enforcementLevel: string }[] = [...CONTRACT, ...PACK_ONLY].map(({ name, enforcementLevel }) => ({ name, enforcementLevel }));
