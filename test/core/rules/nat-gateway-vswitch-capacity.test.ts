import { Handle, Plan, bothPhases } from "../../support/plan";
import { messages, undecided, violations, violationsInBothPhases } from "../../support/verdicts";

const policy = "nat-gateway-vswitch-capacity";

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

describe(policy, () => {
    describe("/29 vSwitch (4 usable addresses)", () => {
        test("passes: the gateway and 3 EIPs fill it exactly", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 3);
                }),
            ).toEqual([]);
        });

        test("passes: the gateway, 2 EIPs and one instance", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                    instancesIn(plan, vswitch, 1);
                    bindMany(plan, "a", gatewayIn(plan, vswitch), 2);
                }),
            ).toEqual([]);
        });

        test("passes: resources in another vSwitch do not count", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const small = plan.vswitch("small", "10.0.1.0/29");
                    const big = plan.vswitch("big", "10.0.2.0/24");
                    instancesIn(plan, big, 5);
                    bindMany(plan, "a", gatewayIn(plan, small), 3);
                }),
            ).toEqual([]);
        });

        test("fails: the gateway and 4 EIPs", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 4);
                }),
            ).toEqual(["ngw"]);
        });

        test("fails: the gateway, 2 EIPs and two instances", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                    instancesIn(plan, vswitch, 2);
                    bindMany(plan, "a", gatewayIn(plan, vswitch), 2);
                }),
            ).toEqual(["ngw"]);
        });

        test("fails: the gateway, 1 EIP and an instance with two secondary private IPs", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                    instancesIn(plan, vswitch, 1, { secondaryPrivateIps: ["10.0.1.5", "10.0.1.6"] });
                    bindMany(plan, "a", gatewayIn(plan, vswitch), 1);
                }),
            ).toEqual(["ngw"]);
        });
    });

    describe("/28 vSwitch (12 usable addresses)", () => {
        test("passes: the gateway and 11 EIPs", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/28")), 11);
                }),
            ).toEqual([]);
        });

        test("fails: the gateway and 12 EIPs", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/28")), 12);
                }),
            ).toEqual(["ngw"]);
        });

        test("passes: the gateway, 7 EIPs and an ENI with secondaryPrivateIpAddressCount 3", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                    plan.add("eni", "eni", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 3 });
                    bindMany(plan, "a", gatewayIn(plan, vswitch), 7);
                }),
            ).toEqual([]);
        });

        test("fails: the gateway, 8 EIPs and an ENI with secondaryPrivateIpAddressCount 3", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                    plan.add("eni", "eni", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 3 });
                    bindMany(plan, "a", gatewayIn(plan, vswitch), 8);
                }),
            ).toEqual(["ngw"]);
        });

        const crowded = (eips: number) => (plan: Plan) => {
            const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
            plan.instance("vm", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 2 }); // 3
            plan.add("eni", "eni", { vswitchId: vswitch.ref(), privateIpAddresses: ["10.0.1.7"] }); // 2
            plan.add("clb", "clb", { addressType: "intranet", vswitchId: vswitch.ref() }); // 1
            plan.add("havip", "havip", { vswitchId: vswitch.ref() }); // 1
            plan.add("alb", "alb", { addressType: "Intranet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref() }] }); // 1
            bindMany(plan, "a", gatewayIn(plan, vswitch), eips); // 1 + eips
        };

        test("passes: an instance, an ENI, a CLB, an HAVIP and an ALB zone mapping leave room for 3 EIPs", () => {
            expect(violationsInBothPhases(policy, crowded(3))).toEqual([]);
        });

        test("fails: the same neighbours leave no room for a 4th EIP", () => {
            expect(violationsInBothPhases(policy, crowded(4))).toEqual(["ngw"]);
        });

        test("passes: two gateways share a /28 with 5 EIPs each", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                    bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 5);
                    bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b"), 5);
                }),
            ).toEqual([]);
        });

        test("fails: two gateways share a /28 with 5 and 6 EIPs, both reported", () => {
            expect(
                violationsInBothPhases(policy, (plan) => {
                    const vswitch = plan.vswitch("vsw", "10.0.1.0/28");
                    bindMany(plan, "a", gatewayIn(plan, vswitch, "ngw-a"), 5);
                    bindMany(plan, "b", gatewayIn(plan, vswitch, "ngw-b"), 6);
                }),
            ).toEqual(["ngw-a", "ngw-b"]);
        });
    });

    test("passes: 20 EIPs on a gateway in a /24", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/24")), 20);
            }),
        ).toEqual([]);
    });

    test("passes: a gateway without a vSwitch takes no addresses", () => {
        const build = (plan: Plan) => {
            bindMany(plan, "a", plan.add("natGateway", "ngw", { vpcId: "vpc-bp1existing" }), 8);
        };
        expect(violationsInBothPhases(policy, build)).toEqual([]);
        const phases = bothPhases(build);
        expect(undecided(phases.preview, policy)).toEqual([]);
        expect(undecided(phases.update, policy)).toEqual([]);
    });

    test("passes: a full vSwitch with a gateway that binds no EIP is not this rule's business", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 6);
                gatewayIn(plan, vswitch);
            }),
        ).toEqual([]);
    });

    test("passes: EIPs bound to a literal ngw- id are not counted against any planned vSwitch", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                instancesIn(plan, vswitch, 3);
                bindMany(plan, "a", "ngw-bp1existing", 5);
            }),
        ).toEqual([]);
    });

    test("the message names the vSwitch, its size, the gateway, the other resources, the rule and the fix", () => {
        const [message, ...rest] = messages(policy, (plan) => {
            const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
            instancesIn(plan, vswitch, 2);
            bindMany(plan, "a", gatewayIn(plan, vswitch), 2);
        });
        expect(rest).toEqual([]);
        expect(message).toContain('vSwitch "vsw" (its cidrBlock leaves 4 usable addresses) cannot hold what the plan puts in it');
        expect(message).not.toContain("10.0.1.0/29");
        expect(message).toContain('NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 2 EIPs');
        expect(message).toContain('2 addresses for 2 other planned resources in it (ECS instance "vm-1", ECS instance "vm-2")');
        expect(message).toContain("5 in all");
        expect(message).toContain("Each EIP associated with a new NAT gateway takes a private IP from its vSwitch");
        expect(message).toContain("OperationDenied.NoAvailablePrivateIp");
        expect(message).toContain("Use a larger vSwitch for the gateway, or bind fewer EIPs");
    });

    describe("undecided", () => {
        test("a vSwitch outside the stack, with more EIPs than a /29 holds", () => {
            const build = (plan: Plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing"), 4);
            expect(violationsInBothPhases(policy, build)).toEqual([]);
            const phases = bothPhases(build);
            expect(undecided(phases.preview, policy)).toEqual(["ngw"]);
            expect(undecided(phases.update, policy)).toEqual(["ngw"]);
            expect(undecided(phases.preview, policy, { reportUndecided: false })).toEqual([]);
        });

        test("not for a vSwitch outside the stack when the gateway and its EIPs fit any vSwitch", () => {
            const phases = bothPhases((plan) => bindMany(plan, "a", gatewayIn(plan, "vsw-bp1existing"), 3));
            expect(undecided(phases.preview, policy)).toEqual([]);
            expect(undecided(phases.update, policy)).toEqual([]);
        });

        test("a vSwitch whose cidrBlock is left unset", () => {
            const build = (plan: Plan) => {
                const vswitch = plan.add("vswitch", "vsw", { isDefault: true, zoneId: "cn-hangzhou-a" });
                bindMany(plan, "a", gatewayIn(plan, vswitch), 6);
            };
            expect(violationsInBothPhases(policy, build)).toEqual([]);
            const phases = bothPhases(build);
            expect(undecided(phases.preview, policy)).toEqual(["ngw"]);
            expect(undecided(phases.update, policy)).toEqual(["ngw"]);
            expect(undecided(phases.update, policy, { reportUndecided: false })).toEqual([]);
        });

        test("a vSwitch whose cidrBlock is computed from another resource", () => {
            const plan = new Plan("preview");
            const vpc = plan.add("vpc", "vpc", {});
            const vswitch = plan.vswitch("vsw", "10.0.1.0/29", { cidrBlock: vpc.ref("nextCidr") });
            bindMany(plan, "a", gatewayIn(plan, vswitch), 6);
            const resources = plan.resources();
            expect(violations(resources, policy)).toEqual([]);
            expect(undecided(resources, policy)).toEqual(["ngw"]);
            expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
        });
    });

    test("reportUndecided: false never hides a violation", () => {
        expect(
            violationsInBothPhases(
                policy,
                (plan) => {
                    bindMany(plan, "a", gatewayIn(plan, plan.vswitch("vsw", "10.0.1.0/29")), 4);
                },
                { reportUndecided: false },
            ),
        ).toEqual(["ngw"]);
    });
});

describe("nat-gateway-vswitch-capacity: VPC NAT gateways", () => {
    test("a VPC NAT gateway takes no EIP, so its EIP associations take no vSwitch address", () => {
        expect(
            violationsInBothPhases("nat-gateway-vswitch-capacity", (plan) => {
                const vsw = plan.vswitch("tiny", "10.0.1.0/29");
                const nat = plan.add("natGateway", "vpc-nat", { vswitchId: vsw.ref(), natType: "Enhanced", networkType: "intranet" });
                for (let i = 0; i < 4; i++) {
                    plan.associate(`assoc-${i}`, plan.eip(`eip-${i}`), nat);
                }
            }),
        ).toEqual([]);
    });
});
