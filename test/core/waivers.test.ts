import { applyWaivers, expiryOf, globToRegExp } from "../../policypack/core/waivers";
import { Plan } from "../support/plan";
import { findings } from "../support/verdicts";

const NOW = new Date("2026-06-15T12:00:00Z");
const policy = "ecs-single-eip";

/** An instance with two EIPs: one ecs-single-eip violation, on "web", involving "assoc-a" and "assoc-b". */
function twoEips(instanceTags?: Record<string, string>) {
    const plan = new Plan("preview");
    const vm = plan.instance("web", { vswitchId: plan.vswitch("vsw").ref(), ...(instanceTags ? { tags: instanceTags } : {}) });
    plan.associate("assoc-a", plan.eip("eip-a"), vm);
    plan.associate("assoc-b", plan.eip("eip-b"), vm);
    return plan.resources();
}

function outcomes(config: unknown, instanceTags?: Record<string, string>) {
    const resources = twoEips(instanceTags);
    const name = (address?: string) => resources.find((r) => r.address === address)?.name ?? "<stack>";
    const found = findings(resources, policy, config, NOW);
    return {
        byOutcome: (outcome: string) =>
            found
                .filter((f) => f.outcome === outcome)
                .map((f) => name(f.resource))
                .sort(),
        messages: (outcome: string) => found.filter((f) => f.outcome === outcome).map((f) => f.message),
    };
}

describe("waivers from the exemptions option", () => {
    test("a waiver by name turns the violation into a waived finding that keeps its reason and expiry", () => {
        const result = outcomes({ exemptions: [{ resource: "assoc-a", reason: "legacy NAT mode, ticket NET-12", expires: "2026-12-31" }] });
        expect(result.byOutcome("violation")).toEqual([]);
        expect(result.byOutcome("waived")).toEqual(["web"]);
        const [message] = result.messages("waived");
        expect(message).toContain("until 2026-12-31");
        expect(message).toContain("reason: legacy NAT mode, ticket NET-12");
        expect(message).toContain('ECS instance "web" would hold 2 EIPs');
        expect(result.byOutcome("notice")).toEqual([]);
    });

    test("a glob over names or URNs waives the fault of every resource it matches", () => {
        expect(outcomes({ exemptions: [{ resource: "assoc-*", reason: "accepted", expires: "2026-12-31" }] }).byOutcome("waived")).toEqual(["web"]);
        expect(outcomes({ exemptions: [{ resource: "urn:pulumi:*::assoc-?", reason: "accepted", expires: "2026-12-31" }] }).byOutcome("waived")).toEqual(["web"]);
        expect(outcomes({ exemptions: [{ resource: "assoc", reason: "accepted", expires: "2026-12-31" }] }).byOutcome("waived")).toEqual([]);
    });

    test("an expired waiver waives nothing and says so", () => {
        const result = outcomes({ exemptions: [{ resource: "assoc-a", reason: "until the migration", expires: "2026-06-14" }] });
        expect(result.byOutcome("violation")).toEqual(["web"]);
        expect(result.messages("notice").join("\n")).toContain("expired on 2026-06-14");
    });

    test("a waiver is valid through its expiry date", () => {
        expect(outcomes({ exemptions: [{ resource: "assoc-a", reason: "r", expires: "2026-06-15" }] }).byOutcome("waived")).toEqual(["web"]);
    });

    test("a waiver without a reason or without a date waives nothing and says so", () => {
        for (const waiver of [
            { resource: "assoc-a", expires: "2026-12-31" },
            { resource: "assoc-a", reason: "  ", expires: "2026-12-31" },
            { resource: "assoc-a", reason: "r" },
            { resource: "assoc-a", reason: "r", expires: "next week" },
        ]) {
            const result = outcomes({ exemptions: [waiver] });
            expect(result.byOutcome("violation")).toEqual(["web"]);
            expect(result.messages("notice")).toHaveLength(1);
            expect(result.messages("notice")[0]).toMatch(/waives nothing/);
        }
    });

    test("a waiver that matches no violation is reported as stale", () => {
        const result = outcomes({ exemptions: [{ resource: "old-server", reason: "decommissioned in March", expires: "2026-12-31" }] });
        expect(result.messages("notice")).toEqual([
            expect.stringContaining("matches no violation in this stack; remove it if the exception is no longer needed (reason was: decommissioned in March)"),
        ]);
    });

    test("exemptions of the wrong shape are reported and change nothing", () => {
        for (const exemptions of ["assoc-a", 42, { resource: "assoc-a" }, [null], [{ resource: 5, reason: "r", expires: "2026-12-31" }]]) {
            const result = outcomes({ exemptions });
            expect(result.byOutcome("violation")).toEqual(["web"]);
            expect(result.messages("notice").length).toBeGreaterThan(0);
        }
    });
});

describe("waivers from tags", () => {
    test("eip-guard:exempt on a resource the violation involves, with a reason, waives it", () => {
        const result = outcomes({}, { "eip-guard:exempt": "ecs-single-eip, eip-dnat-conflict", "eip-guard:exempt-reason": "appliance with two public IPs" });
        expect(result.byOutcome("waived")).toEqual(["web"]);
        expect(result.messages("waived")[0]).toContain("with no expiry (reason: appliance with two public IPs)");
    });

    test("a tag naming another policy waives nothing", () => {
        expect(outcomes({}, { "eip-guard:exempt": "eip-dnat-conflict", "eip-guard:exempt-reason": "r" }).byOutcome("violation")).toEqual(["web"]);
    });

    test("a tag without its reason waives nothing and says so", () => {
        const result = outcomes({}, { "eip-guard:exempt": "ecs-single-eip" });
        expect(result.byOutcome("violation")).toEqual(["web"]);
        expect(result.messages("notice")[0]).toContain("without an eip-guard:exempt-reason tag");
    });

    test("a tag waiver with an expiry expires", () => {
        const tags = { "eip-guard:exempt": "ecs-single-eip", "eip-guard:exempt-reason": "r", "eip-guard:exempt-expires": "2026-01-01" };
        const result = outcomes({}, tags);
        expect(result.byOutcome("violation")).toEqual(["web"]);
        expect(result.messages("notice")[0]).toContain("expired on 2026-01-01");
    });
});

describe("options", () => {
    test("an option the policy does not have is reported, not silently ignored", () => {
        const result = outcomes({ maxEip: 3 });
        expect(result.messages("notice")).toEqual([expect.stringContaining('ecs-single-eip has no option "maxEip"')]);
        expect(result.byOutcome("violation")).toEqual(["web"]);
    });
});

describe("a waiver names any resource the fault involves", () => {
    /** A NAT gateway "ngw" with 21 EIPs (one nat-gateway-eip-limit fault, on "ngw"), or 21 EIPs on a gateway outside the stack. */
    function overQuota(outside = false) {
        const plan = new Plan("preview");
        const target = outside ? "ngw-bp1outside" : plan.add("natGateway", "ngw", { vswitchId: plan.vswitch("ngw-vsw", "10.0.0.0/20").ref(), natType: "Enhanced" });
        for (let i = 1; i <= 21; i++) {
            plan.associate(`a-${String(i).padStart(2, "0")}`, plan.eip(`e-${i}`), target);
        }
        return plan.resources();
    }
    const waive = (resource: string) => ({ exemptions: [{ resource, reason: "quota raised, ticket Q-7", expires: "2026-12-31" }] });
    const byOutcome = (found: readonly { outcome: string }[]) => found.map((f) => f.outcome).sort();

    test("the gateway the message is about, by name or URN, waives its quota violation and is not reported as unused", () => {
        const resources = overQuota();
        const urn = resources.find((r) => r.name === "ngw")!.address;
        for (const resource of ["ngw", urn, "urn:pulumi:*::ngw"]) {
            expect(byOutcome(findings(resources, "nat-gateway-eip-limit", waive(resource), NOW))).toEqual(["waived"]);
        }
    });

    test("any one of its associations waives the fault too", () => {
        expect(byOutcome(findings(overQuota(), "nat-gateway-eip-limit", waive("a-17"), NOW))).toEqual(["waived"]);
    });

    test("a gateway outside the stack: the fault is on its first association, and a waiver on another association waives it", () => {
        const found = findings(overQuota(true), "nat-gateway-eip-limit", waive("a-21"), NOW);
        expect(byOutcome(found)).toEqual(["waived"]);
        expect(found[0].resource).toMatch(/::a-01$/);
        expect(found[0].involved).toHaveLength(21);
    });

    test("a resource outside the fault waives nothing and is reported as unused", () => {
        const found = findings(overQuota(), "nat-gateway-eip-limit", waive("ngw-vsw"), NOW);
        expect(byOutcome(found)).toEqual(["notice", "violation"]);
        expect(found.find((f) => f.outcome === "notice")!.message).toContain("matches no violation in this stack");
    });
});

describe("helpers", () => {
    test("expiry dates", () => {
        expect(expiryOf("2027-01-31")?.toISOString()).toBe("2027-02-01T00:00:00.000Z");
        expect(expiryOf("2027-01-31T10:00:00Z")?.toISOString()).toBe("2027-01-31T10:00:00.000Z");
        expect(expiryOf("soon")).toBeUndefined();
        expect(expiryOf("2027-13-45")).toBeUndefined();
    });

    test("globs escape everything but * and ?", () => {
        expect(globToRegExp("a.b*").test("a.bcd")).toBe(true);
        expect(globToRegExp("a.b*").test("axbcd")).toBe(false);
        expect(globToRegExp("urn:pulumi:*::web(1)").test("urn:pulumi:dev::p::t::web(1)")).toBe(true);
    });
});

describe("waiver messages and boundaries", () => {
    const waiverOn = (expires: string, resource = "assoc-a") => ({ exemptions: [{ resource, reason: "accepted", expires }] });
    const at = (config: unknown, now: Date, tags?: Record<string, string>) => findings(twoEips(tags), policy, config, now);

    test("a timestamp expiry stops waiving at that very instant", () => {
        const expires = "2026-06-15T12:00:00Z";
        expect(at(waiverOn(expires), new Date(NOW.getTime() - 1)).find((f) => f.outcome === "waived")).toBeDefined();
        const expired = at(waiverOn(expires), NOW);
        expect(expired.filter((f) => f.outcome === "waived")).toEqual([]);
        expect(expired.filter((f) => f.outcome === "notice").map((f) => f.message)).toEqual([
            `exemption 1 (resource "assoc-a") expired on ${expires} and no longer waives this violation (reason was: accepted). Fix the violation, or renew the waiver with a new date.`,
        ]);
    });

    test("a date expiry waives through the last millisecond of that day (UTC)", () => {
        expect(at(waiverOn("2026-06-15"), new Date("2026-06-15T23:59:59.999Z")).filter((f) => f.outcome === "waived")).toHaveLength(1);
        expect(at(waiverOn("2026-06-15"), new Date("2026-06-16T00:00:00.000Z")).filter((f) => f.outcome === "waived")).toHaveLength(0);
    });

    test("the waived finding keeps the violation's resource and involved list, and its message opens with the waiver", () => {
        const found = at(waiverOn("2026-12-31"), NOW);
        const violation = at({}, NOW).find((f) => f.resource?.endsWith("::web"))!;
        const waived = found.find((f) => f.outcome === "waived")!;
        expect(waived).toEqual({
            ...violation,
            outcome: "waived",
            message: `Waived by exemption 1 (resource "assoc-a") until 2026-12-31 (reason: accepted). ${violation.message}`,
            cause: 'several-eips waived by exemption 1 (resource "assoc-a")',
        });
        expect(found.filter((f) => f.outcome === "notice")).toEqual([]);
    });

    test("an expired waiver that matches several violations is reported once, on the first", () => {
        const plan = new Plan("preview");
        for (const vm of ["api", "web"]) {
            const instance = plan.instance(vm, { vswitchId: plan.vswitch(`${vm}-vsw`).ref() });
            plan.associate(`assoc-${vm}-a`, plan.eip(`${vm}-eip-a`), instance);
            plan.associate(`assoc-${vm}-b`, plan.eip(`${vm}-eip-b`), instance);
        }
        const found = findings(plan.resources(), policy, waiverOn("2026-01-31", "assoc-*"), NOW);
        expect(found.filter((f) => f.outcome === "violation")).toHaveLength(2);
        const expired = found.filter((f) => f.outcome === "notice");
        expect(expired).toHaveLength(1);
        expect(expired[0].resource).toMatch(/::api$/);
        expect(expired[0].involved).toEqual([expired[0].resource]);
        expect(expired[0].message).toContain('exemption 1 (resource "assoc-*") expired on 2026-01-31');
    });

    test("an unused waiver names its policy, and says when it has expired too", () => {
        const found = at({ exemptions: [{ resource: "gone", reason: "old", expires: "2026-01-01" }] }, NOW);
        expect(found.filter((f) => f.outcome === "notice")).toEqual([
            {
                policy,
                outcome: "notice",
                resource: undefined,
                involved: [],
                message:
                    'exemption 1 (resource "gone") of ecs-single-eip matches no violation in this stack and expired on 2026-01-01; remove it if the exception is no longer needed (reason was: old).',
            },
        ]);
    });

    test("each unusable exemption is named by its position", () => {
        const found = at(
            {
                exemptions: [
                    { resource: "assoc-a", reason: "r", expires: "2026-12-31" },
                    { resource: " ", reason: "r", expires: "2026-12-31" },
                    { resource: "x", reason: 7, expires: "2026-12-31" },
                    { resource: "y", reason: "r" },
                    { resource: "z", reason: "r", expires: "31/12/2026" },
                ],
            },
            NOW,
        );
        expect(found.filter((f) => f.outcome === "notice").map((f) => f.message)).toEqual([
            "The configuration of ecs-single-eip: exemption 2 has no resource (a Pulumi name, URN or glob of either); it waives nothing.",
            'The configuration of ecs-single-eip: exemption 3 (resource "x") has no reason; a waiver must say why the violation is accepted, so it waives nothing.',
            'The configuration of ecs-single-eip: exemption 4 (resource "y") has no expires date; give an ISO date such as 2027-01-31. It waives nothing.',
            'The configuration of ecs-single-eip: exemption 5 (resource "z") has an unreadable expires date "31/12/2026"; give an ISO date such as 2027-01-31. It waives nothing.',
        ]);
        expect(found.filter((f) => f.outcome === "waived").map((f) => f.resource)).toEqual([expect.stringMatching(/::web$/)]);
    });

    test("exemptions that are not a list are named as such; null and absent are no exemptions", () => {
        expect(
            at({ exemptions: "assoc-a" }, NOW)
                .filter((f) => f.outcome === "notice")
                .map((f) => f.message),
        ).toEqual(["The configuration of ecs-single-eip: exemptions must be a list of { resource, reason, expires }; it was ignored."]);
        expect(at({ exemptions: null }, NOW).filter((f) => f.outcome !== "violation")).toEqual([]);
    });

    test("the first matching exemption is the one used", () => {
        const found = at(
            {
                exemptions: [
                    { resource: "assoc-?", reason: "first", expires: "2026-12-31" },
                    { resource: "assoc-a", reason: "second", expires: "2026-12-31" },
                ],
            },
            NOW,
        );
        expect(found.filter((f) => f.outcome === "waived").map((f) => f.message.split(". ")[0])).toEqual([
            'Waived by exemption 1 (resource "assoc-?") until 2026-12-31 (reason: first)',
        ]);
        expect(found.filter((f) => f.outcome === "notice").map((f) => f.message)).toEqual([
            'exemption 2 (resource "assoc-a") of ecs-single-eip matches no violation in this stack; remove it if the exception is no longer needed (reason was: accepted)'.replace(
                "accepted",
                "second",
            ) + ".",
        ]);
    });

    test("a tag with an expiry that is not a date waives nothing, reported once for the tagged resource", () => {
        const found = at({}, NOW, { "eip-guard:exempt": "ecs-single-eip", "eip-guard:exempt-reason": "r", "eip-guard:exempt-expires": "someday" });
        expect(found.filter((f) => f.outcome === "violation")).toHaveLength(1);
        const notes = found.filter((f) => f.outcome === "notice");
        expect(notes.map((f) => f.message)).toEqual(['"web" carries an eip-guard:exempt-expires tag that is not an ISO date; the waiver waives nothing.']);
        expect(notes[0].resource).toMatch(/Instance::web$/);
        expect(notes[0].involved).toEqual([notes[0].resource]);
    });

    test("a tag without a reason is reported once, naming the tag and the policy", () => {
        const found = at({}, NOW, { "eip-guard:exempt": "ecs-single-eip", "eip-guard:exempt-reason": "  " });
        expect(found.filter((f) => f.outcome === "notice").map((f) => f.message)).toEqual([
            '"web" carries the eip-guard:exempt tag for ecs-single-eip without an eip-guard:exempt-reason tag; a waiver must say why, so it waives nothing.',
        ]);
    });

    test("a tag may list policies separated by spaces, commas or semicolons, or say all", () => {
        for (const listed of ["eip-dnat-conflict;ecs-single-eip", "eip-dnat-conflict ecs-single-eip", "all"]) {
            const found = at({}, NOW, { "eip-guard:exempt": listed, "eip-guard:exempt-reason": "appliance" });
            expect({ listed, waived: found.filter((f) => f.outcome === "waived").length }).toEqual({ listed, waived: 1 });
        }
        expect(at({}, NOW, { "eip-guard:exempt": "ecs-single-eip-extra", "eip-guard:exempt-reason": "r" }).filter((f) => f.outcome === "waived")).toEqual([]);
    });

    test("a tag waiver with a valid expiry waives until then, and says until when", () => {
        const tags = { "eip-guard:exempt": "ecs-single-eip", "eip-guard:exempt-reason": "appliance", "eip-guard:exempt-expires": "2026-06-15" };
        const found = at({}, NOW, tags);
        expect(found.filter((f) => f.outcome === "waived").map((f) => f.message.split(". ")[0])).toEqual([
            'Waived by the eip-guard:exempt tag of "web" until 2026-06-15 (reason: appliance)',
        ]);
        const expired = at({}, new Date("2026-06-16T00:00:00Z"), tags).filter((f) => f.outcome === "notice");
        // Noted once, although both violations involve the tagged instance.
        expect(expired.map((f) => f.message)).toEqual([
            'the eip-guard:exempt tag of "web" expired on 2026-06-15 and no longer waives this violation (reason was: appliance). Fix the violation, or renew the waiver with a new date.',
        ]);
        expect(at({}, new Date("2026-06-16T00:00:00Z"), tags).filter((f) => f.outcome === "violation")).toHaveLength(1);
    });
});

describe("applyWaivers on findings it leaves alone", () => {
    test("undecided findings, notices and violations without a resource pass through unchanged", () => {
        const kept = [
            { policy: "ecs-single-eip" as const, outcome: "undecided" as const, resource: "urn:a", involved: ["urn:a"], message: "unsure" },
            { policy: "ecs-single-eip" as const, outcome: "violation" as const, involved: [], message: "for the stack" },
        ];
        const found = applyWaivers("ecs-single-eip", kept, [{ resource: "*", reason: "all of it", expires: "2999-01-01" }], () => undefined, NOW);
        expect(found.slice(0, 2)).toEqual(kept);
        expect(found.slice(2).map((f) => f.message)).toEqual([
            'exemption 1 (resource "*") of ecs-single-eip matches no violation in this stack; remove it if the exception is no longer needed (reason was: all of it).',
        ]);
    });

    test("a violation on a resource the model does not know is matched by its address", () => {
        const violation = { policy: "ecs-single-eip" as const, outcome: "violation" as const, resource: "urn:outside::thing", involved: ["urn:outside::thing"], message: "M." };
        const found = applyWaivers("ecs-single-eip", [violation], [{ resource: "urn:outside::*", reason: "ok", expires: "2999-01-01" }], () => undefined, NOW);
        expect(found).toEqual([{ ...violation, outcome: "waived", message: 'Waived by exemption 1 (resource "urn:outside::*") until 2999-01-01 (reason: ok). M.' }]);
    });
});
