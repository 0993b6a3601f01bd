// How a pack configuration is resolved outside the Pulumi engine (the offline checker): levels,
// options, and the problems a configuration as a whole can have.

import { configProblems, levelOf, optionsOf } from "../../policypack/core/config";
import { RULES } from "../../policypack/core/rules";
import { ruleNamed } from "../support/verdicts";

const ALL_NAMES = RULES.map((rule) => rule.name).join(", ");
const badEntry = (key: string) =>
    `the entry for "${key}" must be a level (advisory, mandatory, disabled, remediate) or an object with enforcementLevel and options; the default level was kept.`;

describe("levelOf", () => {
    const binding = ruleNamed("eip-single-binding");
    const group = ruleNamed("eip-clb-resource-group");

    test("without a usable configuration a policy keeps its own default level", () => {
        for (const config of [undefined, null, "advisory", ["advisory"], {}]) {
            expect(levelOf(binding, config)).toBe("mandatory");
            expect(levelOf(group, config)).toBe("advisory");
        }
    });

    test("`all` may be a level or an object with enforcementLevel", () => {
        expect(levelOf(group, { all: "mandatory" })).toBe("mandatory");
        expect(levelOf(binding, { all: { enforcementLevel: "disabled" } })).toBe("disabled");
        expect(levelOf(binding, { all: "remediate" })).toBe("mandatory");
        expect(levelOf(group, { all: "loud" })).toBe("advisory");
    });

    test("a policy's own entry wins over `all`, unless it is not a level", () => {
        expect(levelOf(binding, { all: "disabled", "eip-single-binding": { enforcementLevel: "advisory" } })).toBe("advisory");
        expect(levelOf(binding, { all: "advisory", "eip-single-binding": "bogus" })).toBe("advisory");
        expect(levelOf(binding, { all: "advisory", "eip-single-binding": { enforcementLevel: 3 } })).toBe("advisory");
        expect(levelOf(binding, { "eip-same-region": "disabled" })).toBe("mandatory");
    });
});

describe("optionsOf", () => {
    const rule = ruleNamed("nat-gateway-eip-limit");

    test("is the policy's entry without its level", () => {
        expect(optionsOf(rule, { "nat-gateway-eip-limit": { enforcementLevel: "advisory", maxEips: 3, exemptions: [] } })).toEqual({ maxEips: 3, exemptions: [] });
        expect(optionsOf(rule, { "nat-gateway-eip-limit": { maxEips: 3 } })).toEqual({ maxEips: 3 });
    });

    test("is empty when the entry is a level, missing, or the configuration is not an object", () => {
        expect(optionsOf(rule, { "nat-gateway-eip-limit": "advisory" })).toEqual({});
        expect(optionsOf(rule, { all: { maxEips: 3 } })).toEqual({});
        expect(optionsOf(rule, undefined)).toEqual({});
        expect(optionsOf(rule, "nat-gateway-eip-limit")).toEqual({});
        expect(optionsOf(rule, { "nat-gateway-eip-limit": ["maxEips"] })).toEqual({});
    });
});

describe("configProblems", () => {
    test("no configuration is no problem", () => {
        expect(configProblems(RULES, undefined)).toEqual([]);
        expect(configProblems(RULES, null)).toEqual([]);
        expect(configProblems(RULES, {})).toEqual([]);
    });

    test("a configuration that is not an object is ignored as a whole", () => {
        for (const config of ["mandatory", 3, ["eip-single-binding"], true]) {
            expect(configProblems(RULES, config)).toEqual(["the configuration must be a JSON object keyed by policy name; it was ignored."]);
        }
    });

    test("good entries: levels, objects with or without a level, and `all`", () => {
        expect(
            configProblems(RULES, {
                all: "advisory",
                "eip-single-binding": "remediate",
                "eip-same-region": { enforcementLevel: "disabled", reportUndecided: false },
                "nat-gateway-eip-limit": { maxEips: 3 },
                "eni-eip-capacity": { enforcementLevel: "mandatory" },
            }),
        ).toEqual([]);
    });

    test("an entry for a name that is not a policy lists the pack's policies", () => {
        expect(configProblems(RULES, { "eip-single-bindings": "mandatory", "ecs-single-eip": "advisory" })).toEqual([
            `"eip-single-bindings" is not a policy of this pack (${ALL_NAMES}); its entry was ignored.`,
        ]);
        expect(configProblems([ruleNamed("havip-single-eip")], { "clb-single-eip": {} })).toEqual([
            '"clb-single-eip" is not a policy of this pack (havip-single-eip); its entry was ignored.',
        ]);
    });

    test.each([
        ["a word that is not a level", "sometimes"],
        ["a number", 2],
        ["a list", ["advisory"]],
        ["null", null],
        ["an object with a level that is not a level", { enforcementLevel: "loud" }],
        ["an object with a level that is not a string", { enforcementLevel: 1 }],
    ])("an entry that is %s keeps the default level", (_case, entry) => {
        expect(configProblems(RULES, { "clb-single-eip": entry })).toEqual([badEntry("clb-single-eip")]);
        expect(configProblems(RULES, { all: entry })).toEqual([badEntry("all")]);
    });

    test("every problem is reported, in the configuration's order", () => {
        expect(configProblems(RULES, { "clb-single-eip": 1, nope: {}, "havip-single-eip": "x" })).toEqual([
            badEntry("clb-single-eip"),
            `"nope" is not a policy of this pack (${ALL_NAMES}); its entry was ignored.`,
            badEntry("havip-single-eip"),
        ]);
    });
});
