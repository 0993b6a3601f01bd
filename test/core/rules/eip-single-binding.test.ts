import { Plan } from "../../support/plan";
import { messages, undecided, violations, violationsInBothPhases } from "../../support/verdicts";

const policy = "eip-single-binding";

function network(plan: Plan) {
    const vswitch = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vswitch.ref() });
    const api = plan.instance("api", { vswitchId: vswitch.ref() });
    return { vswitch, web, api };
}

describe(policy, () => {
    test("passes: each EIP bound once", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip"), api);
            }),
        ).toEqual([]);
    });

    test("fails: one EIP resource bound by two associations", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                const eip = plan.eip("shared-eip");
                plan.associate("web-assoc", eip, web);
                plan.associate("api-assoc", eip, api);
            }),
        ).toEqual(["api-assoc", "web-assoc"]);
    });

    test("fails: the same literal allocation id in two associations", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", "eip-existing01", web);
                plan.associate("api-assoc", "eip-existing01", api);
            }),
        ).toEqual(["api-assoc", "web-assoc"]);
    });

    test("passes: two different literal allocation ids", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", "eip-existing01", web);
                plan.associate("api-assoc", "eip-existing02", api);
            }),
        ).toEqual([]);
    });

    test("fails: an EIP read into the stack by id and also named by its literal id", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                const existing = plan.eip("existing", {}, { external: true, id: "eip-read0001" });
                plan.associate("web-assoc", existing, web);
                plan.associate("api-assoc", "eip-read0001", api);
            }),
        ).toEqual(["api-assoc", "web-assoc"]);
    });

    test("fails: an association plus an ALB zone mapping of the same EIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { vswitch, web } = network(plan);
                const eip = plan.eip("shared-eip");
                plan.associate("web-assoc", eip, web);
                plan.add("alb", "alb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            }),
        ).toEqual(["alb", "web-assoc"]);
    });

    test("fails: two NLBs whose zone mappings hold the same EIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vswitch = plan.vswitch("vsw");
                const eip = plan.eip("shared-eip");
                for (const name of ["nlb-a", "nlb-b"]) {
                    plan.add("nlb", name, { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
                }
            }),
        ).toEqual(["nlb-a", "nlb-b"]);
    });

    test("passes: an ALB whose zone mappings each hold their own EIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const a = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
                const b = plan.vswitch("vsw-b", "10.0.2.0/24", { zoneId: "cn-hangzhou-b" });
                plan.add("alb", "alb", {
                    addressType: "Internet",
                    zoneMappings: [
                        { zoneId: "cn-hangzhou-a", vswitchId: a.ref(), allocationId: plan.eip("eip-a").ref() },
                        { zoneId: "cn-hangzhou-b", vswitchId: b.ref(), allocationId: plan.eip("eip-b").ref() },
                    ],
                });
            }),
        ).toEqual([]);
    });

    test("the message names the EIP, every binding, the rule and the fix", () => {
        const [message] = messages(policy, (plan) => {
            const { web, api } = network(plan);
            const eip = plan.eip("shared-eip");
            plan.associate("web-assoc", eip, web);
            plan.associate("api-assoc", eip, api);
        });
        expect(message).toContain('EIP "shared-eip" is bound 2 times');
        expect(message).toContain('EIP association "web-assoc" (to ECS instance "web")');
        expect(message).toContain('EIP association "api-assoc" (to ECS instance "api")');
        expect(message).toContain("only one cloud resource at a time");
        expect(message).toContain("Give each resource its own EIP");
    });

    test("says so when an allocation id cannot be traced to an EIP", () => {
        const plan = new Plan("preview");
        const { web, api } = network(plan);
        plan.associate("web-assoc", plan.eip("web-eip"), web);
        const mystery = plan.associate("mystery-assoc", "placeholder", api);
        const resources = plan.resources().map((resource) =>
            resource.address === mystery.address ? { ...resource, props: { ...resource.props, allocationId: Symbol.for("alicloud-eip-guard.unknown") }, propertyDependencies: { allocationId: [web.address] } } : resource,
        );
        expect(undecided(resources, policy)).toEqual(["mystery-assoc"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });
});

describe("eip-single-binding: zone mappings the preview cannot fully see", () => {
    test("a zoneMappings list computed as a whole still binds the EIPs it was computed from", () => {
        const plan = new Plan("preview");
        const vsw = plan.vswitch("vsw");
        const eip = plan.eip("eip");
        plan.associate("server-eip", eip, plan.instance("server", { vswitchId: vsw.ref() }));
        const nlb = plan.add("nlb", "nlb", { addressType: "Internet", zoneMappings: [] });
        const resources = plan.resources().map((resource) =>
            resource.address === nlb.address
                ? { ...resource, props: { ...resource.props, zoneMappings: Symbol.for("alicloud-eip-guard.unknown") }, propertyDependencies: { zoneMappings: [vsw.address, eip.address] } }
                : resource,
        );
        expect(violations(resources, policy)).toEqual(["nlb", "server-eip"]);
    });

    test("one EIP traced into two zone mappings of which only some may be set: said to be undecided", () => {
        const plan = new Plan("preview");
        const a = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
        const b = plan.vswitch("vsw-b", "10.0.2.0/24", { zoneId: "cn-hangzhou-b" });
        const eip = plan.eip("eip");
        plan.add("alb", "alb", {
            addressType: "Internet",
            zoneMappings: [
                { zoneId: "cn-hangzhou-a", vswitchId: a.ref(), allocationId: eip.ref() },
                { zoneId: "cn-hangzhou-b", vswitchId: b.ref(), allocationId: eip.ref() },
            ],
        });
        const resources = plan.resources();
        expect(violations(resources, policy)).toEqual([]);
        expect(undecided(resources, policy)).toEqual(["alb"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });
});
