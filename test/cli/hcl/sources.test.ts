// Reading Terraform sources: the parser package and what the reader relies on of it, block lines and
// the comments beside them, .tf.json, the inputs a command line names, the errors for sources that
// cannot be read, and the hand-written projects under test/fixtures/terraform-src.

import * as fs from "fs";
import * as path from "path";
import { blockHeaders } from "../../../policypack/cli/formats/hcl/layout";
import { PARSER_CONTRACT, PARSER_PACKAGE, parseHcl, parserPackageDir } from "../../../policypack/cli/formats/hcl/parser";
import { sourceGroups } from "../../../policypack/cli/formats/hcl";
import { buildReport } from "../../../policypack/cli/report";
import { renderSarif } from "../../../policypack/cli/output/sarif";
import { renderJson } from "../../../policypack/cli/output/json";
import { FIXTURES, NOW, REPO, problemOf, verdictsOf } from "../support";
import { loadInput } from "../../../policypack/cli/detect";
import { checkResources } from "../../../policypack/cli/check";
import { project } from "./support";

const SOURCES = path.join(FIXTURES, "terraform-src");

describe("the parser", () => {
    test("is a runtime dependency pinned to one version, and the files and functions the reader uses are there", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
        expect(pkg.dependencies[PARSER_PACKAGE]).toMatch(/^\d+\.\d+\.\d+$/);
        const installed = JSON.parse(fs.readFileSync(path.join(parserPackageDir(), "package.json"), "utf8"));
        expect(installed.version).toBe(pkg.dependencies[PARSER_PACKAGE]);
        expect(fs.existsSync(path.join(parserPackageDir(), PARSER_CONTRACT.runtime))).toBe(true);
        expect(fs.existsSync(path.join(parserPackageDir(), PARSER_CONTRACT.module))).toBe(true);
        expect(parseHcl("a.tf", 'resource "t" "n" {\n  a = var.x\n  b = 1\n}\n')).toEqual({ resource: { t: { n: [{ a: "${var.x}", b: 1 }] } } });
    });
});

describe("block lines and comments", () => {
    test("headers are found past strings, templates, heredocs and comments that hold braces", () => {
        const text = [
            '# resource "fake" "one" {', // 1
            'locals { a = "}{" }', // 2
            'resource "alicloud_eip_address" "a" {', // 3
            '  name = "${join("}", ["{"])}"', // 4
            "  doc = <<-EOT", // 5
            '    resource "fake" "two" {', // 6
            "  EOT", // 7
            "}", // 8
            "/* block", // 9
            "   comment } */", // 10
            '// eip-guard:ignore eip-single-binding reason="x"', // 11
            'resource "alicloud_eip_address" "b" { # trailing', // 12
            "}", // 13
            "", // 14
            "# separated by a blank line", // 15
            "", // 16
            'module "m" {', // 17
            "}", // 18
        ].join("\n");
        expect(blockHeaders(text)).toEqual([
            { path: ["locals"], line: 2, comments: [{ line: 1, text: '# resource "fake" "one" {' }] },
            { path: ["resource", "alicloud_eip_address", "a"], line: 3, comments: [] },
            {
                path: ["resource", "alicloud_eip_address", "b"],
                line: 12,
                comments: [
                    { line: 10, text: "/* block\n   comment } */" },
                    { line: 11, text: '// eip-guard:ignore eip-single-binding reason="x"' },
                    { line: 12, text: "# trailing" },
                ],
            },
            { path: ["module", "m"], line: 17, comments: [] },
        ]);
    });
});

describe("inputs", () => {
    test(".tf files of one directory are one input; other arguments are their own", () => {
        expect(sourceGroups(["infra/main.tf", "plan.json", "infra/eip.tf", "other/x.tf.json", "-", "infra"])).toEqual([
            { label: "infra", paths: ["infra/main.tf", "infra/eip.tf"] },
            { label: "plan.json" },
            { label: "other/x.tf.json", paths: ["other/x.tf.json"] },
            { label: "-" },
            { label: "infra" },
        ]);
    });

    test("a .tf file alone is read alone, and the note says what else its directory holds", () => {
        const dir = project({ "main.tf": 'resource "alicloud_eip_address" "a" {}\n', "more.tf": 'resource "alicloud_eip_address" "b" {}\n' });
        const loaded = loadInput(path.join(dir, "main.tf"));
        expect(loaded.resources.map((resource) => resource.address)).toContain("alicloud_eip_address.a");
        expect(loaded.resources.map((resource) => resource.address)).not.toContain("alicloud_eip_address.b");
        expect(loaded.notes.join("\n")).toMatch(/also holds more\.tf/);
    });

    test("JSON syntax (.tf.json) beside native syntax", () => {
        const dir = project({
            "main.tf": 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n',
            "eips.tf.json": JSON.stringify({ resource: { alicloud_eip_address: { a: { address_name: "a-${var.n}" } } }, variable: { n: { default: 1 } } }, null, 2),
        });
        const loaded = loadInput(dir);
        const eip = loaded.resources.find((resource) => resource.address === "alicloud_eip_address.a");
        expect(eip?.props.addressName).toBe("a-1");
        expect(loaded.source?.("alicloud_eip_address.a")).toEqual({ file: path.join(dir, "eips.tf.json"), line: 4 });
    });
});

describe("sources that cannot be checked", () => {
    test("invalid HCL names the file, the line and the parser's diagnostic", () => {
        const dir = project({ "main.tf": 'resource "alicloud_eip_address" "a" {\n  name = \n}\n' });
        expect(problemOf(() => loadInput(dir))).toMatch(
            new RegExp(`^${path.join(dir, "main.tf").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: is not valid HCL \\(line 2, column \\d+: .+\\)`),
        );
    });

    test("a directory without .tf files, and sources without any alicloud resource", () => {
        expect(problemOf(() => loadInput(path.join(FIXTURES, "bad")))).toMatch(/bad: is a directory, not a file, and holds no Terraform configuration/);
        const aws = project({ "main.tf": 'resource "aws_eip" "a" {}\nresource "aws_instance" "b" {}\n' });
        expect(problemOf(() => loadInput(aws))).toBe(
            `${aws}: is a Terraform configuration for aws, with no alicloud resource (2 resources, none of type alicloud_*). This checker reads Alibaba Cloud (alicloud) infrastructure only.`,
        );
    });
});

describe("the hand-written projects", () => {
    const dir = (name: string) => path.join(SOURCES, name);
    const verdicts = (name: string, varFiles: string[] = []) =>
        verdictsOf(checkResources(loadInput(dir(name), { variables: varFiles.map((file) => ({ file })) }).resources, {}, NOW));

    test("a local module's count from *.auto.tfvars (over terraform.tfvars), and from --var-file", () => {
        // 21 EIPs on the module's gateway: one fault, on the gateway.
        expect(verdicts("local-module-tfvars")).toEqual([{ policy: "nat-gateway-eip-limit", resource: "module.egress.alicloud_nat_gateway.this", level: "mandatory" }]);
        expect(verdicts("local-module-tfvars", [path.join(dir("local-module-tfvars"), "small.tfvars")])).toEqual([]);
    });

    test("an EIP made in a module given the Beijing alias, bound to a server of the default (Hangzhou) provider", () => {
        expect(verdicts("aliases-for-each")).toEqual([{ policy: "eip-same-region", resource: "alicloud_eip_association.cross", level: "mandatory" }]);
    });

    test("remote modules: skipped, noted, and the association that uses one's output is undecided", () => {
        const loaded = loadInput(dir("remote-modules"));
        expect(loaded.notes).toHaveLength(2);
        expect(verdicts("remote-modules")).toEqual([{ policy: "eip-same-region", resource: "alicloud_eip_association.web", level: "advisory" }]);
    });

    test("unknown count: the note, and nothing guessed", () => {
        expect(loadInput(dir("unknown-expansion")).notes.join("\n")).toMatch(/alicloud_eip_address\.per_zone: its count is not known without a plan/);
        expect(verdicts("unknown-expansion")).toEqual([]);
    });

    test("suppressions: waived until their date, expired, without a reason, unused, naming no policy of the pack", () => {
        const report = buildReport([path.relative(REPO, dir("suppressions"))], {}, undefined, NOW);
        const [file] = report.files;
        const main = path.join(path.relative(REPO, dir("suppressions")), "main.tf");
        const by = (outcome: string) => file.findings.filter((finding) => finding.outcome === outcome && finding.rule.name === "eip-single-binding");
        // A comment on any block of a fault waives it: "first" is one of the three associations of the shared EIP.
        expect(by("waived").map((finding) => finding.address)).toEqual(["alicloud_eip_address.shared"]);
        expect(by("waived")[0].detail).toMatch(
            new RegExp(
                `^Waived by the eip-guard:ignore comment at ${main.replace(/[.]/g, "\\.")}:16 \\(resource "alicloud_eip_association\\.first"\\) until 2026-12-31 \\(reason: moving to a dedicated EIP, ticket NET-42\\)\\. `,
            ),
        );
        // The expired comment on "fourth" waives nothing: the legacy EIP's fault is enforced.
        expect(by("violation").map((finding) => finding.address)).toEqual(["alicloud_eip_address.legacy"]);
        // What is said about a comment alone is attached to the resource block it is on; an expiry, to the fault.
        expect(file.findings.filter((finding) => finding.outcome === "notice").map((finding) => finding.address)).toEqual([
            "alicloud_eip_association.third",
            "alicloud_eip_address.legacy",
            "alicloud_eip_association.second",
            "alicloud_eip_address.unused",
        ]);
        const notices = file.findings.filter((finding) => finding.outcome === "notice").map((finding) => finding.detail);
        expect(notices).toEqual([
            `The eip-guard:ignore comment at ${main}:27 (resource "alicloud_eip_association.third") has no reason; a waiver must say why the violation is accepted, so it waives nothing.`,
            `the eip-guard:ignore comment at ${main}:60 (resource "alicloud_eip_association.fourth") expired on 2026-02-28 and no longer waives this violation (reason was: kept until the cut-over). Fix the violation, or renew the waiver with a new date.`,
            // The shared EIP's fault is waived by the comment on "first"; the one on "second" is left over.
            `the eip-guard:ignore comment at ${main}:22 (resource "alicloud_eip_association.second") of eip-single-binding matches no violation in this stack and expired on 2026-01-31; remove it if the exception is no longer needed (reason was: old).`,
            `the eip-guard:ignore comment at ${main}:33 (resource "alicloud_eip_address.unused") of ecs-single-eip matches no violation in this stack; remove it if the exception is no longer needed (reason was: nothing to suppress here).`,
        ]);
        expect(file.notes).toEqual([
            expect.stringMatching(new RegExp(`^The eip-guard:ignore comment at ${main.replace(/[.]/g, "\\.")}:38 names "no-such-policy", which is not a policy of this pack`)),
        ]);
        expect(report.exitCode).toBe(1);
        // A configured exemption still counts first; the comments' are added after it.
        const configured = buildReport(
            [dir("suppressions")],
            { "eip-single-binding": { enforcementLevel: "advisory", exemptions: [{ resource: "alicloud_eip_association.third", reason: "configured", expires: "2027-01-01" }] } },
            undefined,
            NOW,
        );
        const waived = configured.files[0].findings.filter((finding) => finding.outcome === "waived");
        expect(waived.map((finding) => [finding.address, /^Waived by (the eip-guard:ignore comment|exemption 1) /.exec(finding.detail)?.[1]])).toEqual([
            ["alicloud_eip_address.shared", "exemption 1"],
        ]);
    });

    test("SARIF and JSON point at the .tf file and line of the block, with the other resources as related locations", () => {
        const input = path.relative(REPO, dir("aliases-for-each"));
        const report = buildReport([input], {}, undefined, NOW);
        const sarif = JSON.parse(renderSarif(report, {}, REPO));
        const run = sarif.runs[0];
        expect(run.artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri)).toEqual([input, `${input}/main.tf`, `${input}/modules/site/main.tf`]);
        const [result] = run.results;
        expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: `${input}/main.tf`, index: 1 }, region: { startLine: 52 } });
        expect(fs.readFileSync(path.join(REPO, input, "main.tf"), "utf8").split("\n")[51]).toBe('resource "alicloud_eip_association" "cross" {');
        expect(result.relatedLocations).toEqual([
            {
                id: 0,
                physicalLocation: { artifactLocation: { uri: `${input}/modules/site/main.tf`, index: 2 }, region: { startLine: 5 } },
                logicalLocations: [{ name: "module.beijing.alicloud_eip_address.this", fullyQualifiedName: "module.beijing.alicloud_eip_address.this", kind: "resource" }],
                message: { text: "module.beijing.alicloud_eip_address.this" },
            },
            {
                id: 1,
                physicalLocation: { artifactLocation: { uri: `${input}/main.tf`, index: 1 }, region: { startLine: 46 } },
                logicalLocations: [{ name: "alicloud_instance.batch", fullyQualifiedName: "alicloud_instance.batch", kind: "resource" }],
                message: { text: "alicloud_instance.batch" },
            },
        ]);
        const json = JSON.parse(renderJson(report));
        expect(json.findings[0].resource).toEqual({
            address: "alicloud_eip_association.cross",
            name: "alicloud_eip_association.cross",
            type: "alicloud_eip_association",
            line: 52,
            file: `${input}/main.tf`,
        });
        expect(json.files[0].format).toBe("terraform-source");
    });
});
