import { eniPrivateIpLimit } from "../../../policypack/core/rules/eni-private-ip-limit";
import { UNKNOWN } from "../../../policypack/core/values";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";

// An ecs.g7.large holds 6 private IPs per ENI, an ecs.g7.xlarge 15; an ENI that is not attached 50.

function vm(plan: Plan, name: string, instanceType: unknown = "ecs.g7.large", props: Record<string, unknown> = {}): Handle {
    return plan.instance(name, { vswitchId: plan.vswitch(`${name}-vsw`).ref(), instanceType, ...props });
}

function eni(plan: Plan, name: string, props: Record<string, unknown> = {}, type?: string): Handle {
    return plan.add("eni", name, { vswitchId: plan.vswitch(`${name}-vsw`).ref(), ...props }, { type });
}

function attach(plan: Plan, instance: Handle, target: Handle, name = "attach"): Handle {
    return plan.add("eniAttachment", name, { instanceId: instance.ref(), networkInterfaceId: target.ref() });
}

const addresses = (count: number) => Array.from({ length: count }, (_, i) => `10.0.1.${i + 10}`);

ruleTester(eniPrivateIpLimit, {
    passes: [
        {
            name: "exactly the limit: an ENI with 5 secondary private IPs attached to an ecs.g7.large (6 with the primary)",
            plan: (plan) => attach(plan, vm(plan, "web"), eni(plan, "eni", { secondaryPrivateIpAddressCount: 5 })),
            undecided: [],
        },
        {
            name: "listed addresses (privateIpAddresses, and the deprecated privateIps on the vpc type) at the limit",
            plan: (plan) => {
                attach(plan, vm(plan, "web"), eni(plan, "eni", { privateIpAddresses: addresses(5) }), "attach-1");
                attach(plan, vm(plan, "api"), eni(plan, "old", { privateIps: addresses(5) }, "alicloud:vpc/networkInterface:NetworkInterface"), "attach-2");
            },
            undecided: [],
        },
        {
            name: "the primary ENI of an instance at its limit (secondaryPrivateIpAddressCount 5)",
            plan: (plan) => {
                vm(plan, "web", "ecs.g7.large", { secondaryPrivateIpAddressCount: 5 });
            },
            undecided: [],
        },
        {
            name: "many addresses on a larger type of the family (ecs.g7.xlarge: 15)",
            plan: (plan) => {
                vm(plan, "web", "ecs.g7.xlarge", { networkInterfaces: { networkInterfaceId: eni(plan, "eni", { secondaryPrivateIpAddressCount: 14 }).ref() } });
            },
            undecided: [],
        },
        {
            name: "an ENI that is not attached holds up to 50 private IPs",
            plan: (plan) => {
                eni(plan, "spare", { secondaryPrivateIpAddressCount: 49 });
            },
            undecided: [],
        },
        {
            name: "a count known only at deployment decides nothing",
            plan: (plan) => attach(plan, vm(plan, "web"), eni(plan, "eni", { secondaryPrivateIpAddressCount: plan.eip("count-source").ref("bandwidth") })),
        },
        {
            name: "a type the table lacks decides nothing under 50: one note for the stack names it",
            plan: (plan) => {
                attach(plan, vm(plan, "web", "ecs.g8i.large"), eni(plan, "eni-a", { secondaryPrivateIpAddressCount: 20 }), "attach-a");
                vm(plan, "api", "ecs.g8i.large", { secondaryPrivateIpAddressCount: 20 });
            },
            undecidedMessages: [
                'Could not check how many private IPs an ENI may hold for ECS instance "web" and ECS instance "api": the table of documented instance families gives no such limit for their instance types. Give the limits of those instance types in this policy\'s instanceTypes option to have them checked.',
            ],
        },
        {
            name: "a documented type without a private IP column (g7a) decides nothing: noted",
            plan: (plan) => attach(plan, vm(plan, "web", "ecs.g7a.large"), eni(plan, "eni", { secondaryPrivateIpAddressCount: 20 })),
            undecided: ["<stack>"],
        },
        {
            name: "no instanceType (the type comes from a launch template) decides nothing under 50: noted",
            plan: (plan) =>
                attach(
                    plan,
                    plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref(), launchTemplateName: "web" }),
                    eni(plan, "eni", { secondaryPrivateIpAddressCount: 30 }),
                ),
            undecided: ["<stack>"],
        },
        {
            name: "a type known only at deployment decides nothing: noted once",
            plan: (plan) => attach(plan, vm(plan, "web", UNKNOWN), eni(plan, "eni", { secondaryPrivateIpAddressCount: 20 })),
            undecided: ["<stack>"],
        },
        {
            name: "ENIs with only their primary private IP need no note, whatever the type",
            plan: (plan) => attach(plan, vm(plan, "web", UNKNOWN), eni(plan, "eni")),
            undecided: [],
        },
        {
            name: "instanceTypes raises the limit of a documented type",
            plan: (plan) => attach(plan, vm(plan, "web"), eni(plan, "eni", { secondaryPrivateIpAddressCount: 9 })),
            config: { instanceTypes: { "ecs.g7.large": { privateIpsPerEni: 10 } } },
            undecided: [],
        },
    ],
    fails: [
        {
            name: "an ENI with 6 secondary private IPs attached to an ecs.g7.large",
            plan: (plan) => attach(plan, vm(plan, "web"), eni(plan, "eni", { secondaryPrivateIpAddressCount: 6 })),
            violations: ["eni"],
            undecided: [],
            reports: [
                {
                    on: "eni",
                    message:
                        'ENI "eni" has 7 private IPs (1 primary, 6 secondary) and is attached to ECS instance "web" by ENI attachment "attach", whose instance type holds at most 6 private IPs per ENI, the primary one included. Lower its secondary private IPs to 5, choose a larger type of the family, or move addresses to another ENI.',
                    involved: ["eni", "web", "attach"],
                },
            ],
        },
        {
            name: "listed addresses over the limit on an ENI the instance is created with (networkInterfaces)",
            plan: (plan) => {
                vm(plan, "web", "ecs.c6.large", { networkInterfaces: { networkInterfaceId: eni(plan, "eni", { privateIpAddresses: addresses(6) }).ref() } });
            },
            violations: ["eni"],
            messages: ["has 7 private IPs", "at most 6 private IPs"],
        },
        {
            name: "the primary ENI an instance is created on (networkInterfaceId) over its type's limit",
            plan: (plan) => {
                vm(plan, "web", "ecs.r6.large", { networkInterfaceId: eni(plan, "primary", { privateIpsCount: 6 }).ref() });
            },
            violations: ["primary"],
        },
        {
            name: "an instance's own primary ENI over its type's limit (secondaryPrivateIps)",
            plan: (plan) => {
                vm(plan, "web", "ecs.g7.large", { secondaryPrivateIps: addresses(6) });
            },
            violations: ["web"],
            messages: ["created with 7 private IPs on its primary ENI", "at most 6 private IPs"],
            // An instance type is a property value, which may be a secret: messages never repeat it.
            notInMessages: ["ecs.g7.large", "g7"],
        },
        {
            name: "an ENI that is not attached, with 50 secondary private IPs",
            plan: (plan) => {
                eni(plan, "spare", { secondaryPrivateIpAddressCount: 50 });
            },
            violations: ["spare"],
            messages: ["has 51 private IPs", "holds at most 50"],
        },
        {
            name: "over 50 on an ENI attached to an instance of a type the table lacks: the detached limit still holds",
            plan: (plan) => attach(plan, vm(plan, "web", "ecs.g8i.large"), eni(plan, "eni", { secondaryPrivateIpAddressCount: 60 })),
            violations: ["eni"],
            undecided: ["<stack>"],
        },
        {
            name: "a type the user adds in instanceTypes is checked",
            plan: (plan) => attach(plan, vm(plan, "web", "ecs.g8i.large"), eni(plan, "eni", { secondaryPrivateIpAddressCount: 10 })),
            config: { instanceTypes: { "ecs.g8i.large": { privateIpsPerEni: 10 } } },
            violations: ["eni"],
            undecided: [],
        },
    ],
});
