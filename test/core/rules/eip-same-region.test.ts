import { Handle, Plan, bothPhases } from "../../support/plan";
import { messages, notices, undecided, violations, violationsInBothPhases } from "../../support/verdicts";

const policy = "eip-same-region";

function network(plan: Plan, provider?: Handle) {
    const vswitch = plan.vswitch("vsw", "10.0.1.0/24", {}, { provider });
    const web = plan.instance("web", { vswitchId: vswitch.ref() }, { provider });
    return { vswitch, web };
}

describe(policy, () => {
    test("passes: EIP, association and instance all on the default provider", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            }),
        ).toEqual([]);
    });

    test("passes: everything on one explicit provider of another region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan, bj);
                plan.associate("web-assoc", plan.eip("web-eip", {}, { provider: bj }), web, {}, { provider: bj });
            }),
        ).toEqual([]);
    });

    test("passes: two explicit providers configured with the same region (compared without case or spaces)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const hz1 = plan.provider("hz-one", "cn-hangzhou");
                const hz2 = plan.provider("hz-two", " CN-Hangzhou ");
                const { web } = network(plan, hz1);
                plan.associate("web-assoc", plan.eip("web-eip", {}, { provider: hz2 }), web);
            }),
        ).toEqual([]);
    });

    test("passes: same provider without a region (left to the environment) is one region whatever it is", () => {
        expect(
            violationsInBothPhases(
                policy,
                (plan) => {
                    const { web } = network(plan);
                    plan.associate("web-assoc", plan.eip("web-eip"), web);
                },
                {},
                null,
            ),
        ).toEqual([]);
        const phases = bothPhases((plan) => {
            const { web } = network(plan);
            plan.associate("web-assoc", plan.eip("web-eip"), web);
        }, null);
        expect(undecided(phases.preview, policy)).toEqual([]);
        expect(undecided(phases.update, policy)).toEqual([]);
    });

    test("passes: zones do not matter, an EIP serves an instance in another zone of its region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vswitch = plan.vswitch("vsw-b", "10.0.2.0/24", { zoneId: "cn-hangzhou-b" });
                const web = plan.instance("web", { vswitchId: vswitch.ref() });
                plan.associate("web-assoc", plan.eip("web-eip", { zone: "cn-hangzhou-a" }), web);
            }),
        ).toEqual([]);
    });

    test("passes: an ALB whose zone mapping holds an EIP of its own region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw", "10.0.1.0/24", { zoneId: "cn-beijing-a" }, { provider: bj });
                const eip = plan.eip("alb-eip", {}, { provider: bj });
                plan.add("alb", "alb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-beijing-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] }, { provider: bj });
            }),
        ).toEqual([]);
    });

    test("fails: an EIP in cn-beijing bound to an instance in cn-hangzhou", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
            }),
        ).toEqual(["web-assoc"]);
    });

    test("fails: the instance on another region's provider than the EIP and the association", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan, bj);
                plan.associate("web-assoc", plan.eip("hz-eip"), web);
            }),
        ).toEqual(["web-assoc"]);
    });

    test("fails: the association alone made through a provider of another region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("hz-eip"), web, {}, { provider: bj });
            }),
        ).toEqual(["web-assoc"]);
    });

    test("fails: an EIP read into the stack from another region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const sh = plan.provider("sh", "cn-shanghai");
                const { web } = network(plan);
                const existing = plan.eip("existing", {}, { provider: sh, external: true, id: "eip-shanghai01" });
                plan.associate("web-assoc", existing, web);
            }),
        ).toEqual(["web-assoc"]);
    });

    test("fails: only the crossing binding among several", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw");
                const web = plan.instance("web", { vswitchId: vswitch.ref() });
                const api = plan.instance("api", { vswitchId: vswitch.ref() });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip", {}, { provider: bj }), api);
            }),
        ).toEqual(["api-assoc"]);
    });

    test("fails: an ALB zone mapping holding an EIP of another region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw");
                const eip = plan.eip("bj-eip", {}, { provider: bj });
                plan.add("alb", "alb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            }),
        ).toEqual(["alb"]);
    });

    test("fails: an NLB zone mapping holding an EIP of another region", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw");
                const eip = plan.eip("bj-eip", {}, { provider: bj });
                plan.add("nlb", "nlb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            }),
        ).toEqual(["nlb"]);
    });

    test("the message names the binding, both resources with their regions, the rule and the fix", () => {
        const [message, ...rest] = messages(policy, (plan) => {
            const bj = plan.provider("bj", "cn-beijing");
            const { web } = network(plan);
            plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
        });
        expect(rest).toEqual([]);
        expect(message).toContain('EIP association "web-assoc" crosses regions');
        expect(message).toContain('EIP "bj-eip" is in the region of provider "bj"');
        expect(message).toContain('EIP association "web-assoc" is in the stack\'s default region (alicloud:region, provider "default_3_108_0")');
        expect(message).not.toMatch(/cn-beijing|cn-hangzhou/);
        expect(message).toContain("An EIP can only be associated with a resource in its own region");
        expect(message).toContain("Create the EIP, the association and the resource with providers of the same region");
    });

    test("undecided: a provider that leaves its region to the environment cannot be compared with another", () => {
        const build = (plan: Plan) => {
            const bj = plan.provider("bj", "cn-beijing");
            const { web } = network(plan);
            plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
        };
        expect(violationsInBothPhases(policy, build, {}, null)).toEqual([]);
        const phases = bothPhases(build, null);
        expect(undecided(phases.preview, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.update, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.preview, policy, { reportUndecided: false })).toEqual([]);
    });

    test("undecided: two explicit providers that both leave the region unset", () => {
        const plan = new Plan("preview");
        const a = plan.provider("a");
        const b = plan.provider("b");
        const { web } = network(plan, a);
        plan.associate("web-assoc", plan.eip("eip", {}, { provider: b }), web, {}, { provider: a });
        const resources = plan.resources();
        expect(violations(resources, policy)).toEqual([]);
        expect(undecided(resources, policy)).toEqual(["web-assoc"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });

    test("undecided: a literal allocation id of an EIP outside the stack", () => {
        const build = (plan: Plan) => {
            const { web } = network(plan);
            plan.associate("web-assoc", "eip-elsewhere01", web);
        };
        expect(violationsInBothPhases(policy, build)).toEqual([]);
        const phases = bothPhases(build);
        expect(undecided(phases.preview, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.update, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.update, policy, { reportUndecided: false })).toEqual([]);
    });

    test("undecided: a literal instance id outside the stack", () => {
        const build = (plan: Plan) => {
            plan.associate("web-assoc", plan.eip("web-eip"), "i-elsewhere01");
        };
        expect(violationsInBothPhases(policy, build)).toEqual([]);
        const phases = bothPhases(build);
        expect(undecided(phases.preview, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.preview, policy, { reportUndecided: false })).toEqual([]);
    });

    test("undecided: an allocation id computed from two EIPs cannot be traced", () => {
        const plan = new Plan("preview");
        const { web } = network(plan);
        const first = plan.eip("first");
        const second = plan.eip("second");
        const assoc = plan.associate("web-assoc", first, web);
        const resources = plan.resources().map((resource) =>
            resource.address === assoc.address ? { ...resource, propertyDependencies: { ...resource.propertyDependencies, allocationId: [first.address, second.address] } } : resource,
        );
        expect(violations(resources, policy)).toEqual([]);
        expect(undecided(resources, policy)).toEqual(["web-assoc"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });

    test("an unusable reportUndecided falls back to true and says so", () => {
        const phases = bothPhases((plan) => {
            const { web } = network(plan);
            plan.associate("web-assoc", "eip-elsewhere01", web);
        });
        expect(undecided(phases.preview, policy, { reportUndecided: "no" })).toEqual(["web-assoc"]);
        expect(notices(phases.preview, policy, { reportUndecided: "no" })).toEqual(["<stack>"]);
        expect(violations(phases.preview, policy, { reportUndecided: "no" })).toEqual([]);
    });

    test("reportUndecided: false never hides a violation", () => {
        expect(
            violationsInBothPhases(
                policy,
                (plan) => {
                    const bj = plan.provider("bj", "cn-beijing");
                    const { web } = network(plan);
                    plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
                },
                { reportUndecided: false },
            ),
        ).toEqual(["web-assoc"]);
    });
});
