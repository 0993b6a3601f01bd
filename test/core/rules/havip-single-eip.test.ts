import { havipSingleEip } from "../../../policypack/core/rules/havip-single-eip";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings } from "../../support/verdicts";

function havip(plan: Plan, name = "havip", type?: string): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("havip", name, { vswitchId: vswitch.ref() }, { type });
}

const HAVIP = { instanceType: "HaVip" };

ruleTester(havipSingleEip, {
    passes: [
        {
            name: "one EIP on an HAVIP",
            plan: (plan) => {
                plan.associate("assoc", plan.eip("eip"), havip(plan), HAVIP);
            },
        },
        {
            name: "one EIP on each of two HAVIPs (both Pulumi types)",
            plan: (plan) => {
                plan.associate("assoc-a", plan.eip("eip-a"), havip(plan, "havip-a"), HAVIP);
                plan.associate("assoc-b", plan.eip("eip-b"), havip(plan, "havip-b", "alicloud:vpc/hAVip:HAVip"), HAVIP);
            },
        },
        {
            name: "associations without instanceType HaVip are sent as EcsInstance and not counted here",
            plan: (plan) => {
                const target = havip(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), target);
                plan.associate("assoc-2", plan.eip("eip-2"), target, HAVIP);
            },
        },
    ],
    fails: [
        {
            name: "two EIPs on one HAVIP",
            plan: (plan) => {
                const target = havip(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), target, HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), target, HAVIP);
            },
            violations: ["havip"],
            involved: { havip: ["assoc-1", "assoc-2", "havip"] },
        },
        {
            name: "two EIPs on an HAVIP of the deprecated HAVip type",
            plan: (plan) => {
                const target = havip(plan, "old-havip", "alicloud:vpc/hAVip:HAVip");
                plan.associate("assoc-1", plan.eip("eip-1"), target, HAVIP);
                plan.associate("assoc-2", "eip-bp1literal", target, HAVIP);
            },
            violations: ["old-havip"],
            involved: { "old-havip": ["assoc-1", "assoc-2", "old-havip"] },
        },
        {
            name: "two EIPs on a literal havip- id outside the stack",
            plan: (plan) => {
                plan.associate("assoc-1", plan.eip("eip-1"), "havip-bp1existing", HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), "havip-bp1existing", HAVIP);
            },
            violations: ["assoc-1"],
            involved: { "assoc-1": ["assoc-1", "assoc-2"] },
        },
        {
            name: "an HAVIP read into the stack and also named by its literal id",
            plan: (plan) => {
                const existing = plan.add("havip", "existing", { vswitchId: "vsw-bp1existing" }, { external: true, id: "havip-bp1read01" });
                plan.associate("by-ref", plan.eip("eip-1"), existing, HAVIP);
                plan.associate("by-id", plan.eip("eip-2"), "havip-bp1read01", HAVIP);
            },
            violations: ["existing"],
            involved: { existing: ["by-id", "by-ref", "existing"] },
        },
        {
            name: "only the HAVIP with two EIPs",
            plan: (plan) => {
                const crowded = havip(plan, "crowded");
                plan.associate("assoc-1", plan.eip("eip-1"), crowded, HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), crowded, HAVIP);
                plan.associate("assoc-3", plan.eip("eip-3"), havip(plan, "single"), HAVIP);
            },
            violations: ["crowded"],
            involved: { crowded: ["assoc-1", "assoc-2", "crowded"] },
        },
        {
            name: "the message names the HAVIP and the associations, states the rule and gives the fix",
            plan: (plan) => {
                const target = havip(plan, "vip");
                plan.associate("assoc-1", plan.eip("eip-1"), target, HAVIP);
                plan.associate("assoc-2", plan.eip("eip-2"), target, HAVIP);
            },
            violations: ["vip"],
            involved: { vip: ["assoc-1", "assoc-2", "vip"] },
            messages: [
                'HAVIP "vip" would hold 2 EIPs (EIP association "assoc-1" and EIP association "assoc-2")',
                "an HAVIP can be associated with only one EIP",
                "Keep one association, or create another HAVIP for the second address",
            ],
        },
    ],
});

describe(`${havipSingleEip.name}: beyond the table`, () => {
    test("reports nothing undecided: the rule has no advisory cases", () => {
        const plan = new Plan("preview");
        plan.associate("assoc-1", plan.eip("eip-1"), havip(plan), HAVIP);
        plan.associate("assoc-2", "eip-bp1literal", "havip-bp1existing", HAVIP);
        expect(findings(plan.resources(), havipSingleEip.name)).toEqual([]);
    });
});
