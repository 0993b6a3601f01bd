// Parity: each configuration of tools/fixtures/terraform-specs.ts, as Terraform sources (read without
// a plan) and as the plan of the same sources, gets the same verdicts, which are the ones written
// beside the sources. Every policy has a passing and a failing project.

import * as fs from "fs";
import * as path from "path";
import { PolicyName } from "../../../policypack/core/rule";
import { RULES } from "../../../policypack/core/rules";
import { ruleNamed } from "../../support/verdicts";
import { Expected, FIXTURES, readExpected, verdictsOfFile } from "../support";
import { SPECS } from "../../../tools/fixtures/terraform-specs";
import { planOf, stateOf } from "../../../tools/fixtures/terraform-model";
import { sourcesOf } from "../../../tools/fixtures/terraform-sources";

const SOURCES = path.join(FIXTURES, "terraform-src");

/** The generated projects: one per spec, with a plan fixture of the same name. */
const generated = fs
    .readdirSync(SOURCES)
    .filter((name) => fs.existsSync(path.join(FIXTURES, "terraform-plan", `${name}.json`)))
    .sort()
    .map((name) => ({ name, dir: path.join(SOURCES, name), expected: readExpected(path.join(SOURCES, name, "expected.json")) }));

test.each(SPECS.map((spec) => [spec.name, spec] as const))("%s: the plan, the state and the sources on disk are the spec's (npm run fixtures)", (_name, spec) => {
    const json = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    expect(json(path.join(FIXTURES, "terraform-plan", `${spec.name}.json`))).toEqual(JSON.parse(JSON.stringify(planOf(spec))));
    expect(json(path.join(FIXTURES, "terraform-state", `${spec.name}.json`))).toEqual(JSON.parse(JSON.stringify(stateOf(spec))));
    for (const [name, text] of Object.entries(sourcesOf(spec))) {
        expect({ name, text: fs.readFileSync(path.join(SOURCES, spec.name, name), "utf8") }).toEqual({ name, text });
    }
});

test("every spec is written as sources", () => {
    expect(generated.length).toBeGreaterThanOrEqual(2 * RULES.length);
});

test.each(generated.map((project) => [project.name, project] as const))("%s: the sources get the plan's verdicts", (_name, project) => {
    const config = project.expected.policyConfig ?? {};
    const fromSources = verdictsOfFile(project.dir, config);
    expect(fromSources).toEqual(project.expected.verdicts);
    expect(fromSources).toEqual(verdictsOfFile(path.join(FIXTURES, "terraform-plan", `${project.name}.json`), config));
});

test("every policy has a passing and a failing project", () => {
    const failing = (policy: string, expected: Expected) =>
        expected.verdicts.some((verdict) => verdict.policy === policy && verdict.level === ruleNamed(policy as PolicyName).enforcementLevel);
    for (const rule of RULES) {
        const mine = generated.filter((project) => project.name.startsWith(`${rule.name}--`));
        const pass = mine.some((project) => project.name.includes("--pass-") && !project.expected.verdicts.some((verdict) => verdict.policy === rule.name));
        const fail = mine.some((project) => project.name.includes("--fail-") && failing(rule.name, project.expected));
        expect({ policy: rule.name, pass, fail }).toEqual({ policy: rule.name, pass: true, fail: true });
    }
});
