// Aggregation: many findings of one policy, outcome and cause become one, deterministically, after
// waivers have been applied resource by resource.

import { AGGREGATE_ABOVE, NAMED_IN_AGGREGATE, aggregateFindings } from "../../policypack/core/aggregate";
import { describe as name } from "../../policypack/core/describe";
import { runRule } from "../../policypack/core/engine";
import { Model } from "../../policypack/core/model";
import { Finding } from "../../policypack/core/rule";
import { Plan } from "../support/plan";
import { ruleNamed } from "../support/verdicts";

const NOW = new Date("2026-06-15T12:00:00Z");

function finding(n: number, extra: Partial<Finding> = {}): Finding {
    const address = `urn:pulumi:test::test::alicloud:ecs/eipAssociation:EipAssociation::a-${String(n).padStart(4, "0")}`;
    return { policy: "eip-same-region", outcome: "undecided", resource: address, involved: [address], message: `Note on a-${n}.`, cause: "outside-stack", ...extra };
}

const nameless = () => undefined;

describe("aggregateFindings", () => {
    test(`up to ${AGGREGATE_ABOVE} findings of one cause are kept one by one`, () => {
        const findings = Array.from({ length: AGGREGATE_ABOVE }, (_, n) => finding(n));
        expect(aggregateFindings(findings, nameless)).toEqual(findings);
    });

    test("one more, and they become one finding on the first resource by address, counting them all", () => {
        const findings = Array.from({ length: AGGREGATE_ABOVE + 1 }, (_, n) => finding(AGGREGATE_ABOVE - n));
        const [one, ...none] = aggregateFindings(findings, (address) => `EIP association "${address.split("::").pop()}"`);
        expect(none).toEqual([]);
        expect(one.resource).toBe(finding(0).resource);
        expect(one.outcome).toBe("undecided");
        expect(one.cause).toBe("outside-stack");
        expect(one.count).toBe(AGGREGATE_ABOVE + 1);
        expect(one.message.startsWith("Note on a-0.\n\n")).toBe(true);
        expect(one.message).toContain(`${AGGREGATE_ABOVE + 1} findings of this kind were reported as this one`);
        expect(one.message).toContain(
            `They concern ${AGGREGATE_ABOVE + 1} resources: EIP association "a-0000", EIP association "a-0001", EIP association "a-0002", EIP association "a-0003", EIP association "a-0004" and ${AGGREGATE_ABOVE + 1 - NAMED_IN_AGGREGATE} more.`,
        );
        expect(one.involved).toEqual(findings.map((f) => f.resource).sort());
    });

    test("the same findings in any order give the same answer", () => {
        const findings = Array.from({ length: 120 }, (_, n) => finding(n, { message: `Note ${n % 7}.` }));
        const reversed = [...findings].reverse();
        const shuffled = [...findings].sort((a, b) => (a.message + a.resource! < b.message + b.resource! ? -1 : 1));
        const answer = aggregateFindings(findings, nameless);
        expect(aggregateFindings(reversed, nameless)).toEqual(answer);
        expect(aggregateFindings(shuffled, nameless)).toEqual(answer);
    });

    test("policy, outcome and cause each keep groups apart; findings without a cause are never merged", () => {
        const many = (extra: Partial<Finding>) => Array.from({ length: AGGREGATE_ABOVE + 1 }, (_, n) => finding(n, extra));
        const findings = [
            ...many({}),
            ...many({ cause: "party-unresolved" }),
            ...many({ outcome: "violation", cause: "crosses-regions" }),
            ...many({ policy: "eip-single-binding" }),
            ...many({ cause: undefined }),
        ];
        const answer = aggregateFindings(findings, nameless);
        expect(answer).toHaveLength(4 + AGGREGATE_ABOVE + 1);
        expect(answer.filter((f) => f.count !== undefined).map((f) => `${f.policy} ${f.outcome} ${f.cause}`)).toEqual([
            "eip-same-region undecided outside-stack",
            "eip-same-region undecided party-unresolved",
            "eip-same-region violation crosses-regions",
            "eip-single-binding undecided outside-stack",
        ]);
    });

    test("the aggregated finding takes the place of the group's first finding in the list", () => {
        const other = finding(9000, { cause: "party-unresolved", message: "Other." });
        const group = Array.from({ length: AGGREGATE_ABOVE + 1 }, (_, n) => finding(n));
        const answer = aggregateFindings([other, ...group.slice(0, 3), other, ...group.slice(3)], nameless);
        expect(answer.map((f) => f.count ?? f.message)).toEqual(["Other.", AGGREGATE_ABOVE + 1, "Other."]);
    });
});

describe("waivers apply to each resource before findings are aggregated", () => {
    // Many ECS instances with two EIPs each: one violation per instance, on the instance, one cause.
    function plan(instances: number): Plan {
        const p = new Plan("preview");
        for (let i = 0; i < instances; i++) {
            const vm = p.instance(`vm-${i}`, { vswitchId: p.vswitch(`vsw-${i}`).ref() });
            p.associate(`a-${i}`, p.eip(`eip-a-${i}`), vm);
            p.associate(`b-${i}`, p.eip(`eip-b-${i}`), vm);
        }
        return p;
    }

    test("a waived resource keeps its own waived finding; the rest are aggregated as violations", () => {
        const model = new Model(plan(70).resources());
        const exemptions = [{ resource: "a-1?", reason: "migrating", expires: "2027-01-01" }];
        const found = runRule(ruleNamed("ecs-single-eip"), model, { exemptions }, NOW);
        expect(found.filter((f) => f.outcome === "waived")).toHaveLength(10);
        const answer = aggregateFindings(found, (address) => name(model.byAddress(address)!));
        const waived = answer.filter((f) => f.outcome === "waived");
        expect(waived.map((f) => f.resource!.split("::").pop())).toEqual(["vm-10", "vm-11", "vm-12", "vm-13", "vm-14", "vm-15", "vm-16", "vm-17", "vm-18", "vm-19"]);
        expect(waived.every((f) => f.message.startsWith('Waived by exemption 1 (resource "a-1?") until 2027-01-01 (reason: migrating).'))).toBe(true);
        const [violation, ...none] = answer.filter((f) => f.outcome === "violation");
        expect(none).toEqual([]);
        expect(violation.count).toBe(60);
        expect(violation.resource!.split("::").pop()).toBe("vm-0");
        // "a-1?" matches a-10 to a-19 (so their instances' faults), not a-1.
        expect(violation.message).toContain(
            'They concern 60 resources: ECS instance "vm-0", ECS instance "vm-1", ECS instance "vm-2", ECS instance "vm-20", ECS instance "vm-21" and 55 more.',
        );
    });
});
