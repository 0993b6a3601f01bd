// One table per rule that reads as its specification: the plans the rule lets through and the plans
// it rejects. Every case is judged twice, as Pulumi shows the plan at preview and as it shows it
// after the update, because a gate that decides differently in the two phases cannot be trusted.

import { Finding, Rule, RuleOption } from "../../policypack/core/rule";
import { Plan, bothPhases } from "./plan";
import { findings, nameOf, ruleNamed, undecided, violations, violationsInBothPhases } from "./verdicts";

export interface PassCase {
    /** What the plan is; the test is titled "passes: <name>". */
    readonly name: string;
    readonly plan: (plan: Plan) => void;
    /** The policy's configuration; none when not given. */
    readonly config?: Record<string, unknown>;
    /** The stack's alicloud:region; null leaves it to the environment. */
    readonly defaultRegion?: string | null;
    /**
     * The resources the rule says it could not decide for ("<stack>" for the stack), the same in both
     * phases. When there are any, reportUndecided: false must silence them and change no violation.
     */
    readonly undecided?: readonly string[];
    /** The undecided notes word for word, in the order the rule reports them, in both phases. */
    readonly undecidedMessages?: readonly string[];
}

/** One violation word for word: the resource it is reported on, and the resources it involves. */
export interface Report {
    readonly on: string;
    readonly message: string;
    readonly involved?: readonly string[];
}

export interface FailCase extends PassCase {
    /** Exactly the resources the rule rejects, sorted, in both phases. */
    readonly violations: readonly string[];
    /** Fragments every violation message contains; each rejected resource then has one violation. */
    readonly messages?: readonly string[];
    /** What no violation message may contain: values the user should not have to match by eye. */
    readonly notInMessages?: readonly (string | RegExp)[];
    /** The violations word for word, in the order the rule reports them. */
    readonly reports?: readonly Report[];
    /**
     * For each rejected resource, the sorted names of every resource its violations involve. One fault
     * is one violation, on its subject, and names all the resources that make it up.
     */
    readonly involved?: Readonly<Record<string, readonly string[]>>;
}

export interface RuleTable {
    readonly passes: readonly PassCase[];
    readonly fails: readonly FailCase[];
}

/** Registers `describe(rule.name)` with one test per case: "passes: ..." then "fails: ...". */
export function ruleTester<O extends Record<string, RuleOption>>(rule: Rule<O>, table: RuleTable): void {
    // A copy of a rule would pass its table while the pack ships the registered one.
    if ((ruleNamed(rule.name) as unknown) !== rule) {
        throw new Error(`${rule.name} is not the rule the registry holds`);
    }
    describe(rule.name, () => {
        for (const spec of table.passes) {
            test(`passes: ${spec.name}`, () => {
                expect(violationsInBothPhases(rule.name, spec.plan, spec.config ?? {}, region(spec))).toEqual([]);
                checkUndecided(rule, spec, []);
            });
        }
        for (const spec of table.fails) {
            test(`fails: ${spec.name}`, () => {
                expect(violationsInBothPhases(rule.name, spec.plan, spec.config ?? {}, region(spec))).toEqual(spec.violations);
                checkUndecided(rule, spec, spec.violations);
                checkMessages(rule, spec);
                checkInvolved(rule, spec);
            });
        }
    });
}

function region(spec: PassCase): string | null {
    return spec.defaultRegion === undefined ? "cn-hangzhou" : spec.defaultRegion;
}

function phasesOf(spec: PassCase) {
    const phases = bothPhases(spec.plan, region(spec));
    return [phases.preview, phases.update];
}

function ofOutcome(found: readonly Finding[], outcome: Finding["outcome"]): Finding[] {
    return found.filter((finding) => finding.outcome === outcome);
}

function checkUndecided<O extends Record<string, RuleOption>>(rule: Rule<O>, spec: PassCase, expectedViolations: readonly string[]): void {
    if (spec.undecided === undefined && spec.undecidedMessages === undefined) {
        return;
    }
    const config = spec.config ?? {};
    const quiet = { ...config, reportUndecided: false };
    for (const resources of phasesOf(spec)) {
        if (spec.undecided !== undefined) {
            expect(undecided(resources, rule.name, config)).toEqual(spec.undecided);
        }
        if (spec.undecidedMessages !== undefined) {
            expect(ofOutcome(findings(resources, rule.name, config), "undecided").map((finding) => finding.message)).toEqual(spec.undecidedMessages);
        }
        if ((spec.undecided ?? []).length > 0 || (spec.undecidedMessages ?? []).length > 0) {
            expect(undecided(resources, rule.name, quiet)).toEqual([]);
            expect(violations(resources, rule.name, quiet)).toEqual(expectedViolations);
        }
    }
}

function checkMessages<O extends Record<string, RuleOption>>(rule: Rule<O>, spec: FailCase): void {
    if (spec.messages === undefined && spec.notInMessages === undefined && spec.reports === undefined) {
        return;
    }
    for (const resources of phasesOf(spec)) {
        const found = ofOutcome(findings(resources, rule.name, spec.config ?? {}), "violation");
        if (spec.messages !== undefined) {
            expect(found.map((finding) => nameOf(resources, finding.resource)).sort()).toEqual(spec.violations);
        }
        for (const { message } of found) {
            for (const fragment of spec.messages ?? []) {
                expect(message).toContain(fragment);
            }
            for (const pattern of spec.notInMessages ?? []) {
                if (typeof pattern === "string") {
                    expect(message).not.toContain(pattern);
                } else {
                    expect(message).not.toMatch(pattern);
                }
            }
        }
        if (spec.reports !== undefined) {
            const reported = found.map((finding, index) => ({
                on: nameOf(resources, finding.resource),
                message: finding.message,
                ...(spec.reports?.[index]?.involved === undefined ? {} : { involved: finding.involved.map((address) => nameOf(resources, address)) }),
            }));
            expect(reported).toEqual(spec.reports);
        }
    }
}

function checkInvolved<O extends Record<string, RuleOption>>(rule: Rule<O>, spec: FailCase): void {
    if (spec.involved === undefined) {
        return;
    }
    for (const resources of phasesOf(spec)) {
        const involved: Record<string, string[]> = {};
        for (const finding of ofOutcome(findings(resources, rule.name, spec.config ?? {}), "violation")) {
            const on = nameOf(resources, finding.resource);
            involved[on] = [...new Set([...(involved[on] ?? []), ...finding.involved.map((address) => nameOf(resources, address))])].sort();
        }
        expect(involved).toEqual(spec.involved);
    }
}
