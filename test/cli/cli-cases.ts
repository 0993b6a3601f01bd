// The checker's command-line behaviour, written once and run both through the built command
// (cli.test.ts, as a user runs it) and in-process through `run` (cli-in-process.test.ts, which also
// lets mutation testing see the sources): exit codes, the messages for input it cannot read,
// options and output formats.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FIXTURES, REPO } from "./support";

export interface Outcome {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

export type Runner = (args: string[], options?: { env?: Record<string, string> }) => Outcome;

const plan = (name: string) => path.join(FIXTURES, "terraform-plan", `${name}.json`);
const bad = (name: string) => path.join(FIXTURES, "bad", name);
export const FAILING = plan("eip-single-binding--fail-shared-eip");
export const PASSING = plan("eip-single-binding--pass-one-eip-per-server");

export function cliCases(cli: Runner): void {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-cli-"));
    });
    afterAll(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test("exit code 0: no mandatory violation", () => {
        const { code, stdout, stderr } = cli(["check", PASSING]);
        expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
        expect(stdout).toContain("no violations");
        expect(stdout).toContain("passed");
    });

    test("exit code 1: a mandatory violation, reported per resource with the rule and the fix", () => {
        const { code, stdout } = cli(["check", FAILING]);
        expect(code).toBe(1);
        expect(stdout).toContain("alicloud_eip_association.web-1-eip");
        expect(stdout).toContain("[mandatory] eip-single-binding");
        expect(stdout).toContain("An EIP can be associated with only one cloud resource at a time.");
        expect(stdout).toContain("Fix: Give every resource that needs a public address its own EIP");
        expect(stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour
    });

    test("colour only on request or on a terminal, never with NO_COLOR", () => {
        expect(cli(["check", "--color", FAILING]).stdout).toMatch(/\u001b\[31m/);
        expect(cli(["check", FAILING], { env: { FORCE_COLOR: "1" } }).stdout).toMatch(/\u001b\[/);
        expect(cli(["check", "--no-color", FAILING], { env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
        expect(cli(["check", FAILING], { env: { NO_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
    });

    test("an advisory violation alone exits 0", () => {
        const { code, stdout } = cli(["check", plan("eip-clb-resource-group--fail-different-resource-groups")]);
        expect(code).toBe(0);
        expect(stdout).toContain("1 advisory violation");
    });

    test("--config takes the --policy-pack-config JSON: levels (and `all`) and options", () => {
        const write = (name: string, value: unknown) => {
            const file = path.join(dir, name);
            fs.writeFileSync(file, JSON.stringify(value));
            return file;
        };
        expect(cli(["check", "--config", write("advisory.json", { "eip-single-binding": "advisory" }), FAILING]).code).toBe(0);
        expect(cli(["check", "--config", write("disabled.json", { "eip-single-binding": { enforcementLevel: "disabled" } }), FAILING]).stdout).not.toContain(
            "] eip-single-binding",
        );
        expect(cli(["check", "--config", write("all.json", { all: "advisory" }), FAILING]).code).toBe(0);
        const raised = plan("nat-gateway-eip-limit--fail-twenty-one-eips-count");
        expect(cli(["check", raised]).code).toBe(1);
        expect(cli(["check", "--config", write("quota.json", { "nat-gateway-eip-limit": { maxEips: 25 } }), raised]).code).toBe(0);
        const unknown = cli(["check", "--config", write("typo.json", { "eip-single-bindings": "advisory" }), FAILING]);
        expect(unknown.code).toBe(1);
        expect(unknown.stdout).toContain('"eip-single-bindings" is not a policy of this pack');
    });

    test("waivers in the configuration are judged on ALICLOUD_EIP_GUARD_DATE, as in the pack", () => {
        const config = path.join(dir, "waiver.json");
        fs.writeFileSync(
            config,
            JSON.stringify({ "eip-single-binding": { exemptions: [{ resource: "alicloud_eip_association.web-*", reason: "migration window", expires: "2026-12-31" }] } }),
        );
        const waived = cli(["check", "--config", config, FAILING]);
        expect(waived.code).toBe(0);
        expect(waived.stdout).toContain("[waived] eip-single-binding");
        const expired = cli(["check", "--config", config, FAILING], { env: { ALICLOUD_EIP_GUARD_DATE: "2027-02-01" } });
        expect(expired.code).toBe(1);
    });

    test("several files", () => {
        const both = cli(["check", PASSING, FAILING]);
        expect(both.code).toBe(1);
        expect(both.stdout).toContain("in 2 files");
    });

    describe("exit code 2: input that cannot be checked, named with what is wrong, without a stack trace", () => {
        test.each([
            ["a truncated file", bad("truncated-plan.json"), /truncated-plan\.json: is not complete JSON: it ends in the middle of a value at line \d+\. The file is truncated/],
            ["an empty file", bad("empty.json"), /empty\.json: is empty\./],
            [
                "an unknown format_version",
                bad("future-format-version.json"),
                /future-format-version\.json: is a Terraform plan with format_version "2\.0", which this checker does not know/,
            ],
            ["an unknown deployment version", bad("export-version-4.json"), /export-version-4\.json: is a Pulumi stack export of deployment version 4/],
            ["JSON of another kind", bad("other-json.json"), /other-json\.json: is JSON, but not a format this checker reads/],
            ["the streamed log of terraform plan -json", bad("streamed-plan-log.json"), /streamed-plan-log\.json: is the streamed log of `terraform plan -json`/],
            ["a binary plan file", bad("binary-plan.tfplan"), /binary-plan\.tfplan: is a binary Terraform plan file/],
            ["a directory", path.join(FIXTURES, "bad"), /bad: is a directory, not a file/],
            ["a missing file", path.join(FIXTURES, "no-such-plan.json"), /no-such-plan\.json: does not exist\./],
        ])("%s", (_case, file, message) => {
            const { code, stdout, stderr } = cli(["check", file]);
            expect(code).toBe(2);
            expect(stderr).toMatch(message);
            expect(stdout + stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        });

        test("one unreadable file among good ones still exits 2, and the others are reported", () => {
            const { code, stdout } = cli(["check", FAILING, bad("empty.json")]);
            expect(code).toBe(2);
            expect(stdout).toContain("[mandatory] eip-single-binding");
        });

        test("JSON with a syntax error names the line and column", () => {
            const file = path.join(dir, "syntax.json");
            fs.writeFileSync(file, '{\n  "format_version": "1.2",,\n}\n');
            const { code, stderr } = cli(["check", file]);
            expect(code).toBe(2);
            expect(stderr).toMatch(/syntax\.json: is not valid JSON \(line 2, column \d+\)/);
        });

        test.each([
            ["no file", ["check"], /no input file/],
            ["an unknown option", ["check", "--fast", PASSING], /unknown option --fast/],
            ["an unknown format", ["check", "--format", "xml", PASSING], /--format must be text, json, sarif, junit or markdown/],
            ["an unknown command", ["lint", PASSING], /unknown command "lint"/],
            ["a configuration that is not JSON", ["check", "--config", bad("truncated-plan.json"), PASSING], /the configuration .*truncated-plan\.json: is not complete JSON/],
            ["a missing configuration", ["check", "--config", path.join(FIXTURES, "none.json"), PASSING], /none\.json: does not exist/],
        ])("%s", (_case, args, message) => {
            const { code, stderr } = cli(args);
            expect(code).toBe(2);
            expect(stderr).toMatch(message);
        });
    });

    test("--format json: every finding with its file, policy, level, resource and message", () => {
        const { code, stdout } = cli(["check", "--format", "json", FAILING]);
        expect(code).toBe(1);
        const report = JSON.parse(stdout);
        expect(report.exitCode).toBe(1);
        expect(report.files).toEqual([{ file: FAILING, format: "terraform-plan", resources: 8, error: null, notes: [] }]);
        expect(report.summary).toEqual({ mandatory: 1, advisory: 0, notes: 0, unreadableFiles: 0 });
        const finding = report.findings[0];
        expect(finding).toMatchObject({ policy: "eip-single-binding", outcome: "violation", level: "mandatory", severity: "high" });
        expect(finding.resource).toMatchObject({ address: "alicloud_eip_address.shared-eip", type: "alicloud_eip_address" });
        // One fault, on the EIP bound twice, with every resource it involves.
        expect(finding.involved).toEqual([
            "alicloud_eip_address.shared-eip",
            "alicloud_eip_association.web-1-eip",
            "alicloud_instance.web-1",
            "alicloud_eip_association.web-2-eip",
            "alicloud_instance.web-2",
        ]);
        // The plan is one line, as terraform show -json prints it (--tf-root points findings at .tf lines).
        expect(finding.resource.line).toBe(1);
        expect(finding.message.startsWith("An EIP can be associated with only one cloud resource at a time.\n")).toBe(true);
    });

    test("--output writes the report to a file", () => {
        const out = path.join(dir, "report.sarif");
        const { code, stdout } = cli(["check", "--format", "sarif", "--output", out, FAILING]);
        expect(code).toBe(1);
        expect(stdout).toBe("");
        expect(JSON.parse(fs.readFileSync(out, "utf8")).version).toBe("2.1.0");
    });

    test("--help and --version", () => {
        expect(cli(["--help"]).stdout).toContain("Usage: alicloud-eip-guard check");
        expect(cli(["--version"]).stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
    });
}
