// The registry is the one list of policies: every rule file is in it, nothing else is, and what it
// says matches the reviewed public contract (policies.json). Adding a rule means adding its entry
// to policies.json; nothing else in the tests counts or names policies by hand.

import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../policypack/core/rules";
import { PACK_POLICIES } from "../../policypack/crossguard/policies";
import { CONTRACT, PACK_CONTRACT, PACK_ONLY, contractOfRegistry } from "./contract";

const RULES_DIR = path.join(__dirname, "..", "..", "policypack", "core", "rules");

/** The rule objects a module exports (anything with a name, a check and an enforcement level). */
function rulesExportedBy(file: string): { name: string }[] {
    const exported: Record<string, unknown> = require(path.join(RULES_DIR, file));
    return Object.values(exported).filter(
        (value): value is { name: string } =>
            typeof value === "object" && value !== null && typeof (value as { check?: unknown }).check === "function" && typeof (value as { name?: unknown }).name === "string",
    );
}

const ruleFiles = fs.readdirSync(RULES_DIR).filter((file) => file.endsWith(".ts") && file !== "index.ts");

describe("the rule registry", () => {
    test("every module in core/rules that exports a rule exports exactly one, named after its file", () => {
        const exported = ruleFiles.map((file) => ({ file, names: rulesExportedBy(file).map((rule) => rule.name) }));
        expect(exported.filter(({ names }) => names.length > 1)).toEqual([]);
        expect(exported.filter(({ file, names }) => names.length === 1 && `${names[0]}.ts` !== file)).toEqual([]);
        expect(exported.filter(({ names }) => names.length === 1).length).toBeGreaterThan(0);
    });

    test("RULES lists every rule file once, and nothing else", () => {
        const fromFiles = ruleFiles.filter((file) => rulesExportedBy(file).length > 0).map((file) => file.replace(/\.ts$/, ""));
        const registered = RULES.map((rule) => rule.name);
        expect(new Set(registered).size).toBe(registered.length);
        expect([...registered].sort()).toEqual([...fromFiles].sort());
        for (const rule of RULES) {
            expect(rulesExportedBy(`${rule.name}.ts`)).toContain(rule);
        }
    });

    test("the registry matches the reviewed public contract (test/contract/policies.json), in order", () => {
        const actual = contractOfRegistry();
        if (JSON.stringify(actual) !== JSON.stringify(CONTRACT)) {
            // The message is the new contract, ready to review and paste into policies.json.
            throw new Error(
                `The policies' public contract changed. If that is intended, review it and write it to test/contract/policies.json:\n${JSON.stringify(actual, null, 2)}`,
            );
        }
        expect(actual).toEqual(CONTRACT);
    });

    test("the pack serves the rules, then the policies of test/contract/pack-policies.json, which are no rules", () => {
        expect(PACK_POLICIES.map((policy) => ({ name: policy.name, enforcementLevel: policy.enforcementLevel }))).toEqual(PACK_CONTRACT);
        for (const extra of PACK_ONLY) {
            const policy = PACK_POLICIES.find((candidate) => candidate.name === extra.name)!;
            expect({ name: extra.name, type: "validateResource" in policy ? "resource" : "stack" }).toEqual({ name: extra.name, type: extra.type });
            expect(RULES.map((rule) => rule.name)).not.toContain(extra.name);
        }
    });
});
