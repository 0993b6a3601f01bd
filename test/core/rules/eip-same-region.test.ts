import { eipSameRegion } from "../../../policypack/core/rules/eip-same-region";
import { UNKNOWN } from "../../../policypack/core/values";
import { Handle, Plan, bothPhases } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings, notices, undecided, violations } from "../../support/verdicts";

const policy = eipSameRegion.name;

function network(plan: Plan, provider?: Handle) {
    const vswitch = plan.vswitch("vsw", "10.0.1.0/24", {}, { provider });
    const web = plan.instance("web", { vswitchId: vswitch.ref() }, { provider });
    return { vswitch, web };
}

ruleTester(eipSameRegion, {
    passes: [
        {
            name: "EIP, association and instance all on the default provider",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
        },
        {
            name: "everything on one explicit provider of another region",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan, bj);
                plan.associate("web-assoc", plan.eip("web-eip", {}, { provider: bj }), web, {}, { provider: bj });
            },
        },
        {
            name: "two explicit providers configured with the same region (compared without case or spaces)",
            plan: (plan) => {
                const hz1 = plan.provider("hz-one", "cn-hangzhou");
                const hz2 = plan.provider("hz-two", " CN-Hangzhou ");
                const { web } = network(plan, hz1);
                plan.associate("web-assoc", plan.eip("web-eip", {}, { provider: hz2 }), web);
            },
        },
        {
            name: "zones do not matter, an EIP serves an instance in another zone of its region",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw-b", "10.0.2.0/24", { zoneId: "cn-hangzhou-b" });
                const web = plan.instance("web", { vswitchId: vswitch.ref() });
                plan.associate("web-assoc", plan.eip("web-eip", { zone: "cn-hangzhou-a" }), web);
            },
        },
        {
            name: "an ALB whose zone mapping holds an EIP of its own region",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw", "10.0.1.0/24", { zoneId: "cn-beijing-a" }, { provider: bj });
                const eip = plan.eip("alb-eip", {}, { provider: bj });
                plan.add(
                    "alb",
                    "alb",
                    { addressType: "Internet", zoneMappings: [{ zoneId: "cn-beijing-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] },
                    { provider: bj },
                );
            },
        },
        {
            name: "same provider without a region (left to the environment) is one region whatever it is",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
            defaultRegion: null,
            undecided: [],
        },
        {
            name: "a provider that leaves its region to the environment cannot be compared with another: undecided",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
            },
            defaultRegion: null,
            undecided: ["web-assoc"],
        },
        {
            name: "two explicit providers that both leave the region unset: undecided",
            plan: (plan) => {
                const a = plan.provider("a");
                const b = plan.provider("b");
                const { web } = network(plan, a);
                plan.associate("web-assoc", plan.eip("eip", {}, { provider: b }), web, {}, { provider: a });
            },
            undecided: ["web-assoc"],
        },
        {
            name: "a literal allocation id of an EIP outside the stack: undecided",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", "eip-elsewhere01", web);
            },
            undecided: ["web-assoc"],
        },
        {
            name: "a literal instance id outside the stack: undecided",
            plan: (plan) => {
                plan.associate("web-assoc", plan.eip("web-eip"), "i-elsewhere01");
            },
            undecided: ["web-assoc"],
        },
        {
            name: "a target named by a literal id cannot be checked, and says so",
            plan: (plan) => {
                plan.associate("assoc", plan.eip("eip"), "i-bp1outside");
            },
            undecidedMessages: [
                'Could not check the region of the resource named by a literal instance id for EIP association "assoc": it is not managed in this stack. Manage it in the stack or import it (the import resource option) to have its region checked: Pulumi sends policies nothing about a resource read with .get().',
            ],
        },
        {
            name: "an EIP and a target both named by literal ids cannot be checked, and says so",
            plan: (plan) => {
                plan.associate("assoc", "eip-bp1outside", "i-bp1outside");
            },
            undecidedMessages: [
                'Could not check the region of the EIP named by a literal allocation id and the resource named by a literal instance id for EIP association "assoc": it is not managed in this stack. Manage it in the stack or import it (the import resource option) to have its region checked: Pulumi sends policies nothing about a resource read with .get().',
            ],
        },
        {
            name: "regions that cannot be compared are named with both resources",
            plan: (plan) => {
                const fromEnv = plan.provider("from-env");
                plan.associate("assoc", plan.eip("eip", {}, { provider: fromEnv }), plan.instance("vm"));
            },
            undecidedMessages: [
                'Could not compare the regions of EIP "eip" and EIP association "assoc" for EIP association "assoc": they use different providers and at least one region is not set in the program or stack config (it comes from the environment, which a policy cannot see). Set alicloud:region in the stack config, or region on the provider, to have it checked.',
            ],
        },
    ],
    fails: [
        {
            name: "an EIP in cn-beijing bound to an instance in cn-hangzhou",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
            },
            violations: ["web-assoc"],
            involved: { "web-assoc": ["bj-eip", "web", "web-assoc"] },
            messages: [
                'EIP association "web-assoc" crosses regions',
                'EIP "bj-eip" is in the region of provider "bj"',
                'EIP association "web-assoc" is in the stack\'s default region (alicloud:region, provider "default_3_108_0")',
                "An EIP can only be associated with a resource in its own region",
                "Create the EIP, the association and the resource with providers of the same region",
            ],
            notInMessages: [/cn-beijing|cn-hangzhou/],
        },
        {
            name: "the instance on another region's provider than the EIP and the association",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan, bj);
                plan.associate("web-assoc", plan.eip("hz-eip"), web);
            },
            violations: ["web-assoc"],
            involved: { "web-assoc": ["hz-eip", "web", "web-assoc"] },
        },
        {
            name: "the association alone made through a provider of another region",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("hz-eip"), web, {}, { provider: bj });
            },
            violations: ["web-assoc"],
            involved: { "web-assoc": ["hz-eip", "web", "web-assoc"] },
        },
        {
            name: "an EIP read into the stack from another region",
            plan: (plan) => {
                const sh = plan.provider("sh", "cn-shanghai");
                const { web } = network(plan);
                const existing = plan.eip("existing", {}, { provider: sh, external: true, id: "eip-shanghai01" });
                plan.associate("web-assoc", existing, web);
            },
            violations: ["web-assoc"],
            involved: { "web-assoc": ["existing", "web", "web-assoc"] },
        },
        {
            name: "only the crossing binding among several",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw");
                const web = plan.instance("web", { vswitchId: vswitch.ref() });
                const api = plan.instance("api", { vswitchId: vswitch.ref() });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip", {}, { provider: bj }), api);
            },
            violations: ["api-assoc"],
            involved: { "api-assoc": ["api", "api-assoc", "api-eip"] },
        },
        {
            name: "an ALB zone mapping holding an EIP of another region",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw");
                const eip = plan.eip("bj-eip", {}, { provider: bj });
                plan.add("alb", "alb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            },
            violations: ["alb"],
            involved: { alb: ["alb", "bj-eip"] },
        },
        {
            name: "an NLB zone mapping holding an EIP of another region",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const vswitch = plan.vswitch("vsw");
                const eip = plan.eip("bj-eip", {}, { provider: bj });
                plan.add("nlb", "nlb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            },
            violations: ["nlb"],
            involved: { nlb: ["bj-eip", "nlb"] },
        },
        {
            name: "the violation names the binding and both regions",
            plan: (plan) => {
                const beijing = plan.provider("beijing", "cn-beijing");
                plan.associate("assoc", plan.eip("eip", {}, { provider: beijing }), plan.instance("vm"));
            },
            violations: ["assoc"],
            involved: { assoc: ["assoc", "eip", "vm"] },
            reports: [
                {
                    on: "assoc",
                    message:
                        'EIP association "assoc" crosses regions: EIP "eip" is in the region of provider "beijing" but EIP association "assoc" is in the stack\'s default region (alicloud:region, provider "default_3_108_0"). An EIP can only be associated with a resource in its own region, and the association is made in its provider\'s region. Create the EIP, the association and the resource with providers of the same region.',
                },
            ],
        },
        {
            name: "reportUndecided: false never hides a violation",
            plan: (plan) => {
                const bj = plan.provider("bj", "cn-beijing");
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("bj-eip", {}, { provider: bj }), web);
            },
            config: { reportUndecided: false },
            violations: ["web-assoc"],
            involved: { "web-assoc": ["bj-eip", "web", "web-assoc"] },
        },
    ],
});

describe(`${policy}: what the table cannot build`, () => {
    test("undecided: an allocation id computed from two EIPs cannot be traced", () => {
        const plan = new Plan("preview");
        const { web } = network(plan);
        const first = plan.eip("first");
        const second = plan.eip("second");
        const assoc = plan.associate("web-assoc", first, web);
        const resources = plan
            .resources()
            .map((resource) =>
                resource.address === assoc.address
                    ? { ...resource, propertyDependencies: { ...resource.propertyDependencies, allocationId: [first.address, second.address] } }
                    : resource,
            );
        expect(violations(resources, policy)).toEqual([]);
        expect(undecided(resources, policy)).toEqual(["web-assoc"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });

    test("an unresolved target or EIP is named as the part that could not be checked", () => {
        const resources = bothPhases((plan) => {
            const a = plan.instance("a");
            const b = plan.instance("b");
            plan.associate("to-one-of-two", plan.eip("eip"), "placeholder");
            plan.associate("from-one-of-two", "placeholder", a);
            void b;
        }).preview;
        const a = resources.find((resource) => resource.name === "a")!;
        const b = resources.find((resource) => resource.name === "b")!;
        const eip = resources.find((resource) => resource.name === "eip")!;
        const other = { ...eip, address: `${eip.address}-2`, name: "eip-2" };
        const rewired = [...resources, other].map((resource) => {
            if (resource.name === "to-one-of-two") {
                return {
                    ...resource,
                    props: { ...resource.props, instanceId: UNKNOWN },
                    propertyDependencies: { ...resource.propertyDependencies, instanceId: [a.address, b.address] },
                };
            }
            if (resource.name === "from-one-of-two") {
                return {
                    ...resource,
                    props: { ...resource.props, allocationId: UNKNOWN },
                    propertyDependencies: { ...resource.propertyDependencies, allocationId: [eip.address, other.address] },
                };
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
});

describe(`${policy}: reportUndecided`, () => {
    test("an unusable reportUndecided falls back to true and says so", () => {
        const phases = bothPhases((plan) => {
            const { web } = network(plan);
            plan.associate("web-assoc", "eip-elsewhere01", web);
        });
        expect(undecided(phases.preview, policy, { reportUndecided: "no" })).toEqual(["web-assoc"]);
        expect(notices(phases.preview, policy, { reportUndecided: "no" })).toEqual(["<stack>"]);
        expect(violations(phases.preview, policy, { reportUndecided: "no" })).toEqual([]);
    });
});
