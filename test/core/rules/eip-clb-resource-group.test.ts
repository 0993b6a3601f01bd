import { eipClbResourceGroup } from "../../../policypack/core/rules/eip-clb-resource-group";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings, ruleNamed } from "../../support/verdicts";

function intranetClb(plan: Plan, name = "clb", props: Record<string, unknown> = {}, type?: string): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("clb", name, { addressType: "intranet", vswitchId: vswitch.ref(), ...props }, { type });
}

ruleTester(eipClbResourceGroup, {
    passes: [
        {
            name: "EIP and CLB in the same resource group",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2team" }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }));
            },
        },
        {
            name: "EIP resource group left unset (the account's default group is not guessed)",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip"), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }));
            },
        },
        {
            name: "CLB resource group left unset",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2team" }), intranetClb(plan));
            },
        },
        {
            name: "a literal EIP or CLB id outside the stack cannot be compared",
            plan: (plan) => {
                plan.associate("literal-eip", "eip-bp1existing", intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }));
                plan.associate("literal-clb", plan.eip("eip", { resourceGroupId: "rg-aek2other" }), "lb-bp1existing");
            },
        },
        {
            name: "an association that does not use instanceType SlbInstance is not a CLB binding",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2b" }), {
                    instanceType: "EcsInstance",
                });
            },
        },
    ],
    fails: [
        {
            name: "EIP and CLB in different resource groups",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2b" }));
            },
            violations: ["clb-assoc"],
            involved: { "clb-assoc": ["clb", "clb-assoc", "clb-eip"] },
        },
        {
            name: "an EIP read into the stack, with another group than the CLB (ApplicationLoadBalancer type)",
            plan: (plan) => {
                const existing = plan.eip("existing", { resourceGroupId: "rg-aek2shared" }, { external: true, id: "eip-bp1read01" });
                const clb = intranetClb(plan, "clb", { resourceGroupId: "rg-aek2team" }, "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer");
                plan.associate("clb-assoc", existing, clb, { instanceType: "SlbInstance" });
            },
            violations: ["clb-assoc"],
            involved: { "clb-assoc": ["clb", "clb-assoc", "existing"] },
        },
        {
            name: "only the mismatched binding among two",
            plan: (plan) => {
                plan.associate("same", plan.eip("eip-1", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb-1", { resourceGroupId: "rg-aek2a" }));
                plan.associate("mixed", plan.eip("eip-2", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "clb-2", { resourceGroupId: "rg-aek2b" }));
            },
            violations: ["mixed"],
            involved: { mixed: ["clb-2", "eip-2", "mixed"] },
        },
        {
            name: "the message names the EIP, the CLB, both groups, the association, the consequence and the fix",
            plan: (plan) => {
                plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: "rg-aek2a" }), intranetClb(plan, "inner-clb", { resourceGroupId: "rg-aek2b" }));
            },
            violations: ["clb-assoc"],
            involved: { "clb-assoc": ["clb-assoc", "clb-eip", "inner-clb"] },
            messages: [
                'EIP "clb-eip" and CLB instance "inner-clb" have different resourceGroupId values (EIP association "clb-assoc")',
                "the EIP console will not show the CLB as its bound instance",
                "Put both in one resource group",
            ],
            notInMessages: [/rg-aek2a|rg-aek2b/],
        },
    ],
});

describe(`${eipClbResourceGroup.name}: beyond the table`, () => {
    test("is advisory: a console display issue, not a failed deployment", () => {
        expect(ruleNamed(eipClbResourceGroup.name).enforcementLevel).toBe("advisory");
    });

    test("reports nothing undecided: the rule has no advisory notes of its own", () => {
        const plan = new Plan("preview");
        const source = plan.add("vpc", "group-source");
        plan.associate("clb-assoc", plan.eip("clb-eip", { resourceGroupId: source.ref("groupA") }), intranetClb(plan, "clb", { resourceGroupId: "rg-aek2b" }));
        expect(findings(plan.resources(), eipClbResourceGroup.name)).toEqual([]);
    });
});
