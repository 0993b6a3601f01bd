import { expiryOf, globToRegExp } from "../../policypack/core/waivers";
import { Plan } from "../support/plan";
import { findings } from "../support/verdicts";

const NOW = new Date("2026-06-15T12:00:00Z");
const policy = "ecs-single-eip";

/** An instance with two EIPs: two ecs-single-eip violations, on "assoc-a" and "assoc-b". */
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
        byOutcome: (outcome: string) => found.filter((f) => f.outcome === outcome).map((f) => name(f.resource)).sort(),
        messages: (outcome: string) => found.filter((f) => f.outcome === outcome).map((f) => f.message),
    };
}

describe("waivers from the exemptions option", () => {
    test("a waiver by name turns the violation into a waived finding that keeps its reason and expiry", () => {
        const result = outcomes({ exemptions: [{ resource: "assoc-a", reason: "legacy NAT mode, ticket NET-12", expires: "2026-12-31" }] });
        expect(result.byOutcome("violation")).toEqual(["assoc-b"]);
        expect(result.byOutcome("waived")).toEqual(["assoc-a"]);
        const [message] = result.messages("waived");
        expect(message).toContain("until 2026-12-31");
        expect(message).toContain("reason: legacy NAT mode, ticket NET-12");
        expect(message).toContain('ECS instance "web" would hold 2 EIPs');
        expect(result.byOutcome("notice")).toEqual([]);
    });

    test("a glob over names or URNs waives every resource it matches", () => {
        expect(outcomes({ exemptions: [{ resource: "assoc-*", reason: "accepted", expires: "2026-12-31" }] }).byOutcome("waived")).toEqual(["assoc-a", "assoc-b"]);
        expect(outcomes({ exemptions: [{ resource: "urn:pulumi:*::assoc-?", reason: "accepted", expires: "2026-12-31" }] }).byOutcome("waived")).toEqual(["assoc-a", "assoc-b"]);
        expect(outcomes({ exemptions: [{ resource: "assoc", reason: "accepted", expires: "2026-12-31" }] }).byOutcome("waived")).toEqual([]);
    });

    test("an expired waiver waives nothing and says so", () => {
        const result = outcomes({ exemptions: [{ resource: "assoc-a", reason: "until the migration", expires: "2026-06-14" }] });
        expect(result.byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
        expect(result.messages("notice").join("\n")).toContain("expired on 2026-06-14");
    });

    test("a waiver is valid through its expiry date", () => {
        expect(outcomes({ exemptions: [{ resource: "assoc-a", reason: "r", expires: "2026-06-15" }] }).byOutcome("waived")).toEqual(["assoc-a"]);
    });

    test("a waiver without a reason or without a date waives nothing and says so", () => {
        for (const waiver of [{ resource: "assoc-a", expires: "2026-12-31" }, { resource: "assoc-a", reason: "  ", expires: "2026-12-31" }, { resource: "assoc-a", reason: "r" }, { resource: "assoc-a", reason: "r", expires: "next week" }]) {
            const result = outcomes({ exemptions: [waiver] });
            expect(result.byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
            expect(result.messages("notice")).toHaveLength(1);
            expect(result.messages("notice")[0]).toMatch(/waives nothing/);
        }
    });

    test("a waiver that matches no violation is reported as stale", () => {
        const result = outcomes({ exemptions: [{ resource: "old-server", reason: "decommissioned in March", expires: "2026-12-31" }] });
        expect(result.messages("notice")).toEqual([expect.stringContaining('matches no violation in this stack; remove it if the exception is no longer needed (reason was: decommissioned in March)')]);
    });

    test("exemptions of the wrong shape are reported and change nothing", () => {
        for (const exemptions of ["assoc-a", 42, { resource: "assoc-a" }, [null], [{ resource: 5, reason: "r", expires: "2026-12-31" }]]) {
            const result = outcomes({ exemptions });
            expect(result.byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
            expect(result.messages("notice").length).toBeGreaterThan(0);
        }
    });
});

describe("waivers from tags", () => {
    test("eip-guard:exempt on a resource the violation involves, with a reason, waives it", () => {
        const result = outcomes({}, { "eip-guard:exempt": "ecs-single-eip, eip-dnat-conflict", "eip-guard:exempt-reason": "appliance with two public IPs" });
        expect(result.byOutcome("waived")).toEqual(["assoc-a", "assoc-b"]);
        expect(result.messages("waived")[0]).toContain("with no expiry (reason: appliance with two public IPs)");
    });

    test("a tag naming another policy waives nothing", () => {
        expect(outcomes({}, { "eip-guard:exempt": "eip-dnat-conflict", "eip-guard:exempt-reason": "r" }).byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
    });

    test("a tag without its reason waives nothing and says so", () => {
        const result = outcomes({}, { "eip-guard:exempt": "ecs-single-eip" });
        expect(result.byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
        expect(result.messages("notice")[0]).toContain("without an eip-guard:exempt-reason tag");
    });

    test("a tag waiver with an expiry expires", () => {
        const tags = { "eip-guard:exempt": "ecs-single-eip", "eip-guard:exempt-reason": "r", "eip-guard:exempt-expires": "2026-01-01" };
        const result = outcomes({}, tags);
        expect(result.byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
        expect(result.messages("notice")[0]).toContain("expired on 2026-01-01");
    });
});

describe("options", () => {
    test("an option the policy does not have is reported, not silently ignored", () => {
        const result = outcomes({ maxEip: 3 });
        expect(result.messages("notice")).toEqual([expect.stringContaining('ecs-single-eip has no option "maxEip"')]);
        expect(result.byOutcome("violation")).toEqual(["assoc-a", "assoc-b"]);
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
