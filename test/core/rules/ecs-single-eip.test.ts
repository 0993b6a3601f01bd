import { Plan, bothPhases } from "../../support/plan";
import { messages, undecided, violations, violationsInBothPhases } from "../../support/verdicts";

const policy = "ecs-single-eip";

function network(plan: Plan, webProps: Record<string, unknown> = {}) {
    const vswitch = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vswitch.ref(), ...webProps });
    const api = plan.instance("api", { vswitchId: vswitch.ref() });
    return { vswitch, web, api };
}

describe(policy, () => {
    test("passes: one EIP per instance", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip"), api, { instanceType: "EcsInstance" });
            }),
        ).toEqual([]);
    });

    test("passes: internetMaxBandwidthOut 0 is no static public IP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan, { internetMaxBandwidthOut: 0 });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            }),
        ).toEqual([]);
    });

    test("passes: internetMaxBandwidthOut left unset (unknown at preview, no dependency) is not a static public IP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            }),
        ).toEqual([]);
    });

    test("passes: several EIPs reach one instance through its secondary ENIs (instanceType NetworkInterface)", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { vswitch, web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                for (const n of [1, 2]) {
                    const eni = plan.add("eni", `eni-${n}`, { vswitchId: vswitch.ref() });
                    plan.add("eniAttachment", `attach-${n}`, { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                    plan.associate(`eni-assoc-${n}`, plan.eip(`eni-eip-${n}`), eni, { instanceType: "NetworkInterface" });
                }
            }),
        ).toEqual([]);
    });

    test("passes: a static public IP on an instance that takes no EIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { api } = network(plan, { internetMaxBandwidthOut: 5 });
                plan.associate("api-assoc", plan.eip("api-eip"), api);
            }),
        ).toEqual([]);
    });

    test("fails: two EIPs on one instance", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc-1", plan.eip("web-eip-1"), web);
                plan.associate("web-assoc-2", plan.eip("web-eip-2"), web, { instanceType: "EcsInstance" });
            }),
        ).toEqual(["web-assoc-1", "web-assoc-2"]);
    });

    test("fails: three EIPs on one instance, the other instance untouched", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api } = network(plan);
                for (const n of [1, 2, 3]) {
                    plan.associate(`web-assoc-${n}`, plan.eip(`web-eip-${n}`), web);
                }
                plan.associate("api-assoc", plan.eip("api-eip"), api);
            }),
        ).toEqual(["web-assoc-1", "web-assoc-2", "web-assoc-3"]);
    });

    test("fails: two associations with the same literal i- id", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                plan.associate("first", plan.eip("eip-1"), "i-bp1existing");
                plan.associate("second", "eip-bp1other", "i-bp1existing");
            }),
        ).toEqual(["first", "second"]);
    });

    test("fails: an instance read into the stack and also named by its literal id", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vswitch = plan.vswitch("vsw");
                const existing = plan.instance("existing", { vswitchId: vswitch.ref() }, { external: true, id: "i-bp1read01" });
                plan.associate("by-ref", plan.eip("eip-1"), existing);
                plan.associate("by-id", plan.eip("eip-2"), "i-bp1read01");
            }),
        ).toEqual(["by-id", "by-ref"]);
    });

    test("fails: an instance with internetMaxBandwidthOut 5 has a static public IP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan, { internetMaxBandwidthOut: 5 });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            }),
        ).toEqual(["web-assoc"]);
    });

    test("fails: internetMaxBandwidthOut given as the text \"5\"", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan, { internetMaxBandwidthOut: "5" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            }),
        ).toEqual(["web-assoc"]);
    });

    test("the message for two EIPs names the instance and the associations, states the rule and gives the fix", () => {
        const found = messages(policy, (plan) => {
            const { web } = network(plan);
            plan.associate("web-assoc-1", plan.eip("web-eip-1"), web);
            plan.associate("web-assoc-2", plan.eip("web-eip-2"), web);
        });
        expect(found).toHaveLength(2);
        for (const message of found) {
            expect(message).toContain('ECS instance "web" would hold 2 EIPs on its primary network interface');
            expect(message).toContain('EIP association "web-assoc-1" and EIP association "web-assoc-2"');
            expect(message).toContain("an ECS instance can be associated with only one EIP");
            expect(message).toContain("attach secondary ENIs");
        }
    });

    test("the message for a static public IP names the instance, the bandwidth and the fix", () => {
        const [message, ...rest] = messages(policy, (plan) => {
            const { web } = network(plan, { internetMaxBandwidthOut: 5 });
            plan.associate("web-assoc", plan.eip("web-eip"), web);
        });
        expect(rest).toEqual([]);
        expect(message).toContain('ECS instance "web" has a static public IP (internetMaxBandwidthOut is above 0)');
        expect(message).toContain('EIP association "web-assoc" will be refused (Forbidden.InstanceBandwidthNotZero)');
        expect(message).toContain("Set internetMaxBandwidthOut to 0");
    });

    test("undecided: internetMaxBandwidthOut computed from another resource", () => {
        const build = (plan: Plan) => {
            const settings = plan.eip("settings");
            const { web } = network(plan, { internetMaxBandwidthOut: settings.ref("bandwidth") });
            plan.associate("web-assoc", plan.eip("web-eip"), web);
        };
        expect(violationsInBothPhases(policy, build)).toEqual([]);
        const phases = bothPhases(build);
        expect(undecided(phases.preview, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.update, policy)).toEqual(["web-assoc"]);
        expect(undecided(phases.preview, policy, { reportUndecided: false })).toEqual([]);
    });

    test("reportUndecided: false never hides a violation", () => {
        const build = (plan: Plan) => {
            const settings = plan.eip("settings");
            const { web } = network(plan, { internetMaxBandwidthOut: settings.ref("bandwidth") });
            plan.associate("web-assoc-1", plan.eip("web-eip-1"), web);
            plan.associate("web-assoc-2", plan.eip("web-eip-2"), web);
        };
        expect(violationsInBothPhases(policy, build, { reportUndecided: false })).toEqual(["web-assoc-1", "web-assoc-2"]);
        const phases = bothPhases(build);
        expect(undecided(phases.preview, policy)).toEqual(["web-assoc-1", "web-assoc-2"]);
        expect(undecided(phases.preview, policy, { reportUndecided: false })).toEqual([]);
        expect(violations(phases.preview, policy)).toEqual(violations(phases.preview, policy, { reportUndecided: false }));
    });
});
