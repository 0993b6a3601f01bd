// --policy / --skip-policy: which policies run. A name that is no policy is a usage error, never
// ignored: a CI job that skips "eip-single-bindng" must not believe it skipped something.

import { RULES } from "../core/rules";
import { UsageError } from "./options";
import { didYouMean } from "./suggest";

const NAMES: readonly string[] = RULES.map((rule) => rule.name);

function known(flag: string, name: string): string {
    if (!NAMES.includes(name)) {
        throw new UsageError(`${flag} ${name}: no policy of this pack has that name.${didYouMean(name, NAMES)} The policies are ${NAMES.join(", ")}.`);
    }
    return name;
}

/** The policies to run, or undefined when neither option was given (all, as configured). */
export function selectPolicies(policies: readonly string[], skipped: readonly string[]): ReadonlySet<string> | undefined {
    if (policies.length === 0 && skipped.length === 0) {
        return undefined;
    }
    const wanted = policies.map((name) => known("--policy", name));
    const left = new Set(skipped.map((name) => known("--skip-policy", name)));
    const selected = new Set((wanted.length > 0 ? wanted : NAMES).filter((name) => !left.has(name)));
    if (selected.size === 0) {
        throw new UsageError("--policy and --skip-policy leave no policy to run.");
    }
    return selected;
}
