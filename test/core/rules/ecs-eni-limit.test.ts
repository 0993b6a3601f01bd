import { ecsEniLimit } from "../../../policypack/core/rules/ecs-eni-limit";
import { UNKNOWN } from "../../../policypack/core/values";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";

// An ecs.g7.large holds 3 ENIs, an ecs.g7.xlarge 4 (the table's g7 row).

function vm(plan: Plan, name: string, instanceType: unknown = "ecs.g7.large", props: Record<string, unknown> = {}): Handle {
    return plan.instance(name, { vswitchId: plan.vswitch(`${name}-vsw`).ref(), instanceType, ...props });
}

function secondary(plan: Plan, name: string): Handle {
    return plan.add("eni", name, { vswitchId: plan.vswitch(`${name}-vsw`).ref() });
}

function attach(plan: Plan, instance: Handle, count: number, prefix = "eni", type?: string): void {
    for (let i = 1; i <= count; i++) {
        const eni = secondary(plan, `${prefix}-${i}`);
        plan.add("eniAttachment", `${prefix}-attach-${i}`, { instanceId: instance.ref(), networkInterfaceId: eni.ref() }, { type });
    }
}

ruleTester(ecsEniLimit, {
    passes: [
        {
            name: "an instance with only its primary ENI",
            plan: (plan) => {
                vm(plan, "web");
            },
            undecided: [],
        },
        {
            name: "exactly the limit: the primary ENI and two attached secondary ENIs on an ecs.g7.large",
            plan: (plan) => attach(plan, vm(plan, "web"), 2),
            undecided: [],
        },
        {
            name: "one secondary ENI from networkInterfaces and one attachment (both attachment types) on an ecs.g7.large",
            plan: (plan) => {
                const web = vm(plan, "web", "ecs.g7.large", { networkInterfaces: { networkInterfaceId: secondary(plan, "created-with").ref() } });
                attach(plan, web, 1, "vpc", "alicloud:vpc/networkInterfaceAttachment:NetworkInterfaceAttachment");
            },
            undecided: [],
        },
        {
            name: "an ENI attached twice (networkInterfaces and an attachment) counts once",
            plan: (plan) => {
                const eni = secondary(plan, "twice");
                const web = vm(plan, "web", "ecs.g7.large", { networkInterfaces: { networkInterfaceId: eni.ref() } });
                plan.add("eniAttachment", "again", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                attach(plan, web, 1);
            },
            undecided: [],
        },
        {
            name: "three secondary ENIs on a larger type of the family (ecs.g7.xlarge holds 4)",
            plan: (plan) => attach(plan, vm(plan, "web", "ecs.g7.xlarge"), 3),
            undecided: [],
        },
        {
            name: "a type the table lacks decides nothing: one note for the stack names it",
            plan: (plan) => {
                attach(plan, vm(plan, "web", "ecs.g8i.large"), 5, "a");
                attach(plan, vm(plan, "api", "ecs.g8i.large"), 4, "b");
            },
            undecided: ["<stack>"],
        },
        {
            name: "a type known only at deployment (from a data source) decides nothing: one note for the stack",
            plan: (plan) => attach(plan, vm(plan, "web", UNKNOWN), 5),
            undecidedMessages: [
                'Could not check how many ENIs an instance may hold for ECS instance "web": its instance type is known only at deployment. Give the limits of those instance types in this policy\'s instanceTypes option to have them checked.',
            ],
        },
        {
            name: "no instanceType (the type comes from a launch template) decides nothing: noted as known only at deployment",
            plan: (plan) => attach(plan, plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref(), launchTemplateId: "lt-web" }), 5),
            undecided: ["<stack>"],
        },
        {
            name: "an unknown type on an instance with no secondary ENI needs no note",
            plan: (plan) => {
                vm(plan, "web", UNKNOWN);
                vm(plan, "api", "ecs.g8i.large");
            },
            undecided: [],
        },
        {
            name: "instanceTypes raises the limit of a documented type",
            plan: (plan) => attach(plan, vm(plan, "web"), 3),
            config: { instanceTypes: { "ecs.g7.large": { enis: 4 } } },
            undecided: [],
        },
        {
            name: "an attachment to an instance outside the stack is not counted against a planned one",
            plan: (plan) => {
                attach(plan, vm(plan, "web"), 2);
                plan.add("eniAttachment", "elsewhere", { instanceId: "i-bp1existing", networkInterfaceId: secondary(plan, "other").ref() });
            },
            undecided: [],
        },
    ],
    fails: [
        {
            name: "the primary ENI and three attached secondary ENIs on an ecs.g7.large",
            plan: (plan) => attach(plan, vm(plan, "web"), 3),
            violations: ["web"],
            undecided: [],
            reports: [
                {
                    on: "web",
                    message:
                        'ECS instance "web" would hold 4 ENIs: its primary ENI and 3 secondary ENIs from ENI attachment "eni-attach-1", ENI attachment "eni-attach-2" and ENI attachment "eni-attach-3". Its instance type holds at most 3 ENIs, the primary ENI included, and the attachment over that number fails. Choose a larger type of the same family, move 1 ENI to another instance, or bind the EIPs in NAT mode on the private IPs of fewer ENIs.',
                    involved: ["web", "eni-attach-1", "eni-1", "eni-attach-2", "eni-2", "eni-attach-3", "eni-3"],
                },
            ],
        },
        {
            name: "an ENI created with the instance (networkInterfaces with a vSwitch) and two attachments on an ecs.g6.large (2 ENIs)",
            plan: (plan) => {
                const web = vm(plan, "web", "ecs.g6.large", { networkInterfaces: { vswitchId: plan.vswitch("second-vsw").ref(), securityGroupIds: ["sg-1"] } });
                attach(plan, web, 2);
            },
            violations: ["web"],
            messages: ["would hold 4 ENIs", "its networkInterfaces", "at most 2 ENIs"],
            // An instance type is a property value, which may be a secret: messages never repeat it.
            notInMessages: ["ecs.g6.large", "g6"],
        },
        {
            name: "a type the user adds in instanceTypes is checked",
            plan: (plan) => attach(plan, vm(plan, "web", "ecs.g8i.large"), 3),
            config: { instanceTypes: { "ecs.g8i.large": { enis: 3, privateIpsPerEni: 10 } } },
            violations: ["web"],
            undecided: [],
        },
        {
            name: "one violation per instance over its limit, the others in the stack passing or unchecked",
            plan: (plan) => {
                attach(plan, vm(plan, "web"), 4, "w");
                attach(plan, vm(plan, "api", "ecs.c7.large"), 2, "a");
                attach(plan, vm(plan, "db", "ecs.r5.large"), 2, "d");
                attach(plan, vm(plan, "new", "ecs.c8y.large"), 2, "n");
            },
            violations: ["db", "web"],
            undecided: ["<stack>"],
        },
    ],
});
