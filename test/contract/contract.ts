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
