// The engine: reading a policy's options (defaults, bounds, the notices for unusable values), turning
// a rule that throws into an undecided note, and keeping the findings when waivers cannot be applied.

import { analyze, readOptions, runRule } from "../../policypack/core/engine";
import { Model } from "../../policypack/core/model";
import { Finding, PolicyName, Rule, defineRule } from "../../policypack/core/rule";
import { RULES } from "../../policypack/core/rules";
import { everyViolation } from "../support/catalogue";
import { Plan } from "../support/plan";
import { ruleNamed } from "../support/verdicts";

const eniRule = ruleNamed("eni-eip-capacity");
const NOW = new Date("2026-06-15T12:00:00Z");

/** A rule that reports one violation on the first resource of the model and then does `then`. */
function fakeRule(then: () => void, name: PolicyName = "ecs-single-eip"): Rule {
    return defineRule({
        ...ruleNamed(name),
        options: {},
        check({ model, report }) {
            report.violation(model.resources[1], "the first problem.", [], "first-problem");
            then();
        },
    });
}

function smallModel(): Model {
    const plan = new Plan("update");
    plan.instance("web");
    return new Model(plan.resources());
}

describe("readOptions", () => {
    test("an empty or missing configuration gives every default and no problem", () => {
        for (const config of [{}, undefined, null, "mandatory", [1, 2], 7]) {
            expect(readOptions(eniRule, config)).toEqual({ options: { maxMultiBindedEips: 10, multiBindedAllowed: false, reportUndecided: true }, problems: [] });
        }
    });

    test("a table option keeps every usable entry and drops each other one with a problem naming it", () => {
        const rule = ruleNamed("ecs-eni-limit");
        expect(readOptions(rule, {}).options.instanceTypes).toEqual({});
        const good = { "ecs.g8i.large": { enis: 3 }, "ecs.g8y.large": { enis: 64, privateIpsPerEni: 256 } };
        expect(readOptions(rule, { instanceTypes: good })).toEqual({ options: { instanceTypes: good, reportUndecided: true }, problems: [] });
        const read = readOptions(rule, {
            instanceTypes: {
                "ecs.a.large": { enis: 3 },
                "ecs.b.large": { enis: 0 },
                "ecs.c.large": { enis: 2.5 },
                "ecs.d.large": { ips: 3 },
                "ecs.e.large": {},
                "ecs.f.large": "3",
            },
        });
        expect(read.options.instanceTypes).toEqual({ "ecs.a.large": { enis: 3 } });
        expect(read.problems).toHaveLength(5);
        expect(read.problems[0]).toBe(
            'instanceTypes: the entry for "ecs.b.large" must give one or more of enis (1 to 64), privateIpsPerEni (1 to 256) as whole numbers, not {"enis":0}; it was ignored.',
        );
        expect(readOptions(rule, { instanceTypes: ["ecs.g8i.large"] })).toEqual({
            options: { instanceTypes: {}, reportUndecided: true },
            problems: ['instanceTypes must be an object of entries, not ["ecs.g8i.large"]; it was ignored.'],
        });
    });

    test("an integer option takes whole numbers from its minimum to its maximum, both included", () => {
        expect(readOptions(eniRule, { maxMultiBindedEips: 1 }).options.maxMultiBindedEips).toBe(1);
        expect(readOptions(eniRule, { maxMultiBindedEips: 1000 }).options.maxMultiBindedEips).toBe(1000);
        expect(readOptions(eniRule, { maxMultiBindedEips: 37 })).toEqual({ options: { maxMultiBindedEips: 37, multiBindedAllowed: false, reportUndecided: true }, problems: [] });
    });

    test.each([
        [0, "0"],
        [1001, "1001"],
        [2.5, "2.5"],
        ["5", '"5"'],
        [true, "true"],
        [[3], "[3]"],
        [{ n: 3 }, '{"n":3}'],
    ])("an integer option set to %p is replaced by its default, with a notice naming the value", (value, shown) => {
        expect(readOptions(eniRule, { maxMultiBindedEips: value })).toEqual({
            options: { maxMultiBindedEips: 10, multiBindedAllowed: false, reportUndecided: true },
            problems: [`maxMultiBindedEips must be a whole number from 1 to 1000, not ${shown}; the default 10 was used.`],
        });
    });

    test("null reads as unset: the default, without a notice", () => {
        expect(readOptions(eniRule, { maxMultiBindedEips: null, reportUndecided: null })).toEqual({
            options: { maxMultiBindedEips: 10, multiBindedAllowed: false, reportUndecided: true },
            problems: [],
        });
    });

    test("a boolean option takes true and false, and nothing else", () => {
        expect(readOptions(eniRule, { reportUndecided: false }).options.reportUndecided).toBe(false);
        expect(readOptions(eniRule, { reportUndecided: true }).options.reportUndecided).toBe(true);
        expect(readOptions(eniRule, { reportUndecided: "no" })).toEqual({
            options: { maxMultiBindedEips: 10, multiBindedAllowed: false, reportUndecided: true },
            problems: ['reportUndecided must be true or false, not "no"; the default true was used.'],
        });
        expect(readOptions(eniRule, { reportUndecided: 0 }).problems).toEqual(["reportUndecided must be true or false, not 0; the default true was used."]);
    });

    test("a value JSON cannot show is named anyway", () => {
        expect(readOptions(eniRule, { reportUndecided: Symbol("odd") }).problems).toEqual(["reportUndecided must be true or false, not Symbol(odd); the default true was used."]);
        expect(readOptions(eniRule, { maxMultiBindedEips: BigInt(3) }).problems).toEqual([
            "maxMultiBindedEips must be a whole number from 1 to 1000, not an unreadable value; the default 10 was used.",
        ]);
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        expect(readOptions(eniRule, { reportUndecided: circular }).problems).toEqual([
            "reportUndecided must be true or false, not an unreadable value; the default true was used.",
        ]);
    });

    test("an option the policy does not have is named with the options it does have", () => {
        expect(readOptions(eniRule, { maxEips: 3, enforcementLevel: "advisory", exemptions: [] }).problems).toEqual([
            'eni-eip-capacity has no option "maxEips" (it takes maxMultiBindedEips, multiBindedAllowed, reportUndecided, exemptions); it was ignored.',
        ]);
        expect(readOptions(ruleNamed("eip-dnat-conflict"), { constructor: 1, toString: 2 }).problems).toEqual([
            'eip-dnat-conflict has no option "constructor" (it takes reportUndecided, exemptions); it was ignored.',
            'eip-dnat-conflict has no option "toString" (it takes reportUndecided, exemptions); it was ignored.',
        ]);
    });
});

describe("runRule", () => {
    test("configuration problems become notices after the findings, one per problem", () => {
        const found = runRule(
            fakeRule(() => undefined),
            smallModel(),
            { maxEips: 3 },
            NOW,
        );
        expect(found).toEqual([
            {
                policy: "ecs-single-eip",
                outcome: "violation",
                resource: "urn:pulumi:test::test::alicloud:ecs/instance:Instance::web",
                involved: ["urn:pulumi:test::test::alicloud:ecs/instance:Instance::web"],
                message: "The first problem.",
                cause: "first-problem",
            },
            {
                policy: "ecs-single-eip",
                outcome: "notice",
                involved: [],
                message: 'The configuration of ecs-single-eip is not valid: ecs-single-eip has no option "maxEips" (it takes exemptions); it was ignored.',
            },
        ]);
    });

    test("a rule that throws keeps what it found and adds an undecided note for the stack", () => {
        const found = runRule(
            fakeRule(() => {
                throw new TypeError("x is undefined");
            }),
            smallModel(),
            {},
            NOW,
        );
        expect(found.map((finding) => finding.outcome)).toEqual(["violation", "undecided"]);
        expect(found[1]).toEqual({
            policy: "ecs-single-eip",
            outcome: "undecided",
            resource: undefined,
            involved: [],
            message:
                "ecs-single-eip could not finish evaluating this stack (TypeError: x is undefined); what it found before that is reported, and nothing else was checked. This is a defect in alicloud-eip-guard; please report it with the stack's resource types.",
            cause: "rule-failed",
        });
    });

    test("whatever is thrown is described", () => {
        const messageOf = (thrown: unknown) =>
            runRule(
                fakeRule(() => {
                    throw thrown;
                }),
                smallModel(),
                {},
                NOW,
            )[1].message;
        expect(messageOf("plain text")).toContain("could not finish evaluating this stack (plain text);");
        expect(messageOf(42)).toContain("could not finish evaluating this stack (42);");
        const unprintable = {
            toString() {
                throw new Error("no");
            },
        };
        expect(messageOf(unprintable)).toContain("could not finish evaluating this stack (an error that could not be described);");
    });

    test("when the exemptions cannot be read the findings are reported as found, with a notice", () => {
        const config = {
            maxEips: 1,
            get exemptions(): unknown {
                throw new RangeError("exemptions are gone");
            },
        };
        const found = runRule(
            fakeRule(() => undefined),
            smallModel(),
            config,
            NOW,
        );
        expect(found.map((finding) => [finding.outcome, finding.message])).toEqual([
            ["violation", "The first problem."],
            ["notice", 'The configuration of ecs-single-eip is not valid: ecs-single-eip has no option "maxEips" (it takes exemptions); it was ignored.'],
            ["notice", "ecs-single-eip could not apply its exemptions (RangeError: exemptions are gone); the violations are reported as found."],
        ]);
        expect(found[2]).toEqual({ policy: "ecs-single-eip", outcome: "notice", involved: [], message: expect.any(String) });
    });

    test("waivers are judged on today's date unless told otherwise", () => {
        const exemptions = (expires: string) => ({ exemptions: [{ resource: "web", reason: "accepted", expires }] });
        expect(
            runRule(
                fakeRule(() => undefined),
                smallModel(),
                exemptions("2999-12-31"),
            )[0].outcome,
        ).toBe("waived");
        expect(
            runRule(
                fakeRule(() => undefined),
                smallModel(),
                exemptions("2000-01-01"),
            )[0].outcome,
        ).toBe("violation");
    });
});

describe("analyze", () => {
    test("runs every rule by default, each with its own entry of the configuration", () => {
        const plan = new Plan("preview");
        const expected = everyViolation(plan);
        const resources = plan.resources();
        const nameOf = (address?: string) => resources.find((resource) => resource.address === address)?.name;
        const found = analyze(resources, { "ecs-single-eip": { exemptions: [{ resource: "es-a", reason: "accepted", expires: "2999-01-01" }] } });
        for (const rule of RULES) {
            const names = (outcome: Finding["outcome"]) => [...new Set(found.filter((f) => f.policy === rule.name && f.outcome === outcome).map((f) => nameOf(f.resource)))].sort();
            // The waiver names one association of the fault; the fault, on the instance, is waived whole.
            const violated = rule.name === "ecs-single-eip" ? [] : [...expected[rule.name]].sort();
            expect({ policy: rule.name, violated: names("violation") }).toEqual({ policy: rule.name, violated });
        }
        expect(found.filter((f) => f.outcome === "waived").map((f) => [f.policy, nameOf(f.resource)])).toEqual([["ecs-single-eip", "es-vm"]]);
    });

    test("runs only the rules it is given", () => {
        const plan = new Plan("preview");
        everyViolation(plan);
        const found = analyze(plan.resources(), {}, [ruleNamed("clb-single-eip")]);
        expect(new Set(found.map((finding) => finding.policy))).toEqual(new Set(["clb-single-eip"]));
        expect(found.filter((finding) => finding.outcome === "violation")).toHaveLength(1);
    });

    test("an empty stack has no findings", () => {
        expect(analyze([])).toEqual([]);
    });
});
