import { Handle, Plan, bothPhases } from "../../support/plan";
import { findings, messages, notices, undecided, violations, violationsInBothPhases } from "../../support/verdicts";

const policy = "nat-gateway-eip-limit";

function gateway(plan: Plan, name = "ngw", props: Record<string, unknown> = {}): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`, "10.0.0.0/20");
    return plan.add("natGateway", name, { vswitchId: vswitch.ref(), natType: "Enhanced", ...props });
}

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, "0")}`);

/** `count` new EIPs bound to `target`, each through its own association. */
function bindMany(plan: Plan, prefix: string, target: Handle | string, count: number, props: Record<string, unknown> = {}): void {
    for (const name of names(prefix, count)) {
        plan.associate(name, plan.eip(`${name}-eip`), target, props);
    }
}

describe(policy, () => {
    test("passes: 20 EIPs on one Internet NAT gateway (instanceType inferred)", () => {
        expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", gateway(plan), 20))).toEqual([]);
    });

    test("passes: 20 EIPs each on two NAT gateways", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                bindMany(plan, "a", gateway(plan, "ngw-a"), 20);
                bindMany(plan, "b", gateway(plan, "ngw-b"), 20, { instanceType: "Nat" });
            }),
        ).toEqual([]);
    });

    test("passes: a VPC NAT gateway (networkType intranet) is left to eip-supported-target", () => {
        expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", gateway(plan, "vpc-ngw", { networkType: "intranet" }), 21))).toEqual([]);
    });

    test("passes: associations that do not use instanceType Nat are not counted", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const ngw = gateway(plan);
                bindMany(plan, "a", ngw, 20);
                plan.associate("odd", plan.eip("odd-eip"), ngw, { instanceType: "EcsInstance" });
            }),
        ).toEqual([]);
    });

    test("fails: 21 EIPs on one Internet NAT gateway, every association reported", () => {
        expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", gateway(plan), 21))).toEqual(names("a", 21));
    });

    test("fails: 21 EIPs on a gateway with networkType internet declared, the other gateway untouched", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                bindMany(plan, "a", gateway(plan, "ngw-a", { networkType: "internet" }), 21, { instanceType: "Nat" });
                bindMany(plan, "b", gateway(plan, "ngw-b"), 3);
            }),
        ).toEqual(names("a", 21));
    });

    test("fails: 21 EIPs on a literal ngw- id outside the stack", () => {
        expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", "ngw-bp1existing", 21))).toEqual(names("a", 21));
    });

    test("fails: a gateway read into the stack and named by its literal id, 21 in all", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const existing = plan.add("natGateway", "existing", { natType: "Enhanced" }, { external: true, id: "ngw-bp1read01" });
                bindMany(plan, "ref", existing, 11);
                bindMany(plan, "id", "ngw-bp1read01", 10);
            }),
        ).toEqual([...names("id", 10), ...names("ref", 11)].sort());
    });

    describe("maxEips", () => {
        test("passes: 21 EIPs with maxEips 21", () => {
            expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", gateway(plan), 21), { maxEips: 21 })).toEqual([]);
        });

        test("fails: 3 EIPs with maxEips 2", () => {
            expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", gateway(plan), 3), { maxEips: 2 })).toEqual(names("a", 3));
        });

        test("passes: 2 EIPs with maxEips 2", () => {
            expect(violationsInBothPhases(policy, (plan) => bindMany(plan, "a", gateway(plan), 2), { maxEips: 2 })).toEqual([]);
        });

        test("raising maxEips never adds a violation", () => {
            const phases = bothPhases((plan) => {
                bindMany(plan, "a", gateway(plan, "ngw-a"), 6);
                bindMany(plan, "b", gateway(plan, "ngw-b"), 3);
            });
            for (const resources of [phases.preview, phases.update]) {
                let previous = violations(resources, policy, { maxEips: 1 });
                expect(previous).toEqual([...names("a", 6), ...names("b", 3)]);
                for (let max = 2; max <= 25; max++) {
                    const current = violations(resources, policy, { maxEips: max });
                    expect(previous).toEqual(expect.arrayContaining(current));
                    previous = current;
                }
                expect(previous).toEqual([]);
            }
        });

        test("an unusable maxEips falls back to 20 and says so", () => {
            const plan = new Plan("preview");
            bindMany(plan, "a", gateway(plan), 21);
            const resources = plan.resources();
            for (const maxEips of [0, 2.5, "30", -1]) {
                expect(violations(resources, policy, { maxEips })).toEqual(names("a", 21));
                expect(notices(resources, policy, { maxEips })).toEqual(["<stack>"]);
            }
            expect(findings(resources, policy, { maxEips: 0 }).find((finding) => finding.outcome === "notice")?.message).toContain("maxEips must be a whole number from 1 to 10000");
            expect(notices(resources, policy, { maxEips: 21 })).toEqual([]);
        });
    });

    test("the message names the gateway, the count, the rule and the fix", () => {
        const found = messages(policy, (plan) => bindMany(plan, "a", gateway(plan), 21));
        expect(found).toHaveLength(21);
        const [message] = found;
        expect(message).toContain('NAT gateway "ngw" would hold 21 EIPs, more than the 20 one Internet NAT gateway can be associated with (1 too many');
        expect(message).toContain('EIP association "a-21"');
        expect(message).toContain("Spread the EIPs over more NAT gateways, or raise the quota natgw_quota_eip_num_per_nat and set maxEips");
    });

    test("the message names a gateway outside the stack by its id", () => {
        const [message] = messages(policy, (plan) => bindMany(plan, "a", "ngw-bp1existing", 3), { maxEips: 2 });
        expect(message).toContain("The NAT gateway named by a literal id (not managed in this stack) would hold 3 EIPs, more than the 2");
        expect(message).not.toContain("ngw-bp1existing");
    });
});
