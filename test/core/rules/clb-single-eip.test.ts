import { clbSingleEip } from "../../../policypack/core/rules/clb-single-eip";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings } from "../../support/verdicts";

const NEW_CLB_TYPE = "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer";

function intranetClb(plan: Plan, name = "clb", props: Record<string, unknown> = {}, type?: string): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("clb", name, { addressType: "intranet", vswitchId: vswitch.ref(), ...props }, { type });
}

ruleTester(clbSingleEip, {
    passes: [
        {
            name: "one EIP on an internal-facing CLB (instanceType inferred)",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip"), intranetClb(plan));
            },
        },
        {
            name: "one EIP on each of two internal-facing CLBs",
            plan: (plan) => {
                plan.associate("assoc-a", plan.eip("eip-a"), intranetClb(plan, "clb-a"));
                plan.associate("assoc-b", plan.eip("eip-b"), intranetClb(plan, "clb-b", {}, NEW_CLB_TYPE), { instanceType: "SlbInstance" });
            },
        },
        {
            name: "an Internet-facing CLB (no addressType, no vSwitch) is left to eip-supported-target",
            plan: (plan) => {
                const clb = plan.add("clb", "public-clb", { loadBalancerSpec: "slb.s1.small" });
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            },
        },
        {
            name: "a CLB declared internet, even in a vSwitch, is left to eip-supported-target",
            plan: (plan) => {
                const clb = intranetClb(plan, "clb", { addressType: "internet" });
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            },
        },
        {
            name: "associations that do not use instanceType SlbInstance are not counted",
            plan: (plan) => {
                const clb = intranetClb(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb, { instanceType: "EcsInstance" });
            },
        },
    ],
    fails: [
        {
            name: "two EIPs on an internal-facing CLB",
            plan: (plan) => {
                const clb = intranetClb(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb, { instanceType: "SlbInstance" });
            },
            violations: ["clb"],
            involved: { clb: ["assoc-1", "assoc-2", "clb"] },
        },
        {
            name: "two EIPs on a CLB without addressType but with a vSwitch (intranet)",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw");
                const clb = plan.add("clb", "clb", { vswitchId: vswitch.ref() }, { type: NEW_CLB_TYPE });
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            },
            violations: ["clb"],
            involved: { clb: ["assoc-1", "assoc-2", "clb"] },
        },
        {
            name: "three EIPs on a literal lb- id outside the stack",
            plan: (plan) => {
                for (const n of [1, 2, 3]) {
                    plan.associate(`assoc-${n}`, plan.eip(`eip-${n}`), "lb-bp1existing");
                }
            },
            violations: ["assoc-1"],
            involved: { "assoc-1": ["assoc-1", "assoc-2", "assoc-3"] },
        },
        {
            name: "a CLB read into the stack and also named by its literal id",
            plan: (plan) => {
                const existing = plan.add("clb", "existing", { addressType: "intranet", vswitchId: "vsw-bp1existing" }, { external: true, id: "lb-bp1read01" });
                plan.associate("by-ref", plan.eip("eip-1"), existing);
                plan.associate("by-id", plan.eip("eip-2"), "lb-bp1read01");
            },
            violations: ["existing"],
            involved: { existing: ["by-id", "by-ref", "existing"] },
        },
        {
            name: "only the CLB with two EIPs",
            plan: (plan) => {
                const crowded = intranetClb(plan, "crowded");
                plan.associate("assoc-1", plan.eip("eip-1"), crowded);
                plan.associate("assoc-2", plan.eip("eip-2"), crowded);
                plan.associate("assoc-3", plan.eip("eip-3"), intranetClb(plan, "single"));
            },
            violations: ["crowded"],
            involved: { crowded: ["assoc-1", "assoc-2", "crowded"] },
        },
        {
            name: "the message names the CLB and the associations, states the rule and gives the fix",
            plan: (plan) => {
                const clb = intranetClb(plan, "inner-clb");
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            },
            violations: ["inner-clb"],
            involved: { "inner-clb": ["assoc-1", "assoc-2", "inner-clb"] },
            messages: [
                'CLB instance "inner-clb" would hold 2 EIPs (EIP association "assoc-1" and EIP association "assoc-2")',
                "an internal-facing CLB instance can be associated with only one EIP",
                "Keep one association, or use an ALB or NLB for several public addresses",
            ],
        },
    ],
});

describe(`${clbSingleEip.name}: beyond the table`, () => {
    test("reports nothing undecided: the rule has no advisory cases", () => {
        const plan = new Plan("preview");
        const clb = intranetClb(plan);
        plan.associate("assoc-1", plan.eip("eip-1"), clb);
        plan.associate("assoc-2", "eip-bp1literal", "lb-bp1existing");
        expect(findings(plan.resources(), clbSingleEip.name)).toEqual([]);
    });
});
