// Fitting a policy's findings into its share of the answer the Pulumi CLI accepts: aggregation above
// the threshold first, then every repeated cause as one, then cut messages.

import { AGGREGATE_ABOVE } from "../../policypack/core/aggregate";
import { Finding } from "../../policypack/core/rule";
import { RULES } from "../../policypack/core/rules";
import { ANSWER_BUDGET, CLI_ANSWER_LIMIT, diagnosticBytes, fitAnswer } from "../../policypack/crossguard/answer";
import { POLICY_ANSWER_BUDGET } from "../../policypack/crossguard/policies";

const DESCRIPTION = "An EIP can be associated with only one cloud resource at a time.";
const nameless = () => undefined;

function findings(count: number, cause: string, nameLength = 40, messageLength = 300): Finding[] {
    return Array.from({ length: count }, (_, n) => {
        const address = `urn:pulumi:prod::p::alicloud:ecs/eipAssociation:EipAssociation::${"x".repeat(nameLength)}-${cause}-${n}`;
        return { policy: "eip-single-binding", outcome: "violation", resource: address, involved: [address], message: `${cause} ${n} ${"m".repeat(messageLength)}`, cause };
    });
}

const total = (list: readonly Finding[]) => list.reduce((sum, finding) => sum + diagnosticBytes(finding, DESCRIPTION), 0);

test("the budget of all policies stays under the CLI's limit", () => {
    expect(ANSWER_BUDGET).toBeLessThan(CLI_ANSWER_LIMIT);
    expect(POLICY_ANSWER_BUDGET * RULES.length).toBeLessThanOrEqual(ANSWER_BUDGET);
});

test("findings that fit are only aggregated above the threshold", () => {
    const few = findings(AGGREGATE_ABOVE, "a");
    expect(fitAnswer(few, nameless, DESCRIPTION, POLICY_ANSWER_BUDGET)).toEqual(few);
    const many = [...few, ...findings(AGGREGATE_ABOVE + 1, "b")];
    const fitted = fitAnswer(many, nameless, DESCRIPTION, POLICY_ANSWER_BUDGET);
    expect(fitted).toHaveLength(AGGREGATE_ABOVE + 1);
    expect(fitted[AGGREGATE_ABOVE].count).toBe(AGGREGATE_ABOVE + 1);
});

test("when that is still too large, every repeated cause becomes one finding", () => {
    const causes = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const all = causes.flatMap((cause) => findings(AGGREGATE_ABOVE, cause, 200, 2000));
    expect(total(all)).toBeGreaterThan(POLICY_ANSWER_BUDGET);
    const fitted = fitAnswer(all, nameless, DESCRIPTION, POLICY_ANSWER_BUDGET);
    expect(fitted.map((finding) => finding.count)).toEqual(causes.map(() => AGGREGATE_ABOVE));
    expect(total(fitted)).toBeLessThanOrEqual(POLICY_ANSWER_BUDGET);
});

test("when even that is too large, messages are cut to an equal share, and the violations all stay", () => {
    const huge = Array.from({ length: 300 }, (_, n) => findings(1, `cause-${n}`, 40, 5000)[0]);
    expect(total(huge)).toBeGreaterThan(POLICY_ANSWER_BUDGET);
    const fitted = fitAnswer(huge, nameless, DESCRIPTION, POLICY_ANSWER_BUDGET);
    expect(fitted.map((finding) => [finding.resource, finding.outcome])).toEqual(huge.map((finding) => [finding.resource, finding.outcome]));
    expect(fitted.every((finding) => finding.message.endsWith(" [cut to keep the answer to the Pulumi CLI small]"))).toBe(true);
    expect(total(fitted)).toBeLessThanOrEqual(POLICY_ANSWER_BUDGET);
});

test("a cut never splits a character that takes two UTF-16 units", () => {
    const wide = Array.from({ length: 300 }, (_, n) => ({ ...findings(1, `cause-${n}`)[0], message: "🙂".repeat(3000) }));
    for (const finding of fitAnswer(wide, nameless, DESCRIPTION, POLICY_ANSWER_BUDGET)) {
        expect(finding.message.replace(" [cut to keep the answer to the Pulumi CLI small]", "")).toMatch(/^(🙂)*$/u);
    }
});
