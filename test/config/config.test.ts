// The configuration contract: every option is in its policy's configSchema with types, bounds and
// defaults, so a JSON-schema validation (what `pulumi policy validate-config` does) accepts good
// files and rejects bad ones, and the documented example file is good.

import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { levelOf, optionsOf } from "../../policypack/core/config";
import { RULES } from "../../policypack/core/rules";
import { configSchemaOf } from "../../policypack/crossguard/policies";
import { INVALID_CONFIGS } from "../support/invalid-configs";

const example = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policy-config.example.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });

// One validator per policy, compiled on first use (compiling is most of these tests' time).
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorOf(rule: (typeof RULES)[number]): ReturnType<typeof ajv.compile> {
    let check = validators.get(rule.name);
    if (check === undefined) {
        const schema = configSchemaOf(rule);
        check = ajv.compile({ type: "object", properties: schema.properties, required: schema.required ?? [] });
        validators.set(rule.name, check);
    }
    return check;
}

function validate(config: Record<string, unknown>): string[] {
    const errors: string[] = [];
    for (const rule of RULES) {
        const check = validatorOf(rule);
        if (!check(optionsOf(rule, config))) {
            errors.push(...(check.errors ?? []).map((e) => `${rule.name}${e.instancePath} ${e.message}`));
        }
    }
    return errors;
}

test("the example policy-config.json is valid and configures every policy", () => {
    expect(validate(example)).toEqual([]);
    expect(Object.keys(example).sort()).toEqual(RULES.map((rule) => rule.name).sort());
    expect(
        levelOf(
            RULES.find((r) => r.name === "eip-clb-resource-group")!,
            example,
        ),
    ).toBe("advisory");
    expect(
        optionsOf(
            RULES.find((r) => r.name === "nat-gateway-eip-limit")!,
            example,
        ),
    ).toEqual({ maxEips: 50 });
});

test("every option has a type, a default, and bounds where it is a number", () => {
    for (const rule of RULES) {
        for (const [key, property] of Object.entries(configSchemaOf(rule).properties)) {
            expect({ policy: rule.name, key, type: typeof property.type }).toEqual({ policy: rule.name, key, type: "string" });
            expect(property).toHaveProperty("default");
            if (property.type === "integer") {
                expect(property).toHaveProperty("minimum");
                expect(property).toHaveProperty("maximum");
            }
        }
    }
});

test.each(INVALID_CONFIGS)("the schema rejects %s", (_case, config) => {
    expect(validate(config).length).toBeGreaterThan(0);
});

test("levels resolve the way the engine resolves them: own entry, then all, then the default", () => {
    const rule = RULES.find((r) => r.name === "eip-single-binding")!;
    expect(levelOf(rule, {})).toBe("mandatory");
    expect(levelOf(rule, { all: "advisory" })).toBe("advisory");
    expect(levelOf(rule, { all: "advisory", "eip-single-binding": "disabled" })).toBe("disabled");
    expect(levelOf(rule, { "eip-single-binding": { enforcementLevel: "remediate" } })).toBe("mandatory");
    expect(levelOf(rule, { "eip-single-binding": { maxEips: 3 } })).toBe("mandatory");
    expect(levelOf(rule, { "eip-single-binding": "sometimes" })).toBe("mandatory");
});
