import { Handle, Plan } from "../../support/plan";
import { findings, messages, ruleNamed, violationsInBothPhases } from "../../support/verdicts";

const policy = "eip-clb-resource-group";

function intranetClb(plan: Plan, name = "clb", props: Record<string, unknown> = {}, type?: string): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("clb", name, { addressType: "intranet", vswitchId: vswitch.ref(), ...props }, { type });
}

describe(policy, () => {
    test("is advisory: a console display issue, not a failed deployment", () => {
        expect(ruleNamed(policy).enforcementLevel).toBe("advisory");
    });

    test("passes: EIP and CLB in the same resource group", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2team" }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }));
            }),
        ).toEqual([]);
    });

    test("passes: EIP resource group left unset (the account's default group is not guessed)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip"), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }));
            }),
        ).toEqual([]);
    });

    test("passes: CLB resource group left unset", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2team" }), intranetClb(plan));
            }),
        ).toEqual([]);
    });

    test("passes: a literal EIP or CLB id outside the stack cannot be compared", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("literal-eip", "eip-bp1existing", intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }));
                plan.associate("literal-clb", plan.eip("eip", { resourceGroupId: "rg-aek2other" }), "lb-bp1existing");
            }),
        ).toEqual([]);
    });

    test("passes: an association that does not use instanceType SlbInstance is not a CLB binding", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2b" }), { instanceType: "EcsInstance" });
            }),
        ).toEqual([]);
    });

    test("fails: EIP and CLB in different resource groups", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2b" }));
            }),
        ).toEqual(["clb-assoc"]);
    });

    test("fails: an EIP read into the stack, with another group than the CLB (ApplicationLoadBalancer type)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const existing = plan.eip("existing", { resourceGroupId: "rg-aek2shared" }, { external: true, id: "eip-bp1read01" });
                const clb = intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }, "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer");
                plan.associate("clb-assoc", existing, clb, { instanceType: "SlbInstance" });
            }),
        ).toEqual(["clb-assoc"]);
    });

    test("fails: only the mismatched binding among two", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("same", plan.eip("eip-1", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb-1", { resourceGroupId: "rg-aek2a" }));
                plan.associate("mixed", plan.eip("eip-2", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb-2", { resourceGroupId: "rg-aek2b" }));
            }),
        ).toEqual(["mixed"]);
    });

    test("the message names the EIP, the CLB, both groups, the association, the consequence and the fix", () => {
        const [message, ...rest] = messages(policy, (plan) => {
            plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "inner-clb", { resourceGroupId: "rg-aek2b" }));
        });
        expect(rest).toEqual([]);
        expect(message).toContain('EIP "clb-eip" and CLB instance "inner-clb" have different resourceGroupId values (EIP association "clb-assoc")');
        expect(message).not.toMatch(/rg-aek2a|rg-aek2b/);
        expect(message).toContain("the EIP console will not show the CLB as its bound instance");
        expect(message).toContain("Put both in one resource group");
    });

    test("reports nothing undecided: the rule has no advisory notes of its own", () => {
        const plan = new Plan("preview");
        const source = plan.add("vpc", "group-source");
        plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: source.ref("groupA") }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2b" }));
        expect(findings(plan.resources(), policy)).toEqual([]);
    });
});
