// Whole messages of the rules, word for word, and the corners of the rules the per-rule tests leave
// open: literal and unresolved parties, entries that name nothing, limits exactly at and one above.

import { Handle, Plan } from "../../support/plan";
import { findings, messages, undecided, violations } from "../../support/verdicts";
import { Finding, PolicyName } from "../../../policypack/core/rule";
import { UNKNOWN } from "../../../policypack/core/values";

function build(phase: "preview" | "update", make: (plan: Plan) => void) {
    const plan = new Plan(phase);
    make(plan);
    return plan.resources();
}

function texts(policy: PolicyName, outcome: Finding["outcome"], make: (plan: Plan) => void, config: unknown = {}, phase: "preview" | "update" = "preview"): string[] {
    return findings(build(phase, make), policy, config)
        .filter((finding) => finding.outcome === outcome)
        .map((finding) => finding.message);
}

describe("eip-dnat-conflict", () => {
    const policy = "eip-dnat-conflict";

    /** An instance with a known private IP and an EIP, a gateway, and a DNAT entry shaped by `entry`. */
    function stack(plan: Plan, entry: Record<string, unknown>, gatewayProps: Record<string, unknown> = {}) {
        const vswitch = plan.vswitch("vsw");
        const web = plan.instance("web", { vswitchId: vswitch.ref(), privateIp: "10.0.1.10" });
        const ngw = plan.add("natGateway", "ngw", { vswitchId: vswitch.ref(), natType: "Enhanced", ...gatewayProps });
        plan.associate("web-assoc", plan.eip("web-eip"), web);
        plan.add("forwardEntry", "dnat", { externalIp: "47.0.0.1", externalPort: "80", internalPort: "80", ipProtocol: "tcp", ...entry });
        return { web, ngw };
    }

    const MESSAGE =
        'ECS instance "web" is associated with an EIP (EIP association "web-assoc") and is also the internal target of DNAT entry "dnat". An ECS instance with an EIP cannot use a NAT gateway\'s DNAT, and an instance with a DNAT entry cannot take an EIP, whichever comes first. Remove the DNAT entry or the EIP association, or bind the EIP to a secondary ENI of the instance.';

    test("the message, on the entry and on the association", () => {
        const resources = build("update", (plan) => stack(plan, { forwardTableId: "ftb-2", internalIp: "10.0.1.10" }, { forwardTableIds: "ftb-1, ftb-2" }));
        const found = findings(resources, policy).filter((finding) => finding.outcome === "violation");
        expect(found.map((finding) => [finding.resource?.split("::").pop(), finding.message])).toEqual([
            ["dnat", MESSAGE],
            ["web-assoc", MESSAGE],
        ]);
        expect(found[0].involved.map((address) => address.split("::").pop())).toEqual(["dnat", "web", "web-assoc"]);
    });

    test("a literal internalIp needs the entry's gateway: a forward table that names no gateway, or none, proves nothing", () => {
        for (const entry of [{ internalIp: "10.0.1.10" }, { forwardTableId: "ftb-9", internalIp: "10.0.1.10" }, { forwardTableId: 7, internalIp: "10.0.1.10" }]) {
            expect(violations(build("update", (plan) => stack(plan, entry, { forwardTableIds: ["ftb-1"] })), policy)).toEqual([]);
        }
        expect(violations(build("update", (plan) => stack(plan, { forwardTableId: "ftb-1", internalIp: "10.0.1.10" }, { forwardTableIds: [" ftb-1 "] })), policy)).toEqual(["dnat", "web-assoc"]);
    });

    test("an entry without an internalIp, or with one that is not an address, forwards to nothing that can be told", () => {
        for (const internalIp of [undefined, 10, ""]) {
            expect(violations(build("update", (plan) => stack(plan, { forwardTableId: "ftb-1", internalIp }, { forwardTableIds: ["ftb-1"] })), policy)).toEqual([]);
        }
    });

    test("an internalIp computed from the instance but known to be another of its addresses is not that instance", () => {
        const resources = build("update", (plan) => {
            const { web } = stack(plan, { forwardTableId: "ftb-1" }, { forwardTableIds: ["ftb-1"] });
            void web;
        });
        const dnat = resources.find((resource) => resource.name === "dnat")!;
        const web = resources.find((resource) => resource.name === "web")!;
        const rewired = resources.map((resource) => (resource === dnat ? { ...dnat, props: { ...dnat.props, internalIp: "10.0.1.99" }, propertyDependencies: { internalIp: [web.address] } } : resource));
        expect(violations(rewired, policy)).toEqual([]);
        const same = resources.map((resource) => (resource === dnat ? { ...dnat, props: { ...dnat.props, internalIp: "10.0.1.10" }, propertyDependencies: { internalIp: [web.address] } } : resource));
        expect(violations(same, policy)).toEqual(["dnat", "web-assoc"]);
    });
});

describe("eip-same-region", () => {
    const policy = "eip-same-region";

    test("the violation names the binding and both regions", () => {
        expect(
            messages(policy, (plan) => {
                const beijing = plan.provider("beijing", "cn-beijing");
                plan.associate("assoc", plan.eip("eip", {}, { provider: beijing }), plan.instance("vm"));
            }),
        ).toEqual([
            'EIP association "assoc" crosses regions: EIP "eip" is in the region of provider "beijing" but EIP association "assoc" is in the stack\'s default region (alicloud:region, provider "default_3_108_0"). An EIP can only be associated with a resource in its own region, and the association is made in its provider\'s region. Create the EIP, the association and the resource with providers of the same region.',
        ]);
    });

    test("a target named by a literal id cannot be checked, and says so", () => {
        const make = (plan: Plan) => {
            plan.associate("assoc", plan.eip("eip"), "i-bp1outside");
        };
        expect(texts(policy, "undecided", make)).toEqual([
            'Could not check the region of the resource named by a literal instance id for EIP association "assoc": it is not managed in this stack. Read it into the stack (for example alicloud.ecs.EipAddress.get) to have its region checked.',
        ]);
        expect(texts(policy, "undecided", make, { reportUndecided: false })).toEqual([]);
        expect(
            texts(policy, "undecided", (plan) => {
                plan.associate("assoc", "eip-bp1outside", "i-bp1outside");
            }),
        ).toEqual([
            'Could not check the region of the EIP named by a literal allocation id and the resource named by a literal instance id for EIP association "assoc": it is not managed in this stack. Read it into the stack (for example alicloud.ecs.EipAddress.get) to have its region checked.',
        ]);
    });

    test("an unresolved target or EIP is named as the part that could not be checked", () => {
        const resources = build("preview", (plan) => {
            const a = plan.instance("a");
            const b = plan.instance("b");
            plan.associate("to-one-of-two", plan.eip("eip"), "placeholder");
            plan.associate("from-one-of-two", "placeholder", a);
            void b;
        });
        const a = resources.find((resource) => resource.name === "a")!;
        const b = resources.find((resource) => resource.name === "b")!;
        const eip = resources.find((resource) => resource.name === "eip")!;
        const other = { ...eip, address: `${eip.address}-2`, name: "eip-2" };
        const rewired = [...resources, other].map((resource) => {
            if (resource.name === "to-one-of-two") {
                return { ...resource, props: { ...resource.props, instanceId: UNKNOWN }, propertyDependencies: { ...resource.propertyDependencies, instanceId: [a.address, b.address] } };
            }
            if (resource.name === "from-one-of-two") {
                return { ...resource, props: { ...resource.props, allocationId: UNKNOWN }, propertyDependencies: { ...resource.propertyDependencies, allocationId: [eip.address, other.address] } };
            }
            return resource;
        });
        const found = findings(rewired, policy).filter((finding) => finding.outcome === "undecided");
        // In address order (the model's), not the order the resources were given in.
        expect(found.map((finding) => finding.message)).toEqual([
            'Could not check the regions of EIP association "from-one-of-two": its EIP is unknown until deployment and was not computed from exactly one resource in this stack.',
            'Could not check the regions of EIP association "to-one-of-two": its target is unknown until deployment and was not computed from exactly one resource in this stack.',
        ]);
        expect(undecided(rewired, policy, { reportUndecided: false })).toEqual([]);
    });

    test("regions that cannot be compared are named with both resources", () => {
        const make = (plan: Plan) => {
            const fromEnv = plan.provider("from-env");
            plan.associate("assoc", plan.eip("eip", {}, { provider: fromEnv }), plan.instance("vm"));
        };
        expect(texts(policy, "undecided", make)).toEqual([
            'Could not compare the regions of EIP "eip" and EIP association "assoc" for EIP association "assoc": they use different providers and at least one region is not set in the program or stack config (it comes from the environment, which a policy cannot see). Set alicloud:region in the stack config, or region on the provider, to have it checked.',
        ]);
    });
});

describe("eip-single-binding", () => {
    const policy = "eip-single-binding";

    test("the message counts the bindings and names each with its target", () => {
        expect(
            messages(policy, (plan) => {
                const eip = plan.eip("shared");
                plan.associate("a", eip, plan.instance("vm1"));
                plan.associate("b", eip, plan.instance("vm2"));
                plan.associate("c", eip, plan.instance("vm3"));
            }),
        ).toEqual(
            Array(3).fill(
                'EIP "shared" is bound 3 times: by EIP association "a" (to ECS instance "vm1"), EIP association "b" (to ECS instance "vm2") and EIP association "c" (to ECS instance "vm3"). Alibaba Cloud associates an EIP with only one cloud resource at a time, so all but one of these bindings will fail. Give each resource its own EIP, or remove the extra bindings.',
            ),
        );
    });

    /** An ALB whose zone mappings all read as unknown at preview, computed from `eips`. */
    function doubtfulAlb(plan: Plan, mappings: number, eips: Handle[]): void {
        const zoneMappings = Array.from({ length: mappings }, (_, i) => ({ zoneId: `cn-hangzhou-${"abcdef"[i]}`, vswitchId: `vsw-${i}`, allocationId: i < eips.length ? eips[i].ref() : undefined }));
        plan.add("alb", "lb", { addressType: "Internet", zoneMappings });
    }

    test("an ALB whose mappings cannot be told apart is undecided, naming its one EIP", () => {
        expect(
            texts(policy, "undecided", (plan) => {
                doubtfulAlb(plan, 2, [plan.eip("e1")]);
            }),
        ).toEqual([
            'Could not tell whether ALB instance "lb" uses EIP "e1" in more than one zone mapping: 2 zone mappings have an allocation id that is unknown until deployment, computed from one EIP, and a mapping without an EIP looks the same at preview. Give every zone mapping its own EIP, or none.',
        ]);
    });

    test("... or counting its EIPs when there are several", () => {
        const found = texts(policy, "undecided", (plan) => {
            doubtfulAlb(plan, 3, [plan.eip("e1"), plan.eip("e2")]);
        });
        expect(found).toEqual([
            'Could not tell whether ALB instance "lb" uses one of its EIPs in more than one zone mapping: 3 zone mappings have an allocation id that is unknown until deployment, computed from 2 EIPs, and a mapping without an EIP looks the same at preview. Give every zone mapping its own EIP, or none.',
        ]);
        expect(
            texts(policy, "undecided", (plan) => {
                doubtfulAlb(plan, 3, [plan.eip("e1"), plan.eip("e2")]);
            }, { reportUndecided: false }),
        ).toEqual([]);
    });

    test("an allocation id that cannot be traced is undecided only beside other bindings, which it counts", () => {
        const withUnknown = (others: number) => (plan: Plan) => {
            plan.associate("loose", "placeholder", plan.instance("vm"));
            for (let i = 0; i < others; i++) {
                plan.associate(`other-${i}`, plan.eip(`e${i}`), plan.instance(`vm${i}`));
            }
        };
        const unknownAllocation = (make: (plan: Plan) => void) =>
            build("preview", make).map((resource) => (resource.name === "loose" ? { ...resource, props: { ...resource.props, allocationId: UNKNOWN }, propertyDependencies: { allocationId: ["urn:x"] } } : resource));
        expect(undecided(unknownAllocation(withUnknown(0)), policy)).toEqual([]);
        const found = findings(unknownAllocation(withUnknown(2)), policy).filter((finding) => finding.outcome === "undecided");
        expect(found.map((finding) => finding.message)).toEqual([
            'Could not tell which EIP EIP association "loose" binds: its allocation id is unknown until deployment and was not computed from exactly one EIP in this stack, so it was not checked against the 2 other EIP bindings. Reference the EIP directly (allocationId: eip.id) to have it checked.',
        ]);
        expect(found[0].involved).toEqual([found[0].resource]);
    });
});

describe("nat-gateway-vswitch-capacity", () => {
    const policy = "nat-gateway-vswitch-capacity";

    function gateway(plan: Plan, cidr: string | Handle, eips: number): Handle {
        const vswitchId = typeof cidr === "string" ? plan.vswitch("vsw", cidr).ref() : cidr.ref();
        const ngw = plan.add("natGateway", "ngw", { vswitchId, natType: "Enhanced" });
        for (let n = 1; n <= eips; n++) {
            plan.associate(`a-${n}`, plan.eip(`e-${n}`), ngw);
        }
        return ngw;
    }

    test("a /29 holds the gateway and 3 EIPs exactly; the fourth EIP is one too many", () => {
        expect(violations(build("update", (plan) => gateway(plan, "10.0.1.0/29", 3)), policy)).toEqual([]);
        expect(
            texts(policy, "violation", (plan) => gateway(plan, "10.0.1.0/29", 4), {}, "update"),
        ).toEqual([
            'vSwitch "vsw" (its cidrBlock leaves 4 usable addresses) cannot hold what the plan puts in it: NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 4 EIPs, 5 in all. Each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp). Use a larger vSwitch for the gateway, or bind fewer EIPs.',
        ]);
    });

    test("a /30 leaves no address at all; one EIP does not fit", () => {
        expect(texts(policy, "violation", (plan) => gateway(plan, "10.0.1.0/30", 1), {}, "update")).toEqual([
            'vSwitch "vsw" (its cidrBlock leaves 0 usable addresses) cannot hold what the plan puts in it: NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 1 EIP, 2 in all. Each EIP associated with a new NAT gateway takes a private IP from its vSwitch, and the association fails when none is left (OperationDenied.NoAvailablePrivateIp). Use a larger vSwitch for the gateway, or bind fewer EIPs.',
        ]);
    });

    test("more than four other resources are listed by their first four", () => {
        const [message] = texts(
            policy,
            "violation",
            (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                for (let n = 1; n <= 5; n++) {
                    plan.instance(`vm-${n}`, { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: n === 1 ? 2 : 0 });
                }
                gateway(plan, vswitch, 1);
            },
            {},
            "update",
        );
        expect(message).toContain(
            'NAT gateway "ngw" needs 1 address for itself and 1 per EIP for its 1 EIP, and 7 addresses for 5 other planned resources in it (ECS instance "vm-1", ECS instance "vm-2", ECS instance "vm-3", ECS instance "vm-4", ...), 9 in all.',
        );
    });

    test("one other resource with one address is counted in the singular", () => {
        const [message] = texts(
            policy,
            "violation",
            (plan) => {
                const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
                plan.add("havip", "ha", { vswitchId: vswitch.ref() });
                gateway(plan, vswitch, 3);
            },
            {},
            "update",
        );
        expect(message).toContain('its 3 EIPs, and 1 address for 1 other planned resource in it (HAVIP "ha"), 5 in all.');
    });

    test("resources whose vSwitch is not in the plan, and zone mappings in other vSwitches, take nothing from it", () => {
        const make = (plan: Plan) => {
            const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
            plan.instance("elsewhere", { vswitchId: "vsw-outside" });
            plan.add("alb", "lb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: "vsw-outside" }, { zoneId: "cn-hangzhou-b" }] });
            gateway(plan, vswitch, 3);
        };
        expect(violations(build("update", make), policy)).toEqual([]);
        const withMapping = (plan: Plan) => {
            const vswitch = plan.vswitch("vsw", "10.0.1.0/29");
            plan.add("alb", "lb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref() }] });
            gateway(plan, vswitch, 3);
        };
        expect(violations(build("update", withMapping), policy)).toEqual(["ngw"]);
    });

    test("an unknown vSwitch is undecided only when the gateway and its EIPs outgrow a /29", () => {
        const outside = (eips: number) => (plan: Plan) => {
            const ngw = plan.add("natGateway", "ngw", { vswitchId: "vsw-outside", natType: "Enhanced" });
            for (let n = 1; n <= eips; n++) {
                plan.associate(`a-${n}`, plan.eip(`e-${n}`), ngw);
            }
        };
        expect(texts(policy, "undecided", outside(3))).toEqual([]);
        expect(texts(policy, "undecided", outside(4))).toEqual([
            'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch is named by a literal id and not managed in this stack. The gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
        ]);
        expect(
            texts(policy, "undecided", (plan) => {
                gateway(plan, plan.vswitch("vsw", "not-a-cidr"), 4);
            }, {}, "update"),
        ).toEqual([
            'Could not check that the vSwitch of NAT gateway "ngw" has room for its 4 EIPs: its vSwitch or CIDR block is unknown until deployment. The gateway and its EIPs need 5 free private IPs, more than the smallest vSwitch (/29) offers.',
        ]);
    });
});

describe("eni-eip-capacity", () => {
    const policy = "eni-eip-capacity";

    test("an ENI named by a literal id is named as such", () => {
        expect(
            messages(policy, (plan) => {
                plan.associate("a", plan.eip("e1"), "eni-bp1outside", { instanceType: "NetworkInterface", mode: "BINDED" });
                plan.associate("b", plan.eip("e2"), "eni-bp1outside", { instanceType: "NetworkInterface", mode: "BINDED" });
            }),
        ).toEqual(
            Array(2).fill(
                'The ENI named by a literal id (not managed in this stack) is bound in cut-through mode (BINDED) by EIP association "a" and EIP association "b", which allows exactly one EIP, but 2 associations point at it. Keep one, or use NAT mode with one private IP per EIP.',
            ),
        );
    });

    test("maxMultiBindedEips is a limit one may reach but not pass", () => {
        const multi = (count: number) => (plan: Plan) => {
            const eni = plan.add("eni", "eni", { vswitchId: plan.vswitch("vsw").ref(), primaryIpAddress: "10.0.1.10" });
            for (let n = 1; n <= count; n++) {
                plan.associate(`m-${n}`, plan.eip(`e-${n}`), eni, { instanceType: "NetworkInterface", mode: "multi_binded" });
            }
        };
        expect(violations(build("update", multi(2)), policy, { maxMultiBindedEips: 2 })).toEqual([]);
        expect(texts(policy, "violation", multi(3), { maxMultiBindedEips: 2 }, "update")).toEqual(
            Array(3).fill('ENI "eni" would hold 3 EIPs in multi-EIP-to-ENI mode (MULTI_BINDED); at most 2 are allowed. Spread them over more ENIs.'),
        );
    });

    test("a mode computed from another resource is no mode the rule can count", () => {
        const resources = build("update", (plan) => {
            const eni = plan.add("eni", "eni", { vswitchId: plan.vswitch("vsw").ref(), primaryIpAddress: "10.0.1.10" });
            plan.associate("a", plan.eip("e1"), eni, { instanceType: "NetworkInterface", mode: "BINDED" });
            plan.associate("b", plan.eip("e2"), eni, { instanceType: "NetworkInterface" });
        });
        const computed = resources.map((resource) => (resource.name === "b" ? { ...resource, props: { ...resource.props, mode: UNKNOWN }, propertyDependencies: { ...resource.propertyDependencies, mode: ["urn:x"] } } : resource));
        // "a" is still BINDED beside another association: that is reported whatever "b"'s mode is.
        expect(violations(computed, policy)).toEqual(["a", "b"]);
        const twoComputed = computed.map((resource) => (resource.name === "a" ? { ...resource, props: { ...resource.props, mode: UNKNOWN }, propertyDependencies: { ...resource.propertyDependencies, mode: ["urn:x"] } } : resource));
        expect(violations(twoComputed, policy)).toEqual([]);
    });
});

describe("eip-supported-target", () => {
    const policy = "eip-supported-target";

    test("a target traced through a dependency names the other reading that would make the binding valid", () => {
        const eniReading = (plan: Plan) => {
            const vm = plan.instance("vm", { vswitchId: plan.vswitch("vsw").ref() });
            plan.associate("to-eni", plan.eip("eip"), "placeholder", { instanceId: vm.ref("networkInterfaceId"), instanceType: "NetworkInterface" });
        };
        const [eni, ...none] = texts(policy, "undecided", eniReading);
        expect(none).toEqual([]);
        expect(eni.startsWith('EIP association "to-eni": instanceId is computed from ECS instance "vm". If it is that resource\'s id, ')).toBe(true);
        expect(eni.endsWith(" If it is another of its outputs naming eni-... (an ENI), the binding is valid. Reference the target's id directly to have it checked.")).toBe(true);
        expect(texts(policy, "undecided", eniReading, { reportUndecided: false })).toEqual([]);

        const [instance] = texts(policy, "undecided", (plan) => {
            const vip = plan.add("havip", "vip", { vswitchId: plan.vswitch("vsw").ref() });
            plan.associate("to-vm", plan.eip("eip"), "placeholder", { instanceId: vip.ref("masterInstanceId"), instanceType: "EcsInstance" });
        });
        expect(instance.startsWith('EIP association "to-vm": instanceId is computed from HAVIP "vip". If it is that resource\'s id, ')).toBe(true);
        expect(instance.endsWith(" If it is another of its outputs naming i-... (an ECS instance), the binding is valid. Reference the target's id directly to have it checked.")).toBe(true);
    });

});
