// The checker's options of issue 12, in-process: a preview without --show-sames fails unless
// --allow-partial-preview accepts it; --strict-config; --policy / --skip-policy; a file of another
// cloud only, and .tf text given where JSON is expected.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../policypack/cli/run";
import { closest } from "../../policypack/cli/suggest";
import { RULES } from "../../policypack/core/rules";
import { FIXTURES, NOW, REPO } from "./support";

const FAILING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--fail-shared-eip.json");
const PASSING_PREVIEW = path.join(FIXTURES, "pulumi-preview", "eip-single-binding--pass-one-eip-per-server.json");
const AWS_PLAN = path.join(FIXTURES, "bad", "aws-plan.json");

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
    let stdout = "";
    let stderr = "";
    const code = run(args, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        isTTY: false,
        env: { ALICLOUD_EIP_GUARD_DATE: NOW.toISOString() },
        cwd: REPO,
    });
    return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-flags-"));
});
afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return file;
}

interface JsonReport {
    files: { file: string; notes: string[]; checked?: boolean }[];
    findings: { policy: string; outcome: string; level: string; involved: string[] }[];
    configProblems: string[];
    skippedPolicies?: string[];
    exitCode: number;
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe("a preview without --show-sames fails closed", () => {
    /** The passing preview as `pulumi preview --json` writes it without --show-sames, 3 resources left unchanged. */
    const partial = () => {
        const doc = JSON.parse(fs.readFileSync(PASSING_PREVIEW, "utf8")) as { changeSummary: Record<string, number> };
        return write("partial-preview.json", { ...doc, changeSummary: { ...doc.changeSummary, same: 3 } });
    };

    test("the whole preview passes; the same preview missing unchanged resources fails, in text, JSON and SARIF", () => {
        expect(cli(["check", PASSING_PREVIEW]).code).toBe(0);
        const file = partial();
        const text = cli(["check", file]);
        expect(text.code).toBe(1);
        expect(text.stdout).toContain("x [mandatory] complete-input");
        expect(text.stdout).toContain("the 3 it leaves as they are are not in it");
        expect(text.stdout).toContain("pass --allow-partial-preview");
        expect(text.stdout).toContain("Fix: Take the preview with `pulumi preview --json --show-sames`");
        const report = json(cli(["check", "--format", "json", file]).stdout);
        expect(report.exitCode).toBe(1);
        expect(report.findings.filter((finding) => finding.policy === "complete-input")).toEqual([
            expect.objectContaining({ outcome: "violation", level: "mandatory", involved: [] }),
        ]);
        expect(report.files[0].notes).toEqual([]);
        const sarif = JSON.parse(cli(["check", "--format", "sarif", file]).stdout) as {
            runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string }[] }[];
        };
        const [result] = sarif.runs[0].results.filter((entry) => entry.ruleId === "complete-input");
        expect(result.level).toBe("error");
        expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe("complete-input");
    });

    test("--allow-partial-preview: a note, and the exit code follows the violations", () => {
        const accepted = cli(["check", "--allow-partial-preview", "--format", "json", partial()]);
        expect(accepted.code).toBe(0);
        const report = json(accepted.stdout);
        expect(report.findings.map((finding) => finding.policy)).not.toContain("complete-input");
        expect(report.files[0].notes).toEqual([expect.stringContaining("Run `pulumi preview --json --show-sames` to check the whole stack.")]);
    });
});

describe("--strict-config and what a configuration gets ignored", () => {
    const typos = () => write("typos.json", { "eip-single-bindng": "advisory", "ecs-single-eip": "mandatry", "nat-gateway-eip-limit": { maxEip: 25 } });

    test("did you mean: the closest name when it is within a typo's reach, nothing otherwise", () => {
        expect(closest("eip-single-bindng", ["eip-single-binding", "ecs-single-eip"])).toBe("eip-single-binding");
        expect(closest("mandatry", ["advisory", "mandatory", "disabled"])).toBe("mandatory");
        expect(closest("something-else", ["eip-single-binding"])).toBeUndefined();
    });

    test("with --strict-config: exit 2 before anything is read, one line per problem with a hint", () => {
        const { code, stdout, stderr } = cli(["check", "--strict-config", "--config", typos(), FAILING]);
        expect(code).toBe(2);
        expect(stdout).toBe("");
        const lines = stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(4);
        expect(lines[0]).toMatch(/configuration .*typos\.json: "eip-single-bindng" is not a policy of this pack .* Did you mean "eip-single-binding"\?$/);
        expect(lines[1]).toMatch(/the entry for "ecs-single-eip" must be a level .* Did you mean "mandatory"\?$/);
        expect(lines[2]).toMatch(/nat-gateway-eip-limit has no option "maxEip" .*; it was ignored\. Did you mean "maxEips"\?$/);
        expect(lines[3]).toBe("alicloud-eip-guard: --strict-config: the configuration has 3 problems; nothing was checked.");
    });

    test("with --strict-config, a clean configuration checks as usual", () => {
        expect(cli(["check", "--strict-config", "--config", write("fine.json", { "eip-single-binding": "advisory" }), FAILING]).code).toBe(0);
        expect(cli(["check", "--strict-config", FAILING]).code).toBe(1);
    });

    test("without it, the report names each ignored item on a line of its own: text, JSON, SARIF", () => {
        const config = typos();
        const text = cli(["check", "--config", config, FAILING]);
        expect(text.code).toBe(1);
        const configLines = text.stdout.split("\n").filter((line) => line.startsWith("config "));
        expect(configLines).toHaveLength(3);
        expect(configLines.every((line) => /ignored|kept|used/.test(line))).toBe(true);
        const report = json(cli(["check", "--format", "json", "--config", config, FAILING]).stdout);
        expect(report.configProblems).toHaveLength(3);
        expect(report.configProblems[2]).toContain('Did you mean "maxEips"?');
        const sarif = JSON.parse(cli(["check", "--format", "sarif", "--config", config, FAILING]).stdout) as {
            runs: { invocations: { toolConfigurationNotifications: { message: { text: string } }[] }[] }[];
        };
        expect(sarif.runs[0].invocations[0].toolConfigurationNotifications.map((entry) => entry.message.text)).toEqual(report.configProblems);
    });
});

describe("--policy and --skip-policy", () => {
    test("--skip-policy: the policy neither runs nor is listed as passed", () => {
        const skipped = cli(["check", "--skip-policy", "eip-single-binding", "--format", "json", FAILING]);
        expect(skipped.code).toBe(0);
        const report = json(skipped.stdout);
        expect(report.findings.map((finding) => finding.policy)).not.toContain("eip-single-binding");
        expect(report.skippedPolicies).toEqual(["eip-single-binding"]);
        expect(cli(["check", "--skip-policy=eip-single-binding", FAILING]).stdout).toContain("skipped policies (--policy / --skip-policy): eip-single-binding");
    });

    test("--policy runs only the policies named, repeated or in comma lists", () => {
        const only = json(cli(["check", "--policy", "ecs-single-eip,havip-single-eip", "--policy", "eip-same-region", "--format", "json", FAILING]).stdout);
        expect(only.exitCode).toBe(0);
        const named = ["ecs-single-eip", "havip-single-eip", "eip-same-region"];
        expect(only.skippedPolicies).toEqual(RULES.map((rule) => rule.name).filter((name) => !named.includes(name)));
        expect(only.skippedPolicies).not.toContain("ecs-single-eip");
        expect(only.skippedPolicies).not.toContain("eip-same-region");
        expect(cli(["check", "--policy", "eip-single-binding", FAILING]).code).toBe(1);
        expect(cli(["check", "--policy", "eip-single-binding", "--skip-policy", "eip-single-binding", FAILING]).stderr).toContain("leave no policy to run");
    });

    test.each([
        [["--policy", "eip-single-bindng"], '--policy eip-single-bindng: no policy of this pack has that name. Did you mean "eip-single-binding"?'],
        [
            ["--skip-policy", "ecs-single-eip,nat-gateway-eip-limt"],
            '--skip-policy nat-gateway-eip-limt: no policy of this pack has that name. Did you mean "nat-gateway-eip-limit"?',
        ],
        [["--policy", "nothing-like-it"], "--policy nothing-like-it: no policy of this pack has that name. The policies are eip-single-binding, eip-same-region,"],
    ])("an unknown name %j: exit 2 with a hint", (flags, message) => {
        const { code, stdout, stderr } = cli(["check", ...flags, FAILING]);
        expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
        expect(stderr).toContain(`alicloud-eip-guard: ${message}`);
    });
});

describe("input that holds nothing to check, or is not JSON at all", () => {
    test("a plan for another cloud only: exit 0, with a note that nothing was checked", () => {
        const text = cli(["check", AWS_PLAN]);
        expect(text).toEqual(expect.objectContaining({ code: 0, stderr: "" }));
        expect(text.stdout).toContain("(Terraform plan, 2 resources): nothing checked");
        expect(text.stdout).toContain("note: Nothing was checked: the file is a Terraform plan for hashicorp/aws, with no alicloud resource");
        const report = json(cli(["check", "--format", "json", AWS_PLAN]).stdout);
        expect(report.files[0]).toEqual(expect.objectContaining({ checked: false, notes: [expect.stringMatching(/^Nothing was checked: /)] }));
        expect(report.exitCode).toBe(0);
        // Among the plans of a monorepo, the others' verdicts still count.
        expect(cli(["check", AWS_PLAN, FAILING]).code).toBe(1);
    });

    test("a Pulumi export of another cloud only: the same", () => {
        const file = write("aws-stack.json", {
            version: 3,
            deployment: { manifest: {}, resources: [{ urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket", custom: true }] },
        });
        const { code, stdout } = cli(["check", file]);
        expect(code).toBe(0);
        expect(stdout).toContain("Nothing was checked: the file is a Pulumi stack export of aws resources");
    });

    test(".tf text in a .json file: said to be HCL, with the commands to run", () => {
        const file = write("main.json", '# the web tier\nresource "alicloud_eip_address" "ip" {\n  bandwidth = 5\n}\n');
        const { code, stderr } = cli(["check", file]);
        expect(code).toBe(2);
        expect(stderr).toContain(`${file}: is Terraform configuration (HCL), not JSON.`);
        expect(stderr).toContain("`alicloud-eip-guard check <dir>`");
        expect(stderr).toContain("`terraform show -json plan.out > plan.json`");
    });
});
