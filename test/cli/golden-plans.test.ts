// @out-of-process
// The Terraform fixtures held to the format Terraform documents and models, so that the plan and
// state readers are not tested only against this project's idea of `terraform show -json`:
//
// - the shape the JSON Output Format documentation describes
//   (https://developer.hashicorp.com/terraform/internals/json-format), checked here rule by rule;
// - HashiCorp's own Go types for the format (github.com/hashicorp/terraform-json, pinned in
//   tools/tfjson/go.mod): every fixture must decode into them with no key they do not know and a
//   format version they accept. That check needs the go command; without it the test is skipped
//   with a note, except in CI (CI=true), where it fails.

import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isRecord } from "../../policypack/core/values";
import { FIXTURES, REPO, fixturesIn } from "./support";

const PLANS = fixturesIn("terraform-plan");
const STATES = fixturesIn("terraform-state");
/** The fixtures written by `npm run fixtures` (tools/fixtures/), named after the policy they test. */
const generated = (fixtures: typeof PLANS) => fixtures.filter((fixture) => fixture.name.includes("--"));

type Json = Record<string, unknown>;
const read = (file: string): Json => JSON.parse(fs.readFileSync(file, "utf8")) as Json;
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** "Change actions": the combinations the documentation lists for resource_changes[].change.actions. */
const ACTIONS = new Set(['["no-op"]', '["create"]', '["read"]', '["update"]', '["delete","create"]', '["create","delete"]', '["delete"]', '["forget"]']);

/** Documented problems with a plan's shape; empty when it has none. */
function planProblems(plan: Json): string[] {
    const problems: string[] = [];
    if (typeof plan.format_version !== "string" || !/^1\.\d+$/.test(plan.format_version)) {
        problems.push(`format_version ${String(plan.format_version)} is not a 1.x version`);
    }
    const plannedValues = isRecord(plan.planned_values) && isRecord(plan.planned_values.root_module) ? plan.planned_values.root_module : undefined;
    if (plannedValues === undefined) {
        problems.push("no planned_values.root_module");
    }
    const planned = new Set<string>();
    for (const resource of records(plannedValues?.resources)) {
        for (const key of ["address", "mode", "type", "name", "provider_name", "schema_version", "values", "sensitive_values"]) {
            if (!(key in resource)) {
                problems.push(`planned_values resource ${String(resource.address)} has no ${key}`);
            }
        }
        planned.add(String(resource.address));
    }
    const changed = new Set<string>();
    for (const change of records(plan.resource_changes)) {
        const address = String(change.address);
        for (const key of ["address", "mode", "type", "name", "provider_name", "change"]) {
            if (!(key in change)) {
                problems.push(`resource_changes ${address} has no ${key}`);
            }
        }
        const body = isRecord(change.change) ? change.change : {};
        for (const key of ["actions", "before", "after", "after_unknown", "before_sensitive", "after_sensitive"]) {
            if (!(key in body)) {
                problems.push(`resource_changes ${address}: change has no ${key}`);
            }
        }
        if (!ACTIONS.has(JSON.stringify(body.actions))) {
            problems.push(`resource_changes ${address}: actions ${JSON.stringify(body.actions)} is not a documented combination`);
        }
        // after_unknown marks the values known only after apply; the plan gives no value for them in after.
        if (isRecord(body.after_unknown) && isRecord(body.after)) {
            for (const [key, unknown] of Object.entries(body.after_unknown)) {
                if (unknown === true && body.after[key] !== undefined && body.after[key] !== null) {
                    problems.push(`resource_changes ${address}: ${key} is both known in after and unknown in after_unknown`);
                }
            }
        }
        if (JSON.stringify(body.actions) !== '["delete"]') {
            changed.add(address);
        }
    }
    for (const address of changed) {
        if (!planned.has(address)) {
            problems.push(`${address} is changed but not in planned_values`);
        }
    }
    for (const address of planned) {
        if (!changed.has(address)) {
            problems.push(`${address} is in planned_values but has no resource_changes entry`);
        }
    }
    const configuration = isRecord(plan.configuration) && isRecord(plan.configuration.root_module) ? plan.configuration.root_module : undefined;
    if (configuration === undefined) {
        problems.push("no configuration.root_module");
    }
    const configured = new Set(records(configuration?.resources).map((resource) => String(resource.address)));
    for (const resource of records(configuration?.resources)) {
        for (const key of ["address", "mode", "type", "name", "provider_config_key", "expressions", "schema_version"]) {
            if (!(key in resource)) {
                problems.push(`configuration resource ${String(resource.address)} has no ${key}`);
            }
        }
        problems.push(...referenceProblems(String(resource.address), resource.expressions));
    }
    for (const address of changed) {
        // Configuration addresses name resource blocks: no instance key.
        const block = address.replace(/\[[^\]]*\]$/, "");
        if (!address.startsWith("module.") && !configured.has(block)) {
            problems.push(`${address} has no resource block ${block} in configuration.root_module`);
        }
    }
    return problems;
}

/**
 * "Multi-step references will be unwrapped and duplicated for each significant traversal step": a
 * reference to a resource's attribute comes with the resource's own address after it.
 */
function referenceProblems(where: string, expressions: unknown): string[] {
    if (Array.isArray(expressions)) {
        return expressions.flatMap((element) => referenceProblems(where, element));
    }
    if (!isRecord(expressions)) {
        return [];
    }
    if (Array.isArray(expressions.references)) {
        const references = expressions.references.map(String);
        return references
            .filter((reference) => /^(data\.)?[a-z0-9]+_[a-z0-9_]+\.[^.[]+(\[[^\]]+\])?\.[a-z_]/.test(reference))
            .filter((reference) => !references.includes(reference.replace(/\.[a-z_][a-z0-9_]*$/, "")))
            .map((reference) => `${where}: reference ${reference} is not unwrapped to its resource`);
    }
    return Object.values(expressions).flatMap((value) => referenceProblems(where, value));
}

function stateProblems(state: Json): string[] {
    const problems: string[] = [];
    if (typeof state.format_version !== "string" || !/^1\.\d+$/.test(state.format_version)) {
        problems.push(`format_version ${String(state.format_version)} is not a 1.x version`);
    }
    const root = isRecord(state.values) && isRecord(state.values.root_module) ? state.values.root_module : undefined;
    if (root === undefined) {
        problems.push("no values.root_module");
    }
    for (const resource of records(root?.resources)) {
        for (const key of ["address", "mode", "type", "name", "provider_name", "schema_version", "values", "sensitive_values"]) {
            if (!(key in resource)) {
                problems.push(`values resource ${String(resource.address)} has no ${key}`);
            }
        }
    }
    return problems;
}

describe("the shape the JSON Output Format documentation describes", () => {
    test.each(generated(PLANS).map((fixture) => [fixture.name, fixture.file] as const))("plan %s", (_name, file) => {
        const text = fs.readFileSync(file, "utf8");
        // terraform show -json writes one line.
        expect(text.indexOf("\n")).toBe(text.length - 1);
        expect(planProblems(read(file))).toEqual([]);
    });

    test.each(generated(STATES).map((fixture) => [fixture.name, fixture.file] as const))("state %s", (_name, file) => {
        const text = fs.readFileSync(file, "utf8");
        expect(text.indexOf("\n")).toBe(text.length - 1);
        expect(stateProblems(read(file))).toEqual([]);
    });

    test("the checks find what breaks the documented shape", () => {
        const plan = read(generated(PLANS)[0].file);
        const changes = records(plan.resource_changes);
        const first = changes[0];
        const broken = {
            ...plan,
            format_version: "2.0",
            resource_changes: [{ ...first, change: { ...(first.change as Json), actions: ["replace"], after_unknown: { id: true }, after: { id: "known" } } }, ...changes.slice(1)],
            configuration: {
                root_module: { resources: [{ address: "alicloud_eip_association.a", expressions: { allocation_id: { references: ["alicloud_eip_address.ip.id"] } } }] },
            },
        };
        const problems = planProblems(broken).join("\n");
        expect(problems).toMatch(/format_version 2\.0 is not a 1\.x version/);
        expect(problems).toMatch(/actions \["replace"\] is not a documented combination/);
        expect(problems).toMatch(/id is both known in after and unknown in after_unknown/);
        expect(problems).toMatch(/configuration resource alicloud_eip_association\.a has no provider_config_key/);
        expect(problems).toMatch(/reference alicloud_eip_address\.ip\.id is not unwrapped to its resource/);
        expect(problems).toMatch(/has no resource block .* in configuration\.root_module/);
        expect(stateProblems({ format_version: "1.0", values: { root_module: { resources: [{ address: "x" }] } } })).toContain("values resource x has no provider_name");
    });
});

/** Builds tools/tfjson once; undefined when the go command is missing outside CI. */
function buildChecker(): string | undefined {
    const go = spawnSync("go", ["version"], { encoding: "utf8" });
    if (go.status !== 0) {
        if ((process.env.CI ?? "") !== "" && process.env.CI !== "false") {
            throw new Error("CI needs the go command for the terraform-json check of the fixtures");
        }
        return undefined;
    }
    const bin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-tfjson-")), "tfjson");
    execFileSync("go", ["build", "-o", bin, "."], { cwd: path.join(REPO, "tools", "tfjson"), stdio: "pipe", timeout: 300_000 });
    return bin;
}

describe("HashiCorp's Go types for the format (terraform-json)", () => {
    let checker: string | undefined;
    beforeAll(() => {
        checker = buildChecker();
        if (checker === undefined) {
            console.warn("skipping the terraform-json check of the fixtures: the go command is not installed");
        }
    }, 300_000);

    const problemsOf = (files: readonly string[]): Record<string, string[]> => {
        const lines = execFileSync(checker!, files, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
            .trim()
            .split("\n");
        return Object.fromEntries(
            lines.map((line) => JSON.parse(line) as { file: string; problems: string[] }).map((result) => [path.relative(FIXTURES, result.file), result.problems]),
        );
    };

    test("every plan and state fixture decodes with no key and no version terraform-json does not know", () => {
        if (checker === undefined) {
            return;
        }
        const files = [...PLANS, ...STATES].map((fixture) => fixture.file);
        const problems = problemsOf(files);
        expect(Object.keys(problems)).toHaveLength(files.length);
        expect(Object.entries(problems).filter(([, found]) => found.length > 0)).toEqual([]);
    });

    test("and the check fails a plan with a misspelt key or an unsupported version", () => {
        if (checker === undefined) {
            return;
        }
        const plan = read(generated(PLANS)[0].file);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-tfjson-"));
        const misspelt = path.join(dir, "misspelt.json");
        const changes = records(plan.resource_changes);
        fs.writeFileSync(misspelt, JSON.stringify({ ...plan, resource_changes: [{ ...changes[0], change: { ...(changes[0].change as Json), after_unknwon: { id: true } } }] }));
        const future = path.join(dir, "future.json");
        fs.writeFileSync(future, JSON.stringify({ ...plan, format_version: "2.0" }));
        const lines = execFileSync(checker, [misspelt, future], { encoding: "utf8" }).trim().split("\n");
        const [first, second] = lines.map((line) => JSON.parse(line) as { problems: string[] });
        expect(first.problems).toEqual(["/resource_changes[0]/change/after_unknwon: terraform-json has no such key"]);
        expect(second.problems.join("\n")).toMatch(/unsupported plan format version/);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
