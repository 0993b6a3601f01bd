import { eipSingleBinding } from "../../../policypack/core/rules/eip-single-binding";
import { UNKNOWN } from "../../../policypack/core/values";
import { Handle, Plan, bothPhases } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings, messages, undecided, violations } from "../../support/verdicts";

const policy = eipSingleBinding.name;

/** A load balancer of `kind` whose zone mappings put `eip` in `zones`, each mapping in the vSwitch of its zone (repeated zones share it). */
function spread(plan: Plan, kind: "alb" | "nlb", name: string, eip: Handle, zones: string[], vswitchPerMapping = false): Handle {
    const vswitches = new Map<string, Handle>();
    const zoneMappings = zones.map((zone, n) => {
        const key = vswitchPerMapping ? `${zone}-${n}` : zone;
        if (!vswitches.has(key)) {
            vswitches.set(key, plan.vswitch(`${name}-vsw-${vswitches.size}`, `10.0.${vswitches.size + 1}.0/24`, { zoneId: zone }));
        }
        return { zoneId: zone, vswitchId: vswitches.get(key)!.ref(), allocationId: eip.ref() };
    });
    return plan.add(kind, name, { addressType: "Internet", zoneMappings });
}

function network(plan: Plan) {
    const vswitch = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vswitch.ref() });
    const api = plan.instance("api", { vswitchId: vswitch.ref() });
    return { vswitch, web, api };
}

ruleTester(eipSingleBinding, {
    passes: [
        {
            name: "each EIP bound once",
            plan: (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip"), api);
            },
        },
        {
            name: "two different literal allocation ids",
            plan: (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", "eip-existing01", web);
                plan.associate("api-assoc", "eip-existing02", api);
            },
        },
        {
            name: "an ALB whose zone mappings each hold their own EIP",
            plan: (plan) => {
                const a = plan.vswitch("vsw-a", "10.0.1.0/24", { zoneId: "cn-hangzhou-a" });
                const b = plan.vswitch("vsw-b", "10.0.2.0/24", { zoneId: "cn-hangzhou-b" });
                plan.add("alb", "alb", {
                    addressType: "Internet",
                    zoneMappings: [
                        { zoneId: "cn-hangzhou-a", vswitchId: a.ref(), allocationId: plan.eip("eip-a").ref() },
                        { zoneId: "cn-hangzhou-b", vswitchId: b.ref(), allocationId: plan.eip("eip-b").ref() },
                    ],
                });
            },
        },
    ],
    fails: [
        {
            name: "one EIP resource bound by two associations",
            plan: (plan) => {
                const { web, api } = network(plan);
                const eip = plan.eip("shared-eip");
                plan.associate("web-assoc", eip, web);
                plan.associate("api-assoc", eip, api);
            },
            violations: ["shared-eip"],
            involved: { "shared-eip": ["api", "api-assoc", "shared-eip", "web", "web-assoc"] },
            messages: [
                'EIP "shared-eip" is bound 2 times',
                'EIP association "web-assoc" (to ECS instance "web")',
                'EIP association "api-assoc" (to ECS instance "api")',
                "only one cloud resource at a time",
                "Give each resource its own EIP",
            ],
        },
        {
            name: "the same literal allocation id in two associations",
            plan: (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", "eip-existing01", web);
                plan.associate("api-assoc", "eip-existing01", api);
            },
            violations: ["api-assoc"],
            involved: { "api-assoc": ["api", "api-assoc", "web", "web-assoc"] },
        },
        {
            name: "an EIP read into the stack by id and also named by its literal id",
            plan: (plan) => {
                const { web, api } = network(plan);
                const existing = plan.eip("existing", {}, { external: true, id: "eip-read0001" });
                plan.associate("web-assoc", existing, web);
                plan.associate("api-assoc", "eip-read0001", api);
            },
            violations: ["existing"],
            involved: { existing: ["api", "api-assoc", "existing", "web", "web-assoc"] },
        },
        {
            name: "an association plus an ALB zone mapping of the same EIP",
            plan: (plan) => {
                const { vswitch, web } = network(plan);
                const eip = plan.eip("shared-eip");
                plan.associate("web-assoc", eip, web);
                plan.add("alb", "alb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            },
            violations: ["shared-eip"],
            involved: { "shared-eip": ["alb", "shared-eip", "web", "web-assoc"] },
        },
        {
            name: "two NLBs whose zone mappings hold the same EIP",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw");
                const eip = plan.eip("shared-eip");
                for (const name of ["nlb-a", "nlb-b"]) {
                    plan.add("nlb", name, { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
                }
            },
            violations: ["shared-eip"],
            involved: { "shared-eip": ["nlb-a", "nlb-b", "shared-eip"] },
        },
        {
            // The EIP of an internal-facing NLB is only an advisory note for alb-nlb-eip-per-zone, but it
            // is still in the request: counted like any other binding.
            name: "an internal-facing NLB's zone mapping and an association with the same EIP",
            plan: (plan) => {
                const { vswitch, web } = network(plan);
                const eip = plan.eip("shared-eip");
                plan.associate("web-assoc", eip, web);
                plan.add("nlb", "nlb", { addressType: "Intranet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId: eip.ref() }] });
            },
            violations: ["shared-eip"],
            involved: { "shared-eip": ["nlb", "shared-eip", "web", "web-assoc"] },
        },
        {
            name: "the message counts the bindings and names each with its target",
            plan: (plan) => {
                const eip = plan.eip("shared");
                plan.associate("a", eip, plan.instance("vm1"));
                plan.associate("b", eip, plan.instance("vm2"));
                plan.associate("c", eip, plan.instance("vm3"));
            },
            violations: ["shared"],
            involved: { shared: ["a", "b", "c", "shared", "vm1", "vm2", "vm3"] },
            reports: [
                {
                    on: "shared",
                    message:
                        'EIP "shared" is bound 3 times: by EIP association "a" (to ECS instance "vm1"), EIP association "b" (to ECS instance "vm2") and EIP association "c" (to ECS instance "vm3"). Alibaba Cloud associates an EIP with only one cloud resource at a time, so all but one of these bindings will fail. Give each resource its own EIP, or remove the extra bindings.',
                    involved: ["shared", "a", "vm1", "b", "vm2", "c", "vm3"],
                },
            ],
        },
    ],
});

describe(`${policy}: bindings the preview cannot fully see`, () => {
    test("says so when an allocation id cannot be traced to an EIP", () => {
        const plan = new Plan("preview");
        const { web, api } = network(plan);
        plan.associate("web-assoc", plan.eip("web-eip"), web);
        const mystery = plan.associate("mystery-assoc", "placeholder", api);
        const resources = plan
            .resources()
            .map((resource) =>
                resource.address === mystery.address
                    ? { ...resource, props: { ...resource.props, allocationId: Symbol.for("alicloud-eip-guard.unknown") }, propertyDependencies: { allocationId: [web.address] } }
                    : resource,
            );
        expect(undecided(resources, policy)).toEqual(["mystery-assoc"]);
        expect(undecided(resources, policy, { reportUndecided: false })).toEqual([]);
    });

    test("an allocation id that cannot be traced is undecided only beside other bindings, which it counts", () => {
        const withUnknown = (others: number) => (plan: Plan) => {
            plan.associate("loose", "placeholder", plan.instance("vm"));
            for (let i = 0; i < others; i++) {
                plan.associate(`other-${i}`, plan.eip(`e${i}`), plan.instance(`vm${i}`));
            }
        };
        const unknownAllocation = (make: (plan: Plan) => void) =>
            bothPhases(make).preview.map((resource) =>
                resource.name === "loose" ? { ...resource, props: { ...resource.props, allocationId: UNKNOWN }, propertyDependencies: { allocationId: ["urn:x"] } } : resource,
            );
        expect(undecided(unknownAllocation(withUnknown(0)), policy)).toEqual([]);
        const found = findings(unknownAllocation(withUnknown(2)), policy).filter((finding) => finding.outcome === "undecided");
        expect(found.map((finding) => finding.message)).toEqual([
            'Could not tell which EIP EIP association "loose" binds: its allocation id is unknown until deployment and was not computed from exactly one EIP in this stack, so it was not checked against the 2 other EIP bindings. Reference the EIP directly (allocationId: eip.id) to have it checked.',
        ]);
        expect(found[0].involved).toEqual([found[0].resource]);
    });
});

// Zone mappings are a set in the provider: mappings that collapse into one element bind their EIP once.
describe(`${policy}: zone mappings that collapse into one`, () => {
    test("an ALB listing the same mapping twice binds its EIP once", () => {
        const phases = bothPhases((plan) => {
            spread(plan, "alb", "alb", plan.eip("eip"), ["cn-hangzhou-a", "cn-hangzhou-a"]);
        });
        expect(violations(phases.preview, policy)).toEqual([]);
        expect(findings(phases.update, policy)).toEqual([]);
    });

    test("an NLB with one EIP in two mappings of one zone, on one vSwitch or two, binds it once", () => {
        for (const vswitchPerMapping of [false, true]) {
            const phases = bothPhases((plan) => {
                spread(plan, "nlb", "nlb", plan.eip("eip"), ["cn-hangzhou-a", "cn-hangzhou-a"], vswitchPerMapping);
            });
            expect(findings(phases.preview, policy)).toEqual([]);
            expect(findings(phases.update, policy)).toEqual([]);
        }
    });

    // Zone mappings of different zones are different elements of the provider's set, for either kind.
    test("an NLB with one EIP in two zones binds it twice (after the update)", () => {
        const phases = bothPhases((plan) => {
            spread(plan, "nlb", "nlb", plan.eip("eip"), ["cn-hangzhou-a", "cn-hangzhou-b"]);
        });
        expect(undecided(phases.preview, policy)).toEqual(["nlb"]);
        expect(violations(phases.update, policy)).toEqual(["eip"]);
    });

    test("an ALB with one EIP in two mappings of one zone on different vSwitches binds it twice (after the update)", () => {
        const phases = bothPhases((plan) => {
            spread(plan, "alb", "alb", plan.eip("eip"), ["cn-hangzhou-a", "cn-hangzhou-a"], true);
        });
        expect(undecided(phases.preview, policy)).toEqual(["alb"]);
        expect(violations(phases.update, policy)).toEqual(["eip"]);
    });

    test("ALB mappings with the same EIP that cannot be told apart yet: a note, not a violation", () => {
        const resources = bothPhases((plan) => {
            spread(plan, "alb", "alb", plan.eip("eip"), ["cn-hangzhou-a", "cn-hangzhou-a"]);
        }).update.map((resource) =>
            resource.name === "alb"
                ? {
                      ...resource,
                      props: { ...resource.props, zoneMappings: (resource.props.zoneMappings as object[]).map((element) => ({ ...element, intranetAddress: UNKNOWN })) },
                      propertyDependencies: { ...resource.propertyDependencies, "zoneMappings[0].intranetAddress": ["urn:x"], "zoneMappings[1].intranetAddress": ["urn:x"] },
                  }
                : resource,
        );
        expect(violations(resources, policy)).toEqual([]);
        expect(findings(resources, policy).map((finding) => finding.message)).toEqual([
            'Could not tell whether EIP "eip" is bound more than once: ALB instance "alb" uses it in 2 zone mappings that are identical in everything known before deployment, and identical zone mappings collapse into one (the provider keeps them as a set). Give every zone mapping its own EIP, or list each mapping once.',
        ]);
        expect(findings(resources, policy, { reportUndecided: false })).toEqual([]);
    });
});

describe(`${policy}: zone mappings the preview cannot fully see`, () => {
    test("a zoneMappings list computed as a whole still binds the EIPs it was computed from", () => {
        const plan = new Plan("preview");
        const vsw = plan.vswitch("vsw");
        const eip = plan.eip("eip");
        plan.associate("server-eip", eip, plan.instance("server", { vswitchId: vsw.ref() }));
        const nlb = plan.add("nlb", "nlb", { addressType: "Internet", zoneMappings: [] });
        const resources = plan.resources().map((resource) =>
            resource.address === nlb.address
                ? {
                      ...resource,
                      props: { ...resource.props, zoneMappings: Symbol.for("alicloud-eip-guard.unknown") },
                      propertyDependencies: { zoneMappings: [vsw.address, eip.address] },
                  }
                : resource,
        );
        expect(violations(resources, policy)).toEqual(["eip"]);
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

    /** An ALB whose zone mappings all read as unknown at preview, computed from `eips`. */
    function doubtfulAlb(plan: Plan, mappings: number, eips: Handle[]): void {
        const zoneMappings = Array.from({ length: mappings }, (_, i) => ({
            zoneId: `cn-hangzhou-${"abcdef"[i]}`,
            vswitchId: `vsw-${i}`,
            allocationId: i < eips.length ? eips[i].ref() : undefined,
        }));
        plan.add("alb", "lb", { addressType: "Internet", zoneMappings });
    }

    test("an ALB whose mappings cannot be told apart is undecided, naming its one EIP", () => {
        expect(
            messages(
                policy,
                (plan) => {
                    doubtfulAlb(plan, 2, [plan.eip("e1")]);
                },
                {},
                "undecided",
            ),
        ).toEqual([
            'Could not tell whether ALB instance "lb" uses EIP "e1" in more than one zone mapping: 2 zone mappings have an allocation id that is unknown until deployment, computed from one EIP, and a mapping without an EIP looks the same at preview. Give every zone mapping its own EIP, or none.',
        ]);
    });

    test("... or counting its EIPs when there are several", () => {
        const found = messages(
            policy,
            (plan) => {
                doubtfulAlb(plan, 3, [plan.eip("e1"), plan.eip("e2")]);
            },
            {},
            "undecided",
        );
        expect(found).toEqual([
            'Could not tell whether ALB instance "lb" uses one of its EIPs in more than one zone mapping: 3 zone mappings have an allocation id that is unknown until deployment, computed from 2 EIPs, and a mapping without an EIP looks the same at preview. Give every zone mapping its own EIP, or none.',
        ]);
        expect(
            messages(
                policy,
                (plan) => {
                    doubtfulAlb(plan, 3, [plan.eip("e1"), plan.eip("e2")]);
                },
                { reportUndecided: false },
                "undecided",
            ),
        ).toEqual([]);
    });
});
