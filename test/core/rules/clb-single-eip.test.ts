import { Handle, Plan } from "../../support/plan";
import { findings, messages, violationsInBothPhases } from "../../support/verdicts";

const policy = "clb-single-eip";

const NEW_CLB_TYPE = "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer";

function intranetClb(plan: Plan, name = "clb", props: Record<string, unknown> = {}, type?: string): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("clb", name, { addressType: "intranet", vswitchId: vswitch.ref(), ...props }, { type });
}

describe(policy, () => {
    test("passes: one EIP on an internal-facing CLB (instanceType inferred)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip"), intranetClb(plan));
            }),
        ).toEqual([]);
    });

    test("passes: one EIP on each of two internal-facing CLBs", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("assoc-a", plan.eip("eip-a"), intranetClb(plan, "clb-a"));
                plan.associate("assoc-b", plan.eip("eip-b"), intranetClb(plan, "clb-b", {}, NEW_CLB_TYPE), { instanceType: "SlbInstance" });
            }),
        ).toEqual([]);
    });

    test("passes: an Internet-facing CLB (no addressType, no vSwitch) is left to eip-supported-target", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const clb = plan.add("clb", "public-clb", { loadBalancerSpec: "slb.s1.small" });
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            }),
        ).toEqual([]);
    });

    test("passes: a CLB declared internet, even in a vSwitch, is left to eip-supported-target", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const clb = intranetClb(plan, "clb", { addressType: "internet" });
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            }),
        ).toEqual([]);
    });

    test("passes: associations that do not use instanceType SlbInstance are not counted", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const clb = intranetClb(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb, { instanceType: "EcsInstance" });
            }),
        ).toEqual([]);
    });

    test("fails: two EIPs on an internal-facing CLB", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const clb = intranetClb(plan);
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb, { instanceType: "SlbInstance" });
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("fails: two EIPs on a CLB without addressType but with a vSwitch (intranet)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vswitch = plan.vswitch("vsw");
                const clb = plan.add("clb", "clb", { vswitchId: vswitch.ref() }, { type: NEW_CLB_TYPE });
                plan.associate("assoc-1", plan.eip("eip-1"), clb);
                plan.associate("assoc-2", plan.eip("eip-2"), clb);
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("fails: three EIPs on a literal lb- id outside the stack", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                for (const n of [1, 2, 3]) {
                    plan.associate(`assoc-${n}`, plan.eip(`eip-${n}`), "lb-bp1existing");
                }
            }),
        ).toEqual(["assoc-1", "assoc-2", "assoc-3"]);
    });

    test("fails: a CLB read into the stack and also named by its literal id", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const existing = plan.add("clb", "existing", { addressType: "intranet", vswitchId: "vsw-bp1existing" }, { external: true, id: "lb-bp1read01" });
                plan.associate("by-ref", plan.eip("eip-1"), existing);
                plan.associate("by-id", plan.eip("eip-2"), "lb-bp1read01");
            }),
        ).toEqual(["by-id", "by-ref"]);
    });

    test("fails: only the CLB with two EIPs", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const crowded = intranetClb(plan, "crowded");
                plan.associate("assoc-1", plan.eip("eip-1"), crowded);
                plan.associate("assoc-2", plan.eip("eip-2"), crowded);
                plan.associate("assoc-3", plan.eip("eip-3"), intranetClb(plan, "single"));
            }),
        ).toEqual(["assoc-1", "assoc-2"]);
    });

    test("the message names the CLB and the associations, states the rule and gives the fix", () => {
        const found = messages(policy, (plan) => {
            const clb = intranetClb(plan, "inner-clb");
            plan.associate("assoc-1", plan.eip("eip-1"), clb);
            plan.associate("assoc-2", plan.eip("eip-2"), clb);
        });
        expect(found).toHaveLength(2);
        for (const message of found) {
            expect(message).toContain('CLB instance "inner-clb" would hold 2 EIPs (EIP association "assoc-1" and EIP association "assoc-2")');
            expect(message).toContain("an internal-facing CLB instance can be associated with only one EIP");
            expect(message).toContain("Keep one association, or use an ALB or NLB for several public addresses");
        }
    });

    test("reports nothing undecided: the rule has no advisory cases", () => {
        const plan = new Plan("preview");
        const clb = intranetClb(plan);
        plan.associate("assoc-1", plan.eip("eip-1"), clb);
        plan.associate("assoc-2", "eip-bp1literal", "lb-bp1existing");
        expect(findings(plan.resources(), policy)).toEqual([]);
    });
});
