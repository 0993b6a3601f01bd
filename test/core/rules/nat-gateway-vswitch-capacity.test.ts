import { natGatewayVswitchCapacity } from "../../../policypack/core/rules/nat-gateway-vswitch-capacity";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";

function gatewayIn(plan: Plan, vswitch: Handle | string, name = "ngw"): Handle {
    return plan.add("natGateway", name, { vswitchId: typeof vswitch === "string" ? vswitch : vswitch.ref(), natType: "Enhanced" });
}

/** `count` new EIPs bound to `gateway`, each through its own association. */
function bindMany(plan: Plan, prefix: string, gateway: Handle | string, count: number): void {
    for (let n = 1; n <= count; n++) {
        plan.associate(`${prefix}-${n}`, plan.eip(`${prefix}-eip-${n}`), gateway);
    }
}

function instancesIn(plan: Plan, vswitch: Handle, count: number, props: Record<string, unknown> = {}): void {
    for (let n = 1; n <= count; n++) {
        plan.instance(`vm-${n}`, { vswitchId: vswitch.ref(), ...props });
    }
}

/** A /28 shared by one of each kind of neighbour, 7 addresses in all with the gateway, and `eips` EIPs on the gateway. */
const crowded = (eips: number) => (plan: Plan) => {
    const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
    plan.instance("vm", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 2 }); // 3
    plan.add("eni", "eni", { vswitchId: vswitch.ref(), privateIpAddresses: ["10.0.1.7"] }); // 2
    plan.add("clb", "clb", { addressType: "intranet", vswitchId: vswitch.ref() }); // 1
    plan.add("havip", "havip", { vswitchId: vswitch.ref() }); // 1
    plan.add("alb", "alb", { addressType: "Intranet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref() }] }); // 1
    bindMany(plan, "a", gatewayIn(plan, vswitch), eips); // 1 + eips
};

ruleTester(natGatewayVswitchCapacity, {
    passes: [
        {
            name: "/29 vSwitch: the gateway and 3 EIPs fill it exactly",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 3);
            },
        },
        {
            name: "/29 vSwitch: the gateway, 2 EIPs and one instance",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 1);
                bindMany(plan, "a", gatewayIn(plan, vswitch), 2);
            },
        },
        {
            name: "/29 vSwitch: resources in another vSwitch do not count",
            plan: (plan) => {
                const small = plan.vswitch("small", "10.0.1.0/29");
                const big = plan.vswitch("big", "10.0.2.0/24");
                instancesIn(plan, big, 5);
                bindMany(plan, "a", gatewayIn(plan, small), 3);
            },
        },
        {
            name: "/28 vSwitch: the gateway and 11 EIPs",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/28")), 11);
            },
        },
        {
            name: "/28 vSwitch: the gateway, 7 EIPs and an ENI with secondaryPrivateIpAddressCount 3",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                plan.add("eni", "eni", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 3 });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 7);
            },
        },
        {
            name: "/28 vSwitch: two gateways share a /28 with 5 EIPs each",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 5);
                bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b"), 5);
            },
        },
        {
            name: "/28 vSwitch: an instance, an ENI, a CLB, an HAVIP and an ALB zone mapping leave room for 3 EIPs",
            plan: crowded(3),
        },
        {
            name: "20 EIPs on a gateway in a /24",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/24")), 20);
            },
        },
        {
            name: "a gateway without a vSwitch takes no addresses",
            plan: (plan) => {
                bindMany(plan, "a", plan.add("natGateway", "ngw", { vpcId: "vpc-bp1existing" }), 8);
            },
            undecided: [],
        },
        {
            name: "a full vSwitch with a gateway that binds no EIP is not this rule's business",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 6);
                gatewayIn(plan, vswitch);
            },
        },
        {
            name: "EIPs bound to a literal ngw- id are not counted against any planned vSwitch",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 3);
                bindMany(plan, "a", "ngw-bp1existing", 5);
            },
        },
        {
            name: "resources whose vSwitch is not in the plan, and zone mappings in other vSwitches, take nothing from it",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                plan.instance("elsewhere", { vswitchId: "vsw-outside" });
                plan.add("alb", "lb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: "vsw-outside" }, { zoneId: "cn-hangzhou-b" }] });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 3);
            },
        },
        {
            name: "a VPC NAT gateway takes no EIP, so its EIP associations take no vSwitch address",
            plan: (plan) => {
                const vsw = plan.vswitch("tiny", "10.0.1.0/29");
                const nat = plan.add("natGateway", "vpc-nat", { vswitchId: vsw.ref(), natType: "Enhanced", networkType: "intranet" });
                for (let i = 0; i < 4; i++) {
                    plan.associate(`assoc-${i}`, plan.eip(`eip-${i}`), nat);
                }
            },
        },
        // Undecided
        {
            name: "a vSwitch outside the stack, with more EIPs than a /29 holds, is undecided",
            plan: (plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing"), 4),
            undecided: ["ngw"],
            undecidedMessages: [
                'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch is named by a literal id and not managed in this stack. The gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
            ],
        },
        {
            name: "a vSwitch outside the stack is not undecided when the gateway and its EIPs fit any vSwitch",
            plan: (plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing"), 3),
            undecided: [],
        },
        {
            name: "a vSwitch whose cidrBlock is left unset is undecided",
            plan: (plan) => {
                const vswitch = plan.add("vswitch", "vsw", { isDefault: true, zoneId: "cn-hangzhou-a" });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 6);
            },
            undecided: ["ngw"],
        },
        {
            name: "a vSwitch whose cidrBlock is computed from another resource is undecided",
            plan: (plan) => {
                const vpc = plan.add("vpc", "vpc", {});
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29", { cidrBlock: vpc.ref("nextCidr") });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 6);
            },
            undecided: ["ngw"],
        },
        {
            name: "a vSwitch whose cidrBlock is no CIDR block is undecided",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "not-a-cidr")), 4);
            },
            undecidedMessages: [
                'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch or CIDR block is unknown until deployment. The gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
            ],
        },
    ],
    fails: [
        {
            name: "/29 vSwitch: the gateway and 4 EIPs, one too many",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 4);
            },
            violations: ["ngw"],
            reports: [
                {
                    on: "ngw",
                    message:
                        'vSwitch "vsw" (its cidrBlock leaves 4 usable addresses) cannot hold what the plan puts in it: NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 4 EIPs, 5 in all. Each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp). Use a larger vSwitch for the gateway, or bind fewer EIPs.',
                },
            ],
        },
        {
            name: "/29 vSwitch: the gateway, 2 EIPs and two instances",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 2);
                bindMany(plan, "a", gatewayIn(plan, vswitch), 2);
            },
            violations: ["ngw"],
            messages: [
                'vSwitch "vsw" (its cidrBlock leaves 4 usable addresses) cannot hold what the plan puts in it',
                'NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 2 EIPs',
                '2 addresses for 2 other planned resources in it (ECS instance "vm-1", ECS instance "vm-2")',
                "5 in all",
                "Each EIP associated with a new NAT gateway takes a private IP from its vSwitch",
                "OperationDenied.NoAvailablePrivateIp",
                "Use a larger vSwitch for the gateway, or bind fewer EIPs",
            ],
            notInMessages: ["10.0.1.0/29"],
        },
        {
            name: "/29 vSwitch: the gateway, 1 EIP and an instance with two secondary private IPs",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 1, { secondaryPrivateIps: ["10.0.1.5", "10.0.1.6"] });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 1);
            },
            violations: ["ngw"],
        },
        {
            name: "/28 vSwitch: the gateway and 12 EIPs",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/28")), 12);
            },
            violations: ["ngw"],
        },
        {
            name: "/28 vSwitch: the gateway, 8 EIPs and an ENI with secondaryPrivateIpAddressCount 3",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                plan.add("eni", "eni", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 3 });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 8);
            },
            violations: ["ngw"],
        },
        {
            name: "/28 vSwitch: two gateways share a /28 with 5 and 6 EIPs, both reported",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 5);
                bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b"), 6);
            },
            violations: ["ngw-a", "ngw-b"],
        },
        {
            name: "/28 vSwitch: the same neighbours leave no room for a 4th EIP",
            plan: crowded(4),
            violations: ["ngw"],
        },
        {
            name: "a /30 vSwitch leaves no address at all; one EIP does not fit",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/30")), 1);
            },
            violations: ["ngw"],
            reports: [
                {
                    on: "ngw",
                    message:
                        'vSwitch "vsw" (its cidrBlock leaves 0 usable addresses) cannot hold what the plan puts in it: NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 1 EIP, 2 in all. Each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp). Use a larger vSwitch for the gateway, or bind fewer EIPs.',
                },
            ],
        },
        {
            name: "a zone mapping in the gateway's vSwitch takes an address from it",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                plan.add("alb", "lb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref() }] });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 3);
            },
            violations: ["ngw"],
        },
        // Messages
        {
            name: "more than four other resources are listed by their first four",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                for (let n = 1; n <= 5; n++) {
                    plan.instance(`vm-${n}`, { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: n === 1 ? 2 : 0 });
                }
                bindMany(plan, "a", gatewayIn(plan, vswitch), 1);
            },
            violations: ["ngw"],
            messages: [
                'NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 1 EIP, and 7 addresses for 5 other planned resources in it (ECS instance "vm-1", ECS instance "vm-2", ECS instance "vm-3", ECS instance "vm-4", ...), 9 in all.',
            ],
        },
        {
            name: "one other resource with one address is counted in the singular",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                plan.add("havip", "ha", { vswitchId: vswitch.ref() });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 3);
            },
            violations: ["ngw"],
            messages: ['its 3 EIPs, and 1 address for 1 other planned resource in it (HAVIP "ha"), 5 in all.'],
        },
        {
            name: "reportUndecided: false never hides a violation",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 4);
            },
            config: { reportUndecided: false },
            violations: ["ngw"],
        },
    ],
});
