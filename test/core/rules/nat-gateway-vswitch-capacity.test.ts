import { natGatewayVswitchCapacity } from "../../../policypack/core/rules/nat-gateway-vswitch-capacity";
import { Handle, Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";

/** A gateway in NAT mode unless told otherwise; `mode` null leaves eipBindMode unset (MULTI_BINDED). */
function gatewayIn(plan: Plan, vswitch: Handle | string, name = "ngw", mode: unknown = "NAT"): Handle {
    return plan.add("natGateway", name, { vswitchId: typeof vswitch === "string" ? vswitch : vswitch.ref(), natType: "Enhanced", ...(mode === null ? {} : { eipBindMode: mode }) });
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
        // eipBindMode
        {
            name: "a gateway created without eipBindMode is MULTI_BINDED (the API default): 5 EIPs in a /29 take no address",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29"), "ngw", null), 5);
            },
            undecided: [],
        },
        {
            name: 'eipBindMode "MULTI_BINDED": 20 EIPs in a /29 with 3 instances',
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 3);
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw", "MULTI_BINDED"), 20);
            },
            undecided: [],
        },
        {
            name: "a MULTI_BINDED gateway in a vSwitch the plan overfills is not reported: its EIPs need no address",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 6);
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw", null), 2);
            },
            undecided: [],
        },
        {
            name: "/29 vSwitch: a NAT-mode gateway with 2 EIPs and a MULTI_BINDED neighbour with 5, whose own address counts",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 2);
                bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b", null), 5);
            },
            undecided: [],
        },
        {
            name: "an eipBindMode computed from another resource, with room even in NAT mode, is not undecided",
            plan: (plan) => {
                const source = plan.add("vpc", "vpc", {});
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29"), "ngw", source.ref("bindMode")), 3);
            },
            undecided: [],
        },
        // Undecided
        {
            name: "an eipBindMode computed from another resource, with 4 EIPs in a /29, is undecided",
            plan: (plan) => {
                const source = plan.add("vpc", "vpc", {});
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29"), "ngw", source.ref("bindMode")), 4);
            },
            undecided: ["ngw"],
            undecidedMessages: [
                'vSwitch "vsw" (its cidrBlock is a /29, which leaves 4 usable addresses) may not hold what the plan puts in it: NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 4 EIPs, 5 in all, if NAT gateway "ngw" is in NAT mode (its eipBindMode is not a literal "NAT" or "MULTI_BINDED"). In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp); in MULTI_BINDED mode, the API default, it takes none. Set eipBindMode to "NAT" or "MULTI_BINDED" to have the vSwitch checked.',
            ],
        },
        {
            name: 'an eipBindMode the provider does not accept ("nat") is undecided, not a violation',
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29"), "ngw", "nat"), 4);
            },
            undecided: ["ngw"],
        },
        {
            name: "a NAT-mode gateway that fits only if its neighbour of unknown mode is MULTI_BINDED: both undecided",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                const source = plan.add("vpc", "vpc", {});
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 5);
                bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b", source.ref("bindMode")), 6);
            },
            undecided: ["ngw-a", "ngw-b"],
            undecidedMessages: [
                'vSwitch "vsw" (its cidrBlock is a /28, which leaves 12 usable addresses) may not hold what the plan puts in it: NAT gateway "ngw-a" needs 1 address for itself and 1 per EIP for its 5 EIPs, and 7 addresses for 1 other planned resource in it (NAT gateway "ngw-b"), 13 in all, if NAT gateway "ngw-b" is in NAT mode (its eipBindMode is not a literal "NAT" or "MULTI_BINDED"). In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp); in MULTI_BINDED mode, the API default, it takes none. Set eipBindMode to "NAT" or "MULTI_BINDED" to have the vSwitch checked.',
                'vSwitch "vsw" (its cidrBlock is a /28, which leaves 12 usable addresses) may not hold what the plan puts in it: NAT gateway "ngw-b" needs 1 address for itself and 1 per EIP for its 6 EIPs, and 6 addresses for 1 other planned resource in it (NAT gateway "ngw-a"), 13 in all, if NAT gateway "ngw-b" is in NAT mode (its eipBindMode is not a literal "NAT" or "MULTI_BINDED"). In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp); in MULTI_BINDED mode, the API default, it takes none. Set eipBindMode to "NAT" or "MULTI_BINDED" to have the vSwitch checked.',
            ],
        },
        {
            name: "a vSwitch outside the stack, eipBindMode unknown and more EIPs than a /29 holds in NAT mode, is undecided",
            plan: (plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing", "ngw", "nat"), 4),
            undecidedMessages: [
                'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch is named by a literal id and not managed in this stack. If it is in NAT mode (its eipBindMode is not a literal "NAT" or "MULTI_BINDED") the gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
            ],
        },
        {
            name: "a vSwitch outside the stack with a MULTI_BINDED gateway is not undecided",
            plan: (plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing", "ngw", null), 8),
            undecided: [],
        },
        {
            name: "a vSwitch outside the stack, with more EIPs than a /29 holds, is undecided",
            plan: (plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing"), 4),
            undecided: ["ngw"],
            undecidedMessages: [
                'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch is named by a literal id and not managed in this stack. In NAT mode (eipBindMode "NAT") the gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
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
                'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch or CIDR block is unknown until deployment. In NAT mode (eipBindMode "NAT") the gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
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
            involved: { ngw: ["a-1", "a-2", "a-3", "a-4", "ngw", "vsw"] },
            reports: [
                {
                    on: "ngw",
                    message:
                        'vSwitch "vsw" (its cidrBlock is a /29, which leaves 4 usable addresses) cannot hold what the plan puts in it: NAT gateway "ngw" (eipBindMode "NAT") needs 1 address for itself and 1 per EIP for its 4 EIPs, 5 in all. In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp); in MULTI_BINDED mode, the API default, it takes none. Use a larger vSwitch for the gateway, bind fewer EIPs, or leave eipBindMode unset (MULTI_BINDED) unless you need NAT mode.',
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
            involved: { ngw: ["a-1", "a-2", "ngw", "vsw"] },
            messages: [
                'vSwitch "vsw" (its cidrBlock is a /29, which leaves 4 usable addresses) cannot hold what the plan puts in it',
                'NAT gateway "ngw" (eipBindMode "NAT") needs 1 address for itself and 1 per EIP for its 2 EIPs',
                '2 addresses for 2 other planned resources in it (ECS instance "vm-1", ECS instance "vm-2")',
                "5 in all",
                "In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch",
                "OperationDenied.NoAvailablePrivateIp",
                "Use a larger vSwitch for the gateway, bind fewer EIPs, or leave eipBindMode unset (MULTI_BINDED)",
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
            involved: { ngw: ["a-1", "ngw", "vsw"] },
        },
        {
            name: "/28 vSwitch: the gateway and 12 EIPs",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/28")), 12);
            },
            violations: ["ngw"],
            involved: { ngw: ["a-1", "a-10", "a-11", "a-12", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "a-8", "a-9", "ngw", "vsw"] },
        },
        {
            name: "/28 vSwitch: the gateway, 8 EIPs and an ENI with secondaryPrivateIpAddressCount 3",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                plan.add("eni", "eni", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 3 });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 8);
            },
            violations: ["ngw"],
            involved: { ngw: ["a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "a-8", "ngw", "vsw"] },
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
            involved: { ngw: ["a-1", "a-2", "a-3", "a-4", "ngw", "vsw"] },
        },
        {
            name: "a /30 vSwitch leaves no address at all; one EIP does not fit",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/30")), 1);
            },
            violations: ["ngw"],
            involved: { ngw: ["a-1", "ngw", "vsw"] },
            reports: [
                {
                    on: "ngw",
                    message:
                        'vSwitch "vsw" (its cidrBlock is a /30, which leaves 0 usable addresses) cannot hold what the plan puts in it: NAT gateway "ngw" (eipBindMode "NAT") needs 1 address for itself and 1 per EIP for its 1 EIP, 2 in all. In NAT mode each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp); in MULTI_BINDED mode, the API default, it takes none. Use a larger vSwitch for the gateway, bind fewer EIPs, or leave eipBindMode unset (MULTI_BINDED) unless you need NAT mode.',
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
            involved: { ngw: ["a-1", "a-2", "a-3", "ngw", "vsw"] },
        },
        {
            name: "/29 vSwitch: a NAT-mode gateway with 3 EIPs and a MULTI_BINDED neighbour: only the NAT-mode one is reported",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 3);
                bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b", "MULTI_BINDED"), 5);
            },
            violations: ["ngw-a"],
            involved: { "ngw-a": ["a-1", "a-2", "a-3", "ngw-a", "vsw"] },
            messages: [
                'NAT gateway "ngw-a" (eipBindMode "NAT") needs 1 address for itself and 1 per EIP for its 3 EIPs, and 1 address for 1 other planned resource in it (NAT gateway "ngw-b"), 5 in all.',
            ],
        },
        {
            name: "a NAT-mode gateway that does not fit even if its neighbour of unknown mode is MULTI_BINDED",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                const source = plan.add("vpc", "vpc", {});
                bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 3);
                bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b", source.ref("bindMode")), 2);
            },
            violations: ["ngw-a"],
            involved: { "ngw-a": ["a-1", "a-2", "a-3", "ngw-a", "vsw"] },
            undecided: ["ngw-b"],
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
            involved: { ngw: ["a-1", "ngw", "vsw"] },
            messages: [
                'NAT gateway "ngw" (eipBindMode "NAT") needs 1 address for itself and 1 per EIP for its 1 EIP, and 7 addresses for 5 other planned resources in it (ECS instance "vm-1", ECS instance "vm-2", ECS instance "vm-3", ECS instance "vm-4", ...), 9 in all.',
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
            involved: { ngw: ["a-1", "a-2", "a-3", "ngw", "vsw"] },
            messages: ['its 3 EIPs, and 1 address for 1 other planned resource in it (HAVIP "ha"), 5 in all.'],
        },
        {
            name: "reportUndecided: false never hides a violation",
            plan: (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 4);
            },
            config: { reportUndecided: false },
            violations: ["ngw"],
            involved: { ngw: ["a-1", "a-2", "a-3", "a-4", "ngw", "vsw"] },
        },
    ],
});
