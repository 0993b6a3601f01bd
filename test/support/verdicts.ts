// Reads rule findings in the terms the tests assert: which resources a policy rejects.

import { runRule } from "../../policypack/core/engine";
import { Model } from "../../policypack/core/model";
import { ResourceInput } from "../../policypack/core/resources";
import { Finding, PolicyName } from "../../policypack/core/rule";
import { RULES } from "../../policypack/core/rules";
import { Phase, Plan, bothPhases } from "./plan";

/** The registered rule of that name, typed with its own options. */
export function ruleNamed<N extends PolicyName>(name: N): Extract<(typeof RULES)[number], { name: N }> {
    const rule = RULES.find((candidate): candidate is Extract<(typeof RULES)[number], { name: N }> => candidate.name === name);
    if (rule === undefined) {
        throw new Error(`no rule ${name}`);
    }
    return rule;
}

export function findings(resources: readonly ResourceInput[], policy: PolicyName, config: unknown = {}, now?: Date): Finding[] {
    return runRule(ruleNamed(policy), new Model(resources), config, now);
}

/** The name of the resource at `address` ("<stack>" for a finding about the whole stack). */
export function nameOf(resources: readonly ResourceInput[], address: string | undefined): string {
    return resources.find((resource) => resource.address === address)?.name ?? "<stack>";
}

/** The sorted, distinct names of the resources a policy reports a violation on. */
export function violations(resources: readonly ResourceInput[], policy: PolicyName, config: unknown = {}): string[] {
    const names = findings(resources, policy, config)
        .filter((finding) => finding.outcome === "violation")
        .map((finding) => nameOf(resources, finding.resource));
    return [...new Set(names)].sort();
}

function withOutcome(outcome: Finding["outcome"], resources: readonly ResourceInput[], policy: PolicyName, config: unknown): string[] {
    const names = findings(resources, policy, config)
        .filter((finding) => finding.outcome === outcome)
        .map((finding) => nameOf(resources, finding.resource));
    return [...new Set(names)].sort();
}

/** The resources a policy says it could not decide for ("<stack>" for the stack as a whole). */
export function undecided(resources: readonly ResourceInput[], policy: PolicyName, config: unknown = {}): string[] {
    return withOutcome("undecided", resources, policy, config);
}

/** Where a policy reports a notice about its configuration or waivers ("<stack>" when not about one resource). */
export function notices(resources: readonly ResourceInput[], policy: PolicyName, config: unknown = {}): string[] {
    return withOutcome("notice", resources, policy, config);
}

/**
 * Builds a plan in both phases and returns the violations, asserting that preview and update agree:
 * what preview decides is what the update would decide.
 */
export function violationsInBothPhases(policy: PolicyName, build: (plan: Plan) => void, config: unknown = {}, defaultRegion: string | null = "cn-hangzhou"): string[] {
    const phases = bothPhases(build, defaultRegion);
    const byPhase: Record<Phase, string[]> = {
        preview: violations(phases.preview, policy, config),
        update: violations(phases.update, policy, config),
    };
    expect(byPhase.preview).toEqual(byPhase.update);
    return byPhase.preview;
}

/** The messages of the findings of one outcome (violations unless told) a policy reports on a plan built in one phase (preview unless told). */
export function messages(policy: PolicyName, build: (plan: Plan) => void, config: unknown = {}, outcome: Finding["outcome"] = "violation", phase: Phase = "preview"): string[] {
    const plan = new Plan(phase);
    build(plan);
    return findings(plan.resources(), policy, config)
        .filter((finding) => finding.outcome === outcome)
        .map((finding) => finding.message);
}
