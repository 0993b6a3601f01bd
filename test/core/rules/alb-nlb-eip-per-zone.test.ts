import { albNlbEipPerZone } from "../../../policypack/core/rules/alb-nlb-eip-per-zone";
import { Handle, Plan, bothPhases } from "../../support/plan";
import { FailCase, PassCase, ruleTester } from "../../support/rule-tester";
import { findings, messages, undecided, violations } from "../../support/verdicts";
import { UNKNOWN } from "../../../policypack/core/values";

const policy = albNlbEipPerZone.name;

type Kind = "alb" | "nlb";

/** A zone mapping in `zone` with its own vSwitch, holding `eip` (an EIP handle, a literal id, or none). */
function mapping(plan: Plan, name: string, zone: string, eip?: Handle | string): Record<string, unknown> {
    const vswitch = plan.vswitch(`${name}-vsw`, "10.0.1.0/24", { zoneId: zone });
    return { zoneId: zone, vswitchId: vswitch.ref(), ...(eip === undefined ? {} : { allocationId: typeof eip === "string" ? eip : eip.ref() }) };
}

function loadBalancer(plan: Plan, kind: Kind, name: string, zoneMappings: Record<string, unknown>[], addressType: unknown = "Internet"): Handle {
    return plan.add(kind, name, { addressType, vpcId: "vpc-bp1existing", zoneMappings });
}

const KINDS = ["alb", "nlb"] as const;

/** One zone mapping, in a vSwitch and with an EIP the caller gives, so that mappings can repeat them exactly. */
function exact(zone: string, vswitch: Handle, eip?: Handle): Record<string, unknown> {
    return { zoneId: zone, vswitchId: vswitch.ref(), ...(eip === undefined ? {} : { allocationId: eip.ref() }) };
}

const NLB_DROPS =
    'NLB instance "lb" has zone mappings in one zone that hold different EIPs (2 different EIPs in 2 mappings of one zone). An NLB keys its zone mappings by zoneId, so the mappings of one zone collapse into one: only one of these EIPs is bound, and the others are silently dropped (no error is raised). Keep one zone mapping per zone, each with at most one allocationId.';
const NLB_MAY_DROP =
    'NLB instance "lb" has several zone mappings in one zone, and they are not all known to hold the same EIP. An NLB keys its zone mappings by zoneId, so they collapse into one, and which mapping\'s allocationId is kept is not documented: the EIP may be left unbound. Keep one zone mapping per zone.';

/** The cases that read the same for an ALB and an NLB. */
const passesForEither = (kind: Kind): PassCase[] => [
    {
        name: `${kind}: one EIP in each of two zones`,
        plan: (plan) => {
            loadBalancer(plan, kind, "lb", [mapping(plan, "a", "cn-hangzhou-a", plan.eip("eip-a")), mapping(plan, "b", "cn-hangzhou-b", plan.eip("eip-b"))]);
        },
    },
    {
        name: `${kind}: no EIP at all`,
        plan: (plan) => {
            loadBalancer(plan, kind, "lb", [mapping(plan, "a", "cn-hangzhou-a"), mapping(plan, "b", "cn-hangzhou-b")]);
        },
    },
];

/** An internal-facing load balancer with an EIP in each of two zones: documented for Internet-facing ones only. */
const intranetWithEips = (kind: Kind, addressType: string): PassCase => ({
    name: `${kind}: addressType ${JSON.stringify(addressType)} with allocationIds is an advisory note, not a violation`,
    plan: (plan) => {
        loadBalancer(plan, kind, "lb", [mapping(plan, "a", "cn-hangzhou-a", plan.eip("eip-a")), mapping(plan, "b", "cn-hangzhou-b", "eip-bp1literal")], addressType);
    },
    undecided: ["lb"],
    undecidedMessages: [
        `${kind.toUpperCase()} instance "lb" is internal-facing (addressType "Intranet") but its zone mappings bind 2 EIPs through allocationId. Alibaba Cloud documents zoneMappings[].allocationId only for Internet-facing ALB and NLB instances: the call may be refused, or the EIP left unused. Set addressType "Internet", or remove the allocationId.`,
    ],
});

const failsForEither = (kind: Kind): FailCase[] => [
    {
        name: `${kind}: two zone mappings in the same zone both with EIPs`,
        plan: (plan) => {
            loadBalancer(plan, kind, "lb", [mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")), mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2"))]);
        },
        violations: ["lb"],
    },
    {
        name: `${kind}: two literal allocation ids in one zone`,
        plan: (plan) => {
            loadBalancer(plan, kind, "lb", [
                mapping(plan, "a1", "cn-hangzhou-a", "eip-bp1one"),
                mapping(plan, "a2", "cn-hangzhou-a", "eip-bp1two"),
                mapping(plan, "b", "cn-hangzhou-b", "eip-bp1three"),
            ]);
        },
        violations: ["lb"],
    },
];

ruleTester(albNlbEipPerZone, {
    passes: [
        ...KINDS.flatMap(passesForEither),
        intranetWithEips("alb", "Intranet"),
        intranetWithEips("nlb", "intranet"),
        {
            name: "an internal-facing load balancer without allocationIds",
            plan: (plan) => {
                loadBalancer(plan, "nlb", "lb", [mapping(plan, "a", "cn-hangzhou-a"), mapping(plan, "b", "cn-hangzhou-b")], "Intranet");
            },
            undecided: [],
        },
        {
            name: "an address type computed from other resources is not guessed",
            plan: (plan) => {
                const source = plan.add("vpc", "type-source");
                loadBalancer(plan, "alb", "lb", [mapping(plan, "a", "cn-hangzhou-a", plan.eip("eip-a"))], source.ref("addressType"));
            },
            undecided: [],
        },
        {
            name: "two mappings in one zone, only one of them holding an EIP",
            plan: (plan) => {
                loadBalancer(plan, "alb", "alb", [mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")), mapping(plan, "a2", "cn-hangzhou-a")]);
            },
            undecided: [],
        },
        // Zone mappings are a set in the provider (zone-sets.ts).
        {
            name: "alb: the same zone mapping listed twice collapses into one",
            plan: (plan) => {
                const vsw = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
                const eip = plan.eip("eip-a");
                loadBalancer(plan, "alb", "lb", [exact("cn-hangzhou-a", vsw, eip), exact("cn-hangzhou-a", vsw, eip)]);
            },
            undecided: [],
        },
        {
            // Which of the two the provider keeps is not documented (advisory), but both phases say so alike.
            name: "nlb: one mapping of a zone with an EIP and one without: a note, since the EIP may be dropped",
            plan: (plan) => {
                loadBalancer(plan, "nlb", "lb", [mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")), mapping(plan, "a2", "cn-hangzhou-a")]);
            },
            undecided: ["lb"],
            undecidedMessages: [NLB_MAY_DROP],
        },
        {
            name: "two load balancers each with one EIP in the same zone",
            plan: (plan) => {
                loadBalancer(plan, "alb", "alb", [mapping(plan, "alb-a", "cn-hangzhou-a", plan.eip("alb-eip"))]);
                loadBalancer(plan, "nlb", "nlb", [mapping(plan, "nlb-a", "cn-hangzhou-a", plan.eip("nlb-eip"))]);
            },
        },
        {
            name: "a single EIP among mappings whose zones are computed is not undecided",
            plan: (plan) => {
                const zones = plan.add("vpc", "zone-source");
                loadBalancer(plan, "nlb", "nlb", [
                    { zoneId: zones.ref("firstZone"), vswitchId: "vsw-bp1one", allocationId: plan.eip("eip-1").ref() },
                    { zoneId: zones.ref("secondZone"), vswitchId: "vsw-bp1two" },
                ]);
            },
            undecided: [],
        },
    ],
    fails: [
        ...KINDS.flatMap(failsForEither),
        {
            name: "alb: two mappings of one zone in one vSwitch that differ only in their EIP stay two",
            plan: (plan) => {
                const vsw = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
                loadBalancer(plan, "alb", "lb", [exact("cn-hangzhou-a", vsw, plan.eip("eip-1")), exact("cn-hangzhou-a", vsw, plan.eip("eip-2"))]);
            },
            violations: ["lb"],
            involved: { lb: ["eip-1", "eip-2", "lb"] },
        },
        {
            name: "nlb: two mappings of one zone with different EIPs collapse into one and drop an EIP",
            plan: (plan) => {
                const vsw = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
                loadBalancer(plan, "nlb", "lb", [exact("cn-hangzhou-a", vsw, plan.eip("eip-1")), exact("cn-hangzhou-a", vsw, plan.eip("eip-2"))]);
            },
            violations: ["lb"],
            involved: { lb: ["eip-1", "eip-2", "lb"] },
            reports: [{ on: "lb", message: NLB_DROPS, involved: ["lb", "eip-1", "eip-2"] }],
            notInMessages: ["cn-hangzhou-a", "deployment fails", "cannot be deployed"],
        },
        {
            name: "only the load balancer with two EIPs in a zone",
            plan: (plan) => {
                loadBalancer(plan, "alb", "good", [mapping(plan, "g-a", "cn-hangzhou-a", plan.eip("g-eip-a")), mapping(plan, "g-b", "cn-hangzhou-b", plan.eip("g-eip-b"))]);
                loadBalancer(plan, "alb", "bad", [mapping(plan, "b-a1", "cn-hangzhou-a", plan.eip("b-eip-1")), mapping(plan, "b-a2", "cn-hangzhou-a", plan.eip("b-eip-2"))]);
            },
            violations: ["bad"],
            involved: { bad: ["b-eip-1", "b-eip-2", "bad"] },
        },
        {
            name: "the zone taken from the vSwitch each mapping names",
            plan: (plan) => {
                const one = plan.vswitch("vsw-1", "10.0.1.0/24", { zoneId: "cn-hangzhou-k" });
                const two = plan.vswitch("vsw-2", "10.0.2.0/24", { zoneId: "cn-hangzhou-k" });
                loadBalancer(plan, "alb", "alb", [
                    { zoneId: one.ref("zoneId"), vswitchId: one.ref(), allocationId: plan.eip("eip-1").ref() },
                    { zoneId: two.ref("zoneId"), vswitchId: two.ref(), allocationId: plan.eip("eip-2").ref() },
                ]);
            },
            violations: ["alb"],
            involved: { alb: ["alb", "eip-1", "eip-2"] },
        },
        {
            // At preview the EIP of the second mapping and the empty third one are both unknown: the rule
            // counts the EIPs (a literal one and one traced to this load balancer) against the one zone.
            name: "more EIPs than zones, even where preview cannot tell which mapping holds which",
            plan: (plan) => {
                loadBalancer(plan, "nlb", "nlb", [
                    mapping(plan, "a1", "cn-hangzhou-a", "eip-bp1literal"),
                    mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2")),
                    mapping(plan, "a3", "cn-hangzhou-a"),
                ]);
            },
            violations: ["nlb"],
            involved: { nlb: ["eip-2", "nlb"] },
        },
        {
            name: "the message names the load balancer and the crowded zone, states the rule and gives the fix",
            plan: (plan) => {
                loadBalancer(plan, "alb", "web-alb", [mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")), mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2"))]);
            },
            violations: ["web-alb"],
            involved: { "web-alb": ["eip-1", "eip-2", "web-alb"] },
            messages: [
                'ALB instance "web-alb" would hold more than one EIP in a zone (2 in one zone: zone mappings with the same zoneId)',
                "each zone of an ALB or NLB supports one EIP",
                "Keep one zone mapping per zone, each with at most one allocationId",
            ],
            notInMessages: ["cn-hangzhou-a"],
        },
        {
            name: "an internal-facing load balancer with two EIPs in one zone: the violation, and the note",
            plan: (plan) => {
                loadBalancer(plan, "alb", "alb", [mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")), mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2"))], "Intranet");
            },
            violations: ["alb"],
            involved: { alb: ["alb", "eip-1", "eip-2"] },
            undecided: ["alb"],
        },
        {
            name: "reportUndecided: false never hides a violation",
            plan: (plan) => {
                loadBalancer(plan, "alb", "alb", [mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")), mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2"))]);
            },
            config: { reportUndecided: false },
            violations: ["alb"],
            involved: { alb: ["alb", "eip-1", "eip-2"] },
        },
    ],
});

// Zones and EIPs the preview cannot see yet: the update may decide what the preview could not.
describe(`${policy}: at preview only`, () => {
    // After the update the same plan is reported as two EIPs in one zone.
    test("the message for more EIPs than zones gives the counts and the fix", () => {
        const [message] = messages(policy, (plan) => {
            loadBalancer(plan, "nlb", "web-nlb", [
                mapping(plan, "a1", "cn-hangzhou-a", "eip-bp1literal"),
                mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2")),
                mapping(plan, "a3", "cn-hangzhou-a"),
            ]);
        });
        expect(message).toContain('NLB instance "web-nlb" would hold 2 EIPs but has 1 zone');
        expect(message).toContain("Add zone mappings in more zones, or bind fewer EIPs");
    });

    test("fails at preview: the zone of each mapping read from its vSwitch when the zoneId itself is unknown", () => {
        const plan = new Plan("preview");
        const zones = plan.add("vpc", "zone-source");
        const one = plan.vswitch("vsw-1", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
        const two = plan.add("vswitch", "vsw-2", { cidrBlock: "10.0.2.0/24", availabilityZone: "cn-hangzhou-a" });
        loadBalancer(plan, "alb", "alb", [
            { zoneId: zones.ref("firstZone"), vswitchId: one.ref(), allocationId: plan.eip("eip-1").ref() },
            { zoneId: zones.ref("secondZone"), vswitchId: two.ref(), allocationId: plan.eip("eip-2").ref() },
        ]);
        expect(violations(plan.resources(), policy)).toEqual(["alb"]);
    });

    test("undecided: two EIPs among three mappings, two of them in one zone: preview cannot tell, the update can", () => {
        const phases = bothPhases((plan) => {
            loadBalancer(plan, "alb", "alb", [
                mapping(plan, "a1", "cn-hangzhou-a", plan.eip("eip-1")),
                mapping(plan, "a2", "cn-hangzhou-a", plan.eip("eip-2")),
                mapping(plan, "b", "cn-hangzhou-b"),
            ]);
        });
        expect(violations(phases.preview, policy)).toEqual([]);
        expect(undecided(phases.preview, policy)).toEqual(["alb"]);
        expect(undecided(phases.preview, policy, { reportUndecided: false })).toEqual([]);
        expect(violations(phases.update, policy)).toEqual(["alb"]);
    });

    test("undecided: a zone computed from other resources, for mappings in vSwitches outside the stack", () => {
        const plan = new Plan("preview");
        const zones = plan.add("vpc", "zone-source");
        loadBalancer(plan, "nlb", "nlb", [
            { zoneId: zones.ref("firstZone"), vswitchId: "vsw-bp1one", allocationId: plan.eip("eip-1").ref() },
            { zoneId: zones.ref("secondZone"), vswitchId: "vsw-bp1two", allocationId: plan.eip("eip-2").ref() },
        ]);
        const resources = plan.resources();
        expect(violations(resources, policy)).toEqual([]);
        expect(undecided(resources, policy)).toEqual(["nlb"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });

    test("nlb: the same mapping listed twice is a note at preview (an unset allocationId looks the same), nothing after the update", () => {
        const phases = bothPhases((plan) => {
            const vsw = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
            const eip = plan.eip("eip-a");
            loadBalancer(plan, "nlb", "lb", [exact("cn-hangzhou-a", vsw, eip), exact("cn-hangzhou-a", vsw, eip)]);
        });
        expect(violations(phases.preview, policy)).toEqual([]);
        expect(findings(phases.preview, policy).map((finding) => finding.message)).toEqual([NLB_MAY_DROP]);
        expect(findings(phases.update, policy)).toEqual([]);
    });

    // At preview one EIP copied into two zone mappings looks like one mapping left unset (README, "How it decides at preview").
    test("alb: one EIP in two mappings of one zone that differ in their vSwitch stay two: a violation after the update", () => {
        const phases = bothPhases((plan) => {
            const eip = plan.eip("eip");
            const one = plan.vswitch("vsw-1", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
            const two = plan.vswitch("vsw-2", "10.0.2.0/24", { zoneId: "cn-hangzhou-a" });
            loadBalancer(plan, "alb", "lb", [exact("cn-hangzhou-a", one, eip), exact("cn-hangzhou-a", two, eip)]);
        });
        expect(violations(phases.preview, policy)).toEqual([]);
        expect(violations(phases.update, policy)).toEqual(["lb"]);
    });

    test("nlb: one EIP in two mappings of one zone on different vSwitches is bound once", () => {
        const phases = bothPhases((plan) => {
            const eip = plan.eip("eip");
            const one = plan.vswitch("vsw-1", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
            const two = plan.vswitch("vsw-2", "10.0.2.0/24", { zoneId: "cn-hangzhou-a" });
            loadBalancer(plan, "nlb", "lb", [exact("cn-hangzhou-a", one, eip), exact("cn-hangzhou-a", two, eip)]);
        });
        expect(violations(phases.preview, policy)).toEqual([]);
        expect(findings(phases.update, policy)).toEqual([]);
    });

    test("alb: mappings of one zone with the same EIP whose other fields are unknown may collapse: a note, not a violation", () => {
        const resources = bothPhases((plan) => {
            const vsw = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
            const eip = plan.eip("eip-a");
            loadBalancer(plan, "alb", "lb", [exact("cn-hangzhou-a", vsw, eip), exact("cn-hangzhou-a", vsw, eip)]);
        }).update;
        const source = "urn:pulumi:test::test::alicloud:vpc/network:Network::type-source";
        const withEipType = (deps: Record<string, string[]>) =>
            resources.map((resource) =>
                resource.name === "lb"
                    ? {
                          ...resource,
                          props: { ...resource.props, zoneMappings: (resource.props.zoneMappings as object[]).map((element) => ({ ...element, eipType: UNKNOWN })) },
                          propertyDependencies: { ...resource.propertyDependencies, "zoneMappings[0].allocationId": [], ...deps },
                      }
                    : resource,
            );
        // eipType computed from another resource, per element: the mappings may differ.
        const computed = withEipType({ "zoneMappings[0].eipType": [source], "zoneMappings[1].eipType": [source] });
        expect(violations(computed, policy)).toEqual([]);
        expect(findings(computed, policy).map((finding) => finding.message)).toEqual([
            'Could not check one EIP per zone for ALB instance "lb": some zone mappings of one zone hold the same EIP, and whether they are identical (identical zone mappings collapse into one) is unknown until deployment.',
        ]);
        // With per-element dependencies given and none for eipType, the unknown eipType is one left unset.
        expect(findings(withEipType({ "zoneMappings[0].allocationId": ["urn:x"] }), policy)).toEqual([]);
    });

    test("a zoneMappings list computed as a whole is undecided, never a violation, whatever EIPs it was computed from", () => {
        const plan = new Plan("preview");
        const vsw = plan.vswitch("vsw");
        const nlb = plan.add("nlb", "nlb", { addressType: "Internet", zoneMappings: [] });
        const eips = [plan.eip("eip-1"), plan.eip("eip-2")];
        const resources = plan.resources().map((resource) =>
            resource.address === nlb.address
                ? {
                      ...resource,
                      props: { ...resource.props, zoneMappings: Symbol.for("alicloud-eip-guard.unknown") },
                      propertyDependencies: { zoneMappings: [vsw.address, ...eips.map((e) => e.address)] },
                  }
                : resource,
        );
        expect(violations(resources, policy)).toEqual([]);
        expect(undecided(resources, policy)).toEqual(["nlb"]);
    });
});
