// A run's report (report.ts) and the policies on one input (check.ts): exit codes from the findings
// and the unreadable files, the configuration file, and how each finding is reported (level,
// message, resource).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkResources, problemsWith } from "../../policypack/cli/check";
import { ruleNamed } from "../support/verdicts";
import { loadInput } from "../../policypack/cli/detect";
import { InputError } from "../../policypack/cli/input";
import { buildReport, checkFile, readConfig, toolVersion } from "../../policypack/cli/report";
import { FIXTURES, NOW, REPO } from "./support";

const PASSING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--pass-one-eip-per-server.json");
const FAILING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--fail-shared-eip.json");
/** The same plan pretty-printed (`jq .`), one key per line. */
const PRETTY = path.join(FIXTURES, "terraform-plan", "pretty-printed-shared-eip.json");
const ADVISORY = path.join(FIXTURES, "terraform-plan", "eip-clb-resource-group--fail-different-resource-groups.json");
const EMPTY = path.join(FIXTURES, "bad", "empty.json");

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-report-"));
});
afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe("readConfig", () => {
    test("a JSON object", () => {
        const file = path.join(dir, "config.json");
        fs.writeFileSync(file, '{"all": "advisory"}');
        expect(readConfig(file)).toEqual({ all: "advisory" });
    });

    test.each([["[]"], ['"advisory"'], ["null"], ["3"]])("%s is refused as not a configuration", (text) => {
        const file = path.join(dir, "not-an-object.json");
        fs.writeFileSync(file, text);
        let thrown: unknown;
        try {
            readConfig(file);
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toBeInstanceOf(InputError);
        expect((thrown as InputError).message).toBe(
            `${file}: is not a policy pack configuration: it must be a JSON object keyed by policy name, as for \`pulumi preview --policy-pack-config\`.`,
        );
    });
});

describe("toolVersion", () => {
    test("this package's version", () => {
        expect(toolVersion()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
    });
});

describe("checkFile", () => {
    test("a readable file: its format, resource count, findings and notes, and where its resources are", () => {
        const report = checkFile(FAILING, {}, NOW);
        expect({ file: report.file, format: report.format, resourceCount: report.resourceCount, error: report.error, notes: report.notes }).toEqual({
            file: FAILING,
            format: "terraform-plan",
            resourceCount: 8,
            error: undefined,
            notes: [],
        });
        expect(report.findings.map((finding) => `${finding.rule.name} ${finding.outcome} ${finding.level} ${finding.address}`)).toEqual([
            "eip-single-binding violation mandatory alicloud_eip_address.shared-eip",
        ]);
        // terraform show -json prints one line: every resource is on it.
        expect(report.locate("alicloud_eip_association.web-2-eip")).toBe(1);
        const pretty = checkFile(PRETTY, {}, NOW);
        expect(fs.readFileSync(PRETTY, "utf8").split("\n")[pretty.locate("alicloud_eip_association.web-2-eip")! - 1]).toContain('"address": "alicloud_eip_association.web-2-eip"');
    });

    test("an unreadable file: the problem, no findings, nowhere to locate", () => {
        const report = checkFile(EMPTY, {}, NOW);
        expect({ file: report.file, format: report.format, resourceCount: report.resourceCount, error: report.error, findings: report.findings, notes: report.notes }).toEqual({
            file: EMPTY,
            format: undefined,
            resourceCount: undefined,
            error: "is empty. Expected the JSON of a Terraform plan or state, a Pulumi stack export, or a `pulumi preview --json` output.",
            findings: [],
            notes: [],
        });
        expect(report.locate("anything")).toBeUndefined();
    });
});

describe("buildReport", () => {
    test("exit code 0 without violations, or with advisory ones only", () => {
        expect(buildReport([PASSING], {}, undefined, NOW).exitCode).toBe(0);
        expect(buildReport([ADVISORY], {}, undefined, NOW).exitCode).toBe(0);
        expect(buildReport([], {}, undefined, NOW).exitCode).toBe(0);
    });

    test("exit code 1 with a mandatory violation in any file", () => {
        expect(buildReport([PASSING, FAILING], {}, undefined, NOW).exitCode).toBe(1);
        expect(buildReport([FAILING, ADVISORY], {}, undefined, NOW).exitCode).toBe(1);
    });

    test("a violation made advisory by the configuration does not fail", () => {
        expect(buildReport([FAILING], { "eip-single-binding": "advisory" }, undefined, NOW).exitCode).toBe(0);
        expect(buildReport([ADVISORY], { "eip-clb-resource-group": "mandatory" }, undefined, NOW).exitCode).toBe(1);
    });

    test("exit code 2 with an unreadable file, whatever else there is", () => {
        expect(buildReport([FAILING, EMPTY], {}, undefined, NOW).exitCode).toBe(2);
        expect(buildReport([EMPTY, PASSING], {}, undefined, NOW).exitCode).toBe(2);
    });

    test("the tool, the files in order, the configuration file and its problems", () => {
        const report = buildReport([PASSING, EMPTY], { nope: "advisory" }, "policy.json", NOW);
        expect(report.tool).toEqual({ name: "alicloud-eip-guard", version: toolVersion() });
        expect(report.files.map((file) => file.file)).toEqual([PASSING, EMPTY]);
        expect(report.configFile).toBe("policy.json");
        expect(report.configProblems).toEqual([expect.stringMatching(/^"nope" is not a policy of this pack \(eip-single-binding, /)]);
        expect(buildReport([PASSING], {}, undefined, NOW).configFile).toBeUndefined();
        expect(buildReport([PASSING], {}, undefined, NOW).configProblems).toEqual([]);
    });
});

describe("checkResources", () => {
    const resources = () => loadInput(FAILING).resources;

    test("a violation: the policy's level, severity, description and the finding's message, its resource", () => {
        const [first] = checkResources(resources(), {}, NOW);
        const rule = ruleNamed("eip-single-binding");
        expect(first.rule).toBe(rule);
        expect(first.outcome).toBe("violation");
        expect(first.level).toBe("mandatory");
        expect(first.message).toBe(`${rule.description}\n${first.detail}`);
        expect(first.detail).toMatch(/^EIP "alicloud_eip_address\.shared-eip" is bound 2 times/);
        expect(first.address).toBe("alicloud_eip_address.shared-eip");
        expect(first.resource?.type).toBe("alicloud_eip_address");
        expect(first.involved).toEqual(expect.arrayContaining(["alicloud_eip_association.web-1-eip", "alicloud_eip_association.web-2-eip"]));
        expect(first.detail).toContain('\nInvolved: EIP "alicloud_eip_address.shared-eip", EIP association "alicloud_eip_association.web-1-eip", ');
    });

    test("levels from the configuration: advisory, disabled (no findings), remediate as mandatory", () => {
        expect(checkResources(resources(), { "eip-single-binding": "advisory" }, NOW).map((finding) => finding.level)).toEqual(["advisory"]);
        expect(checkResources(resources(), { "eip-single-binding": "disabled" }, NOW)).toEqual([]);
        expect(checkResources(resources(), { all: "disabled" }, NOW)).toEqual([]);
        expect(checkResources(resources(), { "eip-single-binding": "remediate" }, NOW).map((finding) => finding.level)).toEqual(["mandatory"]);
    });

    test("a waived violation is advisory, with the waiver's message alone", () => {
        const config = { "eip-single-binding": { exemptions: [{ resource: "alicloud_eip_association.web-*", reason: "migration window", expires: "2026-12-31" }] } };
        const findings = checkResources(resources(), config, NOW);
        expect(findings.map((finding) => `${finding.outcome} ${finding.level}`)).toEqual(["waived advisory"]);
        for (const finding of findings) {
            expect(finding.message).toBe(finding.detail);
            expect(finding.message).toContain("migration window");
        }
    });

    test("problemsWith: the configuration's problems", () => {
        expect(problemsWith({})).toEqual([]);
        expect(problemsWith({ "eip-single-binding": "sometimes" })).toEqual([expect.stringMatching(/^the entry for "eip-single-binding" must be a level/)]);
    });
});

describe("messages in the words of the input", () => {
    const detail = (file: string) =>
        checkFile(path.join(FIXTURES, file), {}, NOW).findings.find((finding) => finding.rule.name === "ecs-single-eip" && finding.outcome === "violation")?.detail ?? "";

    test("a Terraform plan gets Terraform's names, a Pulumi preview Pulumi's, from one rule text", () => {
        const terraform = detail("terraform-plan/ecs-single-eip--fail-static-public-ip.json");
        expect(terraform).toContain("(internet_max_bandwidth_out is above 0)");
        expect(terraform).not.toContain("internetMaxBandwidthOut");
        const pulumi = detail("pulumi-preview/ecs-single-eip--fail-static-public-ip.json");
        expect(pulumi).toContain("(internetMaxBandwidthOut is above 0)");
        expect(pulumi).not.toContain("internet_max_bandwidth_out");
    });

    test("Terraform sources too", () => {
        expect(detail("terraform-src/ecs-single-eip--fail-static-public-ip")).toContain("Set internet_max_bandwidth_out to 0");
    });
});
