import { Handle, Plan } from "../../support/plan";
import { findings, messages, violationsInBothPhases } from "../../support/verdicts";

const policy = "havip-single-eip";

function havip(plan: Plan, name = "havip", type?: string): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("havip", name, { vswitchId: vswitch.ref() }, { type });
}

const HAVIP = { instanceType: "HaVip" };

describe(policy, () => {
    test("passes: one EIP on an HAVIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("assoc", plan.eip("eip"), havip(plan), HAVIP);
            }),
        ).toEqual([]);
    });

    test("passes: one EIP on each of two HAVIPs (both Pulumi types)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("assoc-a", plan.eip("eip-a"), havip(plan, "havip-a"), HAVIP);
                plan.associate("assoc-b", plan.eip("eip-b"), havip(plan, "havip-b", "alicloud:vpc/hAVip:HAVip"), HAVIP);
            }),
        ).toEqual([]);
    });

    test("passes: associations without instanceType HaVip are sent as EcsInstance and not counted here", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const target = havip(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), target);
                plan.associate("assoc-2", plan.eip("eip-2"), target, HAVIP);
            }),
        ).toEqual([]);
    });

    test("fails: two EIPs on one HAVIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const target = havip(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), target, HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), target, HAVIP);
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("fails: two EIPs on an HAVIP of the deprecated HAVip type", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const target = havip(plan, "old-havip", "alicloud:vpc/hAVip:HAVip");
                plan.associate("assoc-1", plan.eip("eip-1"), target, HAVIP);
                plan.associate("assoc-2", "eip-bp1literal", target, HAVIP);
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("fails: two EIPs on a literal havip- id outside the stack", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("assoc-1", plan.eip("eip-1"), "havip-bp1existing", HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), "havip-bp1existing", HAVIP);
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("fails: an HAVIP read into the stack and also named by its literal id", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const existing = plan.add("havip", "existing", { vswitchId: "vsw-bp1existing" }, { external: true, id: "havip-bp1read01" });
                plan.associate("by-ref", plan.eip("eip-1"), existing, HAVIP);
                plan.associate("by-id", plan.eip("eip-2"), "havip-bp1read01", HAVIP);
            }),
        ).toEqual(["by-id", "by-ref"]);
    });

    test("fails: only the HAVIP with two EIPs", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const crowded = havip(plan, "crowded");
                plan.associate("assoc-1", plan.eip("eip-1"), crowded, HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), crowded, HAVIP);
                plan.associate("assoc-3", plan.eip("eip-3"), havip(plan, "single"), HAVIP);
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("the message names the HAVIP and the associations, states the rule and gives the fix", () => {
        const found = messages(policy, (plan) => {
            const target = havip(plan, "vip");
            plan.associate("assoc-1", plan.eip("eip-1"), target, HAVIP);
            plan.associate("assoc-2", plan.eip("eip-2"), target, HAVIP);
        });
        expect(found).toHaveLength(2);
        for (const message of found) {
            expect(message).toContain('HAVIP "vip" would hold 2 EIPs (EIP association "assoc-1" and EIP association "assoc-2")');
            expect(message).toContain("an HAVIP can be associated with only one EIP");
            expect(message).toContain("Keep one association, or create another HAVIP for the second address");
        }
    });

    test("reports nothing undecided: the rule has no advisory cases", () => {
        const plan = new Plan("preview");
        plan.associate("assoc-1", plan.eip("eip-1"), havip(plan), HAVIP);
        plan.associate("assoc-2", "eip-bp1literal", "havip-bp1existing", HAVIP);
        expect(findings(plan.resources(), policy)).toEqual([]);
    });
});
