// Verdicts in one comparable shape, "policy address" strings, from the core, the oracle and the
// real server; and the settings of the property runs (npm test: fixed seed, few runs; npm run fuzz:
// FUZZ_RUNS runs from a fresh seed, printed).

import { analyze } from "../../policypack/core/engine";
import { Finding } from "../../policypack/core/rule";
import { ResourceInput } from "../../policypack/core/resources";
import { Diagnostic } from "../../policypack/testing/engine/analyzer";
import { MANDATORY_BY_DEFAULT, ORACLE_POLICIES, oracle } from "../oracle/policies";
import { StackSpec, packConfig } from "./spec";

export const FUZZING = process.env.FUZZ_RUNS !== undefined && process.env.FUZZ_RUNS !== "";

/** Runs of a property: `inTest` under npm test; FUZZ_RUNS (scaled by `share`) under npm run fuzz. */
export function runs(inTest: number, share = 1): number {
    return FUZZING ? Math.max(1, Math.round(Number(process.env.FUZZ_RUNS) * share)) : inTest;
}

const FIXED_SEED = 20261127;
let fresh: number | undefined;

/**
 * The seed of every property in this test file: fixed for npm test, FUZZ_SEED if given, else one
 * fresh seed under fuzzing, printed once so that a failure can be replayed.
 */
export function seed(): number {
    if (process.env.FUZZ_SEED) {
        return Number(process.env.FUZZ_SEED);
    }
    if (!FUZZING) {
        return FIXED_SEED;
    }
    if (fresh === undefined) {
        fresh = (Date.now() ^ (process.pid << 8)) | 0;

        console.log(`property tests: seed ${fresh} (replay with FUZZ_SEED=${fresh} FUZZ_RUNS=${process.env.FUZZ_RUNS})`);
    }
    return fresh;
}

export type Verdicts = string[];

function sorted(list: Iterable<string>): Verdicts {
    return [...new Set(list)].sort();
}

export function coreFindings(resources: readonly ResourceInput[], spec: StackSpec, options: Partial<StackSpec["options"]> = {}): Finding[] {
    return analyze(resources, packConfig({ ...spec, options: { ...spec.options, ...options } }));
}

export function coreVerdicts(resources: readonly ResourceInput[], spec: StackSpec, options: Partial<StackSpec["options"]> = {}): Verdicts {
    return sorted(
        coreFindings(resources, spec, options)
            .filter((f) => f.outcome === "violation")
            .map((f) => `${f.policy} ${f.resource}`),
    );
}

export function oracleVerdicts(resources: readonly ResourceInput[], spec: StackSpec, options: Partial<StackSpec["options"]> = {}): Verdicts {
    const merged = { ...spec.options, ...options };
    const verdicts = oracle(resources, { maxEips: merged.maxEips, maxMultiBindedEips: merged.maxMultiBindedEips });
    return sorted(ORACLE_POLICIES.flatMap((policy) => verdicts[policy].map((address) => `${policy} ${address}`)));
}

export function mandatoryOnly(verdicts: Verdicts): Verdicts {
    return verdicts.filter((verdict) => MANDATORY_BY_DEFAULT.some((policy) => verdict.startsWith(`${policy} `)));
}

export function serverMandatory(diagnostics: readonly Diagnostic[]): Verdicts {
    return sorted(diagnostics.filter((d) => d.enforcementLevel === "mandatory").map((d) => `${d.policyName} ${d.urn}`));
}

/** Findings that say a rule threw: the engine turns an exception into such a note; there must be none. */
export function crashes(findings: readonly Finding[]): string[] {
    return findings.filter((f) => /could not finish evaluating|could not apply its exemptions/.test(f.message)).map((f) => f.message);
}

/** The effective value of an integer option, as the pack reads it: a whole number in range, else the default. */
export function effective(value: unknown, minimum: number, maximum: number, fallback: number): number {
    return typeof value === "number" && Number.isInteger(value) && value >= minimum && value <= maximum ? value : fallback;
}

/** Verdicts readable in a failure message: addresses shortened to type and name. */
export function readable(verdicts: Verdicts): string[] {
    return verdicts.map((verdict) => verdict.replace(/ urn:pulumi:dev::fuzz::.*::/, " "));
}
