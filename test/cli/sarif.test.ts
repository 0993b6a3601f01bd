// SARIF output validated against the official SARIF 2.1.0 JSON schema (the OASIS schema as
// SchemaStore publishes it, shipped by the `schemastore` package) with ajv: one rule per policy with
// its help text, results located in the input file and at the resource address or URN.

import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as path from "path";
import { renderSarif } from "../../policypack/cli/output/sarif";
import { buildReport } from "../../policypack/cli/report";
import { RULES } from "../../policypack/core/rules";
import { FIXTURES, NOW, REPO } from "./support";

const schema = JSON.parse(fs.readFileSync(require.resolve("schemastore/schemas/json/sarif-2.1.0.json"), "utf8"));

// Compiled on first use: the schema is large, and a run that selects none of these tests (mutation
// testing runs only the tests that cover a mutant) should not pay for it.
let compiled: ValidateFunction | undefined;
function validate(log: unknown): boolean {
    if (compiled === undefined) {
        // The schema's language pattern is a JavaScript regular expression only without the `u` flag.
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        compiled = ajv.compile(schema);
    }
    return compiled(log);
}

function sarifOf(files: string[], config: unknown = {}) {
    const report = buildReport(files, config, undefined, NOW);
    return JSON.parse(renderSarif(report, config, REPO));
}

function expectValid(log: unknown) {
    const ok = validate(log);
    expect(ok ? [] : compiled?.errors).toEqual([]);
}

test("the schema is the official SARIF 2.1.0 schema", () => {
    expect(schema.$id).toBe("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json");
    expect(schema.properties.version.enum).toEqual(["2.1.0"]);
});

test("a run over every front end, with violations, notes, waivers and an unreadable file, is valid SARIF 2.1.0", () => {
    const files = [
        path.join(FIXTURES, "terraform-plan", "modules-aliases-for-each.json"),
        path.join(FIXTURES, "terraform-state", "clb-single-eip--fail-two-eips-on-clb.json"),
        path.join(FIXTURES, "pulumi-preview", "eip-clb-resource-group--fail-different-resource-groups.json"),
        path.join(FIXTURES, "pulumi-export", "secrets-references-pending-delete.json"),
        path.join(FIXTURES, "bad", "truncated-plan.json"),
    ].map((file) => path.relative(REPO, file));
    const config = {
        "ecs-single-eip": { exemptions: [{ resource: "alicloud_eip_association.extra", reason: "moving the address", expires: "2026-12-31" }] },
        "no-such-policy": "advisory",
    };
    const log = sarifOf(files, config);
    expectValid(log);
    const run = log.runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/truncated-plan\.json: is not complete JSON/);
    expect(run.invocations[0].toolConfigurationNotifications[0].message.text).toMatch(/"no-such-policy" is not a policy/);
    const levels = new Set(run.results.map((result: { level: string }) => result.level));
    expect([...levels].sort()).toEqual(["error", "note", "warning"]);
    expect(run.results.some((result: { suppressions?: unknown[] }) => result.suppressions?.length === 1)).toBe(true);
});

test("one rule per policy, with its description, FAQ, help text and level", () => {
    const log = sarifOf([path.join("test", "fixtures", "terraform-plan", "eip-single-binding--fail-shared-eip.json")], { "eip-dnat-conflict": "disabled" });
    expectValid(log);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.name));
    for (const [index, rule] of RULES.entries()) {
        expect(rules[index].shortDescription.text).toBe(rule.description);
        expect(rules[index].fullDescription.text).toBe(rule.faq);
        expect(rules[index].help.text).toContain(rule.remediationSteps);
        expect(rules[index].helpUri).toMatch(new RegExp(`docs/policies\\.md#${rule.name}$`));
    }
    const level = (id: string) => rules.find((rule: { id: string }) => rule.id === id).defaultConfiguration;
    expect(level("eip-single-binding")).toEqual({ enabled: true, level: "error" });
    expect(level("eip-clb-resource-group")).toEqual({ enabled: true, level: "warning" });
    expect(level("eip-dnat-conflict")).toEqual({ enabled: false, level: "none" });
});

test("results are located in the input file, on the line of the resource, and at its address or URN; the other resources of the fault are related locations", () => {
    // A plan pretty-printed (`terraform show -json tfplan | jq .`): each resource on its own line.
    const terraform = sarifOf([path.join("test", "fixtures", "terraform-plan", "pretty-printed-shared-eip.json")]).runs[0];
    expect(terraform.results).toHaveLength(1);
    const result = terraform.results.find(
        (candidate: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) =>
            candidate.locations[0].logicalLocations[0].fullyQualifiedName === "alicloud_eip_address.shared-eip",
    );
    expect(result.ruleId).toBe("eip-single-binding");
    expect(result.level).toBe("error");
    const physical = result.locations[0].physicalLocation;
    expect(physical.artifactLocation.uri).toBe("test/fixtures/terraform-plan/pretty-printed-shared-eip.json");
    const lines = fs.readFileSync(path.join(REPO, physical.artifactLocation.uri), "utf8").split("\n");
    expect(lines[physical.region.startLine - 1]).toContain('"address": "alicloud_eip_address.shared-eip"');
    const related = result.relatedLocations as {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        logicalLocations: { fullyQualifiedName: string }[];
    }[];
    expect(related.map((entry) => entry.logicalLocations[0].fullyQualifiedName)).toEqual([
        "alicloud_eip_association.web-1-eip",
        "alicloud_instance.web-1",
        "alicloud_eip_association.web-2-eip",
        "alicloud_instance.web-2",
    ]);
    for (const entry of related) {
        expect(entry.physicalLocation.artifactLocation.uri).toBe(physical.artifactLocation.uri);
        expect(lines[entry.physicalLocation.region.startLine - 1]).toContain(`"address": "${entry.logicalLocations[0].fullyQualifiedName}"`);
    }
    expect(result.partialFingerprints["alicloudEipGuard/v1"]).toMatch(/^[0-9a-f]{64}$/);

    const pulumi = sarifOf([path.join("test", "fixtures", "pulumi-preview", "clb-single-eip--fail-two-eips-on-clb.json")]).runs[0];
    const urn = pulumi.results[0].locations[0].logicalLocations[0].fullyQualifiedName;
    expect(urn).toMatch(/^urn:pulumi:dev::.+::alicloud:slb\/applicationLoadBalancer:ApplicationLoadBalancer::api-clb$/);
    const line = fs.readFileSync(path.join(FIXTURES, "pulumi-preview", "clb-single-eip--fail-two-eips-on-clb.json"), "utf8").split("\n")[
        pulumi.results[0].locations[0].physicalLocation.region.startLine - 1
    ];
    expect(line).toContain(JSON.stringify(urn));
});

test("Terraform sources: results in the .tf files, related locations, in-source suppressions, and a plan located with --tf-root, all valid SARIF 2.1.0", () => {
    const sources = path.join("test", "fixtures", "terraform-src");
    const report = buildReport(
        [path.join(sources, "aliases-for-each"), path.join(sources, "suppressions"), path.join("test", "fixtures", "terraform-plan", "modules-aliases-for-each.json")],
        {},
        undefined,
        NOW,
        {
            tfRoot: path.join(sources, "modules-aliases-for-each"),
        },
    );
    const log = JSON.parse(renderSarif(report, {}, REPO));
    expectValid(log);
    const results = log.runs[0].results;
    expect(
        results.every((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
            /\.tf$/.test(result.locations[0].physicalLocation.artifactLocation.uri),
        ),
    ).toBe(true);
    expect(results.some((result: { relatedLocations?: unknown[] }) => (result.relatedLocations?.length ?? 0) > 0)).toBe(true);
    expect(results.filter((result: { suppressions?: { kind: string }[] }) => result.suppressions?.[0].kind === "inSource")).toHaveLength(1);
});
