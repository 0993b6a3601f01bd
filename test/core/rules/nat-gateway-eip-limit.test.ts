import { natGatewayEipLimit } from "../../../policypack/core/rules/nat-gateway-eip-limit";
import { Handle, Plan, bothPhases } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings, notices, violations } from "../../support/verdicts";

const policy = natGatewayEipLimit.name;

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

ruleTester(natGatewayEipLimit, {
    passes: [
        {
            name: "20 EIPs on one Internet NAT gateway (instanceType inferred)",
            plan: (plan) => bindMany(plan, "a", gateway(plan), 20),
        },
        {
            name: "20 EIPs each on two NAT gateways",
            plan: (plan) => {
                bindMany(plan, "a", gateway(plan, "ngw-a"), 20);
                bindMany(plan, "b", gateway(plan, "ngw-b"), 20, { instanceType: "Nat" });
            },
        },
        {
            name: "a VPC NAT gateway (networkType intranet) is left to eip-supported-target",
            plan: (plan) => bindMany(plan, "a", gateway(plan, "vpc-ngw", { networkType: "intranet" }), 21),
        },
        {
            name: "associations that do not use instanceType Nat are not counted",
            plan: (plan) => {
                const ngw = gateway(plan);
                bindMany(plan, "a", ngw, 20);
                plan.associate("odd", plan.eip("odd-eip"), ngw, { instanceType: "EcsInstance" });
            },
        },
        {
            name: "21 EIPs with maxEips 21",
            plan: (plan) => bindMany(plan, "a", gateway(plan), 21),
            config: { maxEips: 21 },
        },
        {
            name: "2 EIPs with maxEips 2",
            plan: (plan) => bindMany(plan, "a", gateway(plan), 2),
            config: { maxEips: 2 },
        },
        // eipBindMode: NAT mode holds at most 50 whatever maxEips says; a raised quota applies to MULTI_BINDED.
        {
            name: "55 EIPs with maxEips 60 on a gateway created without eipBindMode (MULTI_BINDED)",
            plan: (plan) => bindMany(plan, "a", gateway(plan), 55),
            config: { maxEips: 60 },
            undecided: [],
        },
        {
            name: 'eipBindMode "MULTI_BINDED": 60 EIPs with maxEips 60',
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: "MULTI_BINDED" }), 60),
            config: { maxEips: 60 },
            undecided: [],
        },
        {
            name: 'eipBindMode "NAT": 50 EIPs with maxEips 60',
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: "NAT" }), 50),
            config: { maxEips: 60 },
            undecided: [],
        },
        {
            name: "an eipBindMode computed from another resource: 50 EIPs with maxEips 60 are not undecided",
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: plan.add("vpc", "vpc", {}).ref("bindMode") }), 50),
            config: { maxEips: 60 },
            undecided: [],
        },
        {
            name: "an eipBindMode computed from another resource: 55 EIPs with maxEips 60 are undecided",
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: plan.add("vpc", "vpc", {}).ref("bindMode") }), 55),
            config: { maxEips: 60 },
            undecided: ["ngw"],
            undecidedMessages: [
                'NAT gateway "ngw" would hold 55 EIPs: within maxEips (60), but more than the 50 a NAT gateway in NAT mode (eipBindMode "NAT") can be associated with whatever its quota, and its eipBindMode is not a literal "NAT" or "MULTI_BINDED". Set eipBindMode to have it checked, or keep to 50 EIPs per gateway.',
            ],
        },
        {
            name: "a gateway outside the stack: 55 EIPs with maxEips 60 are undecided",
            plan: (plan) => bindMany(plan, "a", "ngw-bp1existing", 55),
            config: { maxEips: 60 },
            undecided: ["a-01"],
            undecidedMessages: [
                'The NAT gateway named by a literal id (not managed in this stack) would hold 55 EIPs: within maxEips (60), but more than the 50 a NAT gateway in NAT mode (eipBindMode "NAT") can be associated with whatever its quota, and its eipBindMode cannot be seen from this stack. Set eipBindMode to have it checked, or keep to 50 EIPs per gateway.',
            ],
        },
    ],
    fails: [
        {
            name: "21 EIPs on one Internet NAT gateway: one violation, on the gateway, involving every association",
            plan: (plan) => bindMany(plan, "a", gateway(plan), 21),
            violations: ["ngw"],
            involved: { ngw: [...names("a", 21), "ngw"] },
            messages: [
                'NAT gateway "ngw" would hold 21 EIPs, more than the 20 one Internet NAT gateway can be associated with (1 too many',
                'EIP association "a-21"',
                "Spread the EIPs over more NAT gateways, or raise the quota natgw_quota_eip_num_per_nat and set maxEips",
            ],
        },
        {
            name: "21 EIPs on a gateway with networkType internet declared, the other gateway untouched",
            plan: (plan) => {
                bindMany(plan, "a", gateway(plan, "ngw-a", { networkType: "internet" }), 21, { instanceType: "Nat" });
                bindMany(plan, "b", gateway(plan, "ngw-b"), 3);
            },
            violations: ["ngw-a"],
            involved: { "ngw-a": [...names("a", 21), "ngw-a"] },
        },
        {
            name: "21 EIPs on a literal ngw- id outside the stack",
            plan: (plan) => bindMany(plan, "a", "ngw-bp1existing", 21),
            // The gateway is not in the stack: the fault is shown once, on its first association by address.
            violations: ["a-01"],
            involved: { "a-01": names("a", 21) },
        },
        {
            name: "a gateway read into the stack and named by its literal id, 21 in all",
            plan: (plan) => {
                const existing = plan.add("natGateway", "existing", { natType: "Enhanced" }, { external: true, id: "ngw-bp1read01" });
                bindMany(plan, "ref", existing, 11);
                bindMany(plan, "id", "ngw-bp1read01", 10);
            },
            violations: ["existing"],
            involved: { existing: ["existing", ...names("id", 10), ...names("ref", 11)] },
        },
        {
            name: "3 EIPs with maxEips 2",
            plan: (plan) => bindMany(plan, "a", gateway(plan), 3),
            config: { maxEips: 2 },
            violations: ["ngw"],
            involved: { ngw: ["a-01", "a-02", "a-03", "ngw"] },
        },
        {
            name: 'eipBindMode "NAT": 55 EIPs with maxEips 60, over the cap of NAT mode, reported once on the gateway',
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: "NAT" }), 55),
            config: { maxEips: 60 },
            violations: ["ngw"],
            messages: [
                'NAT gateway "ngw" would hold 55 EIPs, more than the 50 a NAT gateway in NAT mode (eipBindMode "NAT") can be associated with, whatever its quota (maxEips is 60) (5 too many, for example EIP association "a-51", EIP association "a-52" and EIP association "a-53"). Spread the EIPs over more NAT gateways, or leave eipBindMode unset (MULTI_BINDED), to which a raised quota applies.',
            ],
        },
        {
            name: 'eipBindMode "NAT": 21 EIPs with the default maxEips take the quota\'s message',
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: "NAT" }), 21),
            violations: ["ngw"],
            messages: ['NAT gateway "ngw" would hold 21 EIPs, more than the 20 one Internet NAT gateway can be associated with (1 too many'],
        },
        {
            name: "an eipBindMode computed from another resource: 61 EIPs with maxEips 60 are a violation",
            plan: (plan) => bindMany(plan, "a", gateway(plan, "ngw", { eipBindMode: plan.add("vpc", "vpc", {}).ref("bindMode") }), 61),
            config: { maxEips: 60 },
            violations: ["ngw"],
            undecided: [],
        },
        {
            name: "the message names a gateway outside the stack by its id",
            plan: (plan) => bindMany(plan, "a", "ngw-bp1existing", 3),
            config: { maxEips: 2 },
            violations: ["a-01"],
            involved: { "a-01": ["a-01", "a-02", "a-03"] },
            messages: ["The NAT gateway named by a literal id (not managed in this stack) would hold 3 EIPs, more than the 2"],
            notInMessages: ["ngw-bp1existing"],
        },
    ],
});

describe(`${policy}: maxEips`, () => {
    test("raising maxEips never adds a violation", () => {
        const phases = bothPhases((plan) => {
            bindMany(plan, "a", gateway(plan, "ngw-a"), 6);
            bindMany(plan, "b", gateway(plan, "ngw-b"), 3);
        });
        for (const resources of [phases.preview, phases.update]) {
            let previous = violations(resources, policy, { maxEips: 1 });
            expect(previous).toEqual(["ngw-a", "ngw-b"]);
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
            expect(violations(resources, policy, { maxEips })).toEqual(["ngw"]);
            expect(notices(resources, policy, { maxEips })).toEqual(["<stack>"]);
        }
        expect(findings(resources, policy, { maxEips: 0 }).find((finding) => finding.outcome === "notice")?.message).toContain("maxEips must be a whole number from 1 to 10000");
        expect(notices(resources, policy, { maxEips: 21 })).toEqual([]);
    });
});
