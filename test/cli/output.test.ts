// The three renderers on reports built by hand, so that every field, count, order and colour can be
// stated exactly: JSON (every field of a finding and of a file), text (grouping by resource, the
// stack last, marks and tags, summary and verdict, colour only when asked) and SARIF (rules,
// results, locations, suppressions, notifications, artifact URIs).

import * as path from "path";
import { Reported, RuleInfo } from "../../policypack/cli/check";
import { renderJson } from "../../policypack/cli/output/json";
import { artifactUri, renderSarif } from "../../policypack/cli/output/sarif";
import { renderText } from "../../policypack/cli/output/text";
import { FileReport, Report, countsOf } from "../../policypack/cli/report";
import { POLICY_DOCS_URL, README_URL } from "../../policypack/core/pack";
import { PolicyName } from "../../policypack/core/rule";
import { RULES } from "../../policypack/core/rules";
import { ruleNamed } from "../support/verdicts";

const BINDING = ruleNamed("eip-single-binding");
const GROUP = ruleNamed("eip-clb-resource-group");
const REGION = ruleNamed("eip-same-region");

const EIP = { address: "alicloud_eip_address.ip", name: "alicloud_eip_address.ip", kind: "eip" as const, type: "alicloud_eip_address", props: {} };
const URN = "urn:pulumi:dev::web::alicloud:ecs/eipAssociation:EipAssociation::web-eip";
const ASSOCIATION = { address: URN, name: "web-eip", kind: "eipAssociation" as const, type: "alicloud:ecs/eipAssociation:EipAssociation", props: {} };

/** A policy no registry holds, with metadata of its own: reporters must take what the finding carries. */
const STRAY: RuleInfo = { name: "no-such-policy", description: "A stray policy.", severity: "medium", remediationSteps: "Stray fix." };

/** A reported finding; `policy` and `severity` pick or adjust the rule it carries. */
function finding({ policy, severity, ...over }: Partial<Reported> & { policy?: string; severity?: RuleInfo["severity"] } = {}): Reported {
    const rule: RuleInfo = policy === undefined ? BINDING : policy === STRAY.name ? STRAY : ruleNamed(policy as PolicyName);
    return {
        rule: severity === undefined ? rule : { ...rule, severity },
        outcome: "violation",
        level: "mandatory",
        message: `${BINDING.description}\nbound twice`,
        detail: "bound twice",
        address: EIP.address,
        resource: EIP,
        involved: [EIP.address],
        ...over,
    };
}

function file(over: Partial<FileReport> = {}): FileReport {
    return { file: "plan.json", format: "terraform-plan", resourceCount: 3, findings: [], notes: [], locate: () => undefined, ...over };
}

function report(files: FileReport[], over: Partial<Report> = {}): Report {
    return { tool: { name: "alicloud-eip-guard", version: "9.8.7" }, files, configProblems: [], exitCode: 0, ...over };
}

const lines: Record<string, number> = { [EIP.address]: 12, [URN]: 40 };
const locate = (address: string) => lines[address];

describe("countsOf", () => {
    test("violations by level; every other outcome is a note", () => {
        expect(countsOf([])).toEqual({ mandatory: 0, advisory: 0, notes: 0 });
        expect(
            countsOf([
                finding(),
                finding(),
                finding({ level: "advisory" }),
                finding({ outcome: "undecided", level: "advisory" }),
                finding({ outcome: "waived", level: "advisory" }),
                finding({ outcome: "notice", level: "advisory" }),
                finding({ outcome: "undecided", level: "mandatory" }),
            ]),
        ).toEqual({ mandatory: 2, advisory: 1, notes: 4 });
    });
});

describe("JSON", () => {
    test("every field of a finding, a file and the summary", () => {
        const waived = finding({
            outcome: "waived",
            level: "advisory",
            message: "waived until 2026-12-31",
            detail: "waived until 2026-12-31",
            address: URN,
            resource: ASSOCIATION,
            involved: [URN, EIP.address],
        });
        const stack = finding({
            policy: "eip-same-region",
            outcome: "undecided",
            level: "advisory",
            severity: "high",
            message: "regions unknown",
            detail: "regions unknown",
            address: undefined,
            resource: undefined,
            involved: [],
        });
        const orphan = finding({
            policy: "eip-clb-resource-group",
            level: "advisory",
            severity: "low",
            message: "m",
            detail: "d",
            address: "alicloud_slb.gone",
            resource: undefined,
            involved: ["alicloud_slb.gone"],
        });
        const doc = JSON.parse(
            renderJson(
                report(
                    [
                        file({ findings: [finding(), waived, stack, orphan], notes: ["a note"], locate }),
                        file({ file: "bad.json", format: undefined, resourceCount: undefined, error: "is empty." }),
                    ],
                    { configFile: "policy.json", configProblems: ["a problem"], exitCode: 2 },
                ),
            ),
        );
        expect(doc).toEqual({
            tool: { name: "alicloud-eip-guard", version: "9.8.7" },
            files: [
                { file: "plan.json", format: "terraform-plan", resources: 3, error: null, notes: ["a note"] },
                { file: "bad.json", format: null, resources: null, error: "is empty.", notes: [] },
            ],
            configFile: "policy.json",
            configProblems: ["a problem"],
            findings: [
                {
                    file: "plan.json",
                    policy: "eip-single-binding",
                    outcome: "violation",
                    level: "mandatory",
                    severity: "high",
                    resource: { address: EIP.address, name: EIP.name, type: "alicloud_eip_address", line: 12 },
                    involved: [EIP.address],
                    message: `${BINDING.description}\nbound twice`,
                    detail: "bound twice",
                    description: BINDING.description,
                    remediation: BINDING.remediationSteps,
                },
                {
                    file: "plan.json",
                    policy: "eip-single-binding",
                    outcome: "waived",
                    level: "advisory",
                    severity: "high",
                    resource: { address: URN, name: "web-eip", type: "alicloud:ecs/eipAssociation:EipAssociation", line: 40 },
                    involved: [URN, EIP.address],
                    message: "waived until 2026-12-31",
                    detail: "waived until 2026-12-31",
                    description: BINDING.description,
                    remediation: null,
                },
                {
                    file: "plan.json",
                    policy: "eip-same-region",
                    outcome: "undecided",
                    level: "advisory",
                    severity: "high",
                    resource: null,
                    involved: [],
                    message: "regions unknown",
                    detail: "regions unknown",
                    description: REGION.description,
                    remediation: null,
                },
                {
                    file: "plan.json",
                    policy: "eip-clb-resource-group",
                    outcome: "violation",
                    level: "advisory",
                    severity: "low",
                    resource: { address: "alicloud_slb.gone", name: "alicloud_slb.gone", type: null, line: null },
                    involved: ["alicloud_slb.gone"],
                    message: "m",
                    detail: "d",
                    description: GROUP.description,
                    remediation: GROUP.remediationSteps,
                },
            ],
            summary: { mandatory: 1, advisory: 1, notes: 2, unreadableFiles: 1 },
            exitCode: 2,
        });
    });

    test("an empty run: no config file, no findings, pretty-printed with a final newline", () => {
        const text = renderJson(report([file()]));
        expect(text).toBe(
            [
                "{",
                '  "tool": {',
                '    "name": "alicloud-eip-guard",',
                '    "version": "9.8.7"',
                "  },",
                '  "files": [',
                "    {",
                '      "file": "plan.json",',
                '      "format": "terraform-plan",',
                '      "resources": 3,',
                '      "error": null,',
                '      "notes": []',
                "    }",
                "  ],",
                '  "configFile": null,',
                '  "configProblems": [],',
                '  "findings": [],',
                '  "summary": {',
                '    "mandatory": 0,',
                '    "advisory": 0,',
                '    "notes": 0,',
                '    "unreadableFiles": 0',
                "  },",
                '  "exitCode": 0',
                "}",
                "",
            ].join("\n"),
        );
    });

    test("a finding's policy, description and remediation come from the rule it carries, not from a lookup by name", () => {
        const doc = JSON.parse(renderJson(report([file({ findings: [finding({ policy: STRAY.name })] })])));
        expect(doc.findings[0]).toMatchObject({ policy: "no-such-policy", severity: "medium", description: "A stray policy.", remediation: "Stray fix." });
    });

    test("findings of several files, in file order, each with its own file", () => {
        const doc = JSON.parse(
            renderJson(report([file({ file: "a.json", findings: [finding()] }), file({ file: "b.json", findings: [finding({ level: "advisory" }), finding()] })], { exitCode: 1 })),
        );
        expect(doc.findings.map((entry: { file: string; level: string }) => `${entry.file}:${entry.level}`)).toEqual(["a.json:mandatory", "b.json:advisory", "b.json:mandatory"]);
        expect(doc.summary).toEqual({ mandatory: 2, advisory: 1, notes: 0, unreadableFiles: 0 });
    });
});

describe("text", () => {
    test("a file with findings on resources and on the whole stack: grouped by resource in order, the stack last", () => {
        const other = { ...EIP, address: "alicloud_eip_association.b", name: "alicloud_eip_association.b", type: "alicloud_eip_association" };
        const text = renderText(
            report(
                [
                    file({
                        resourceCount: 1,
                        notes: ["first note", "second\nnote"],
                        findings: [
                            finding({
                                policy: "eip-same-region",
                                outcome: "notice",
                                level: "advisory",
                                severity: "high",
                                detail: "about the stack",
                                address: undefined,
                                resource: undefined,
                            }),
                            finding({ address: other.address, resource: other, detail: "line one\nline two" }),
                            finding({ policy: "eip-clb-resource-group", level: "advisory", severity: "low", detail: "groups differ" }),
                            finding({ outcome: "undecided", level: "advisory", detail: "cannot tell" }),
                            finding({ address: "alicloud_slb.gone", resource: undefined, outcome: "waived", level: "advisory", detail: "waived: moving" }),
                            finding({ address: other.address, resource: other, outcome: "notice", level: "advisory", detail: "fyi" }),
                        ],
                    }),
                ],
                { exitCode: 1 },
            ),
            false,
        );
        expect(text.split("\n")).toEqual([
            "plan.json (Terraform plan, 1 resource): 1 mandatory violation, 1 advisory violation, 4 notes",
            "  note: first note",
            "  note: second",
            "  note",
            "",
            "  alicloud_eip_association.b  alicloud_eip_association",
            "    x [mandatory] eip-single-binding (severity high)",
            `      ${BINDING.description}`,
            "      line one",
            "      line two",
            `      Fix: ${BINDING.remediationSteps}`,
            "    i [note] eip-single-binding (severity high)",
            "      fyi",
            "",
            "  alicloud_eip_address.ip  alicloud_eip_address",
            "    ! [advisory] eip-clb-resource-group (severity low)",
            `      ${GROUP.description}`,
            "      groups differ",
            `      Fix: ${GROUP.remediationSteps}`,
            "    i [undecided] eip-single-binding (severity high)",
            "      cannot tell",
            "",
            "  alicloud_slb.gone",
            "    i [waived] eip-single-binding (severity high)",
            "      waived: moving",
            "",
            "  (the whole stack)",
            "    i [note] eip-same-region (severity high)",
            "      about the stack",
            "",
            "alicloud-eip-guard 9.8.7: failed: 1 mandatory violation, 1 advisory violation, 4 notes in 1 file.",
            "",
        ]);
    });

    test("the whole stack is last even when it comes between resources", () => {
        const second = { ...EIP, address: "alicloud_eip_address.second", name: "alicloud_eip_address.second" };
        const text = renderText(
            report([
                file({ findings: [finding(), finding({ address: undefined, resource: undefined, detail: "stack" }), finding({ address: second.address, resource: second })] }),
            ]),
            false,
        );
        const headings = text.split("\n").filter((line) => /^ {2}\S/.test(line));
        expect(headings).toEqual(["  alicloud_eip_address.ip  alicloud_eip_address", "  alicloud_eip_address.second  alicloud_eip_address", "  (the whole stack)"]);
    });

    test("counts in a file's heading: only the kinds there are, notes after the violations", () => {
        const heading = (findings: Reported[], resourceCount: number | undefined = 2) => renderText(report([file({ findings, resourceCount })]), false).split("\n")[0];
        expect(heading([])).toBe("plan.json (Terraform plan, 2 resources): no violations");
        expect(renderText(report([file({ resourceCount: undefined })]), false).split("\n")[0]).toBe("plan.json (Terraform plan, 0 resources): no violations");
        expect(heading([finding({ outcome: "undecided" })])).toBe("plan.json (Terraform plan, 2 resources): no violations, 1 note");
        expect(heading([finding(), finding()])).toBe("plan.json (Terraform plan, 2 resources): 2 mandatory violations");
        expect(heading([finding({ level: "advisory" }), finding({ level: "advisory" })])).toBe("plan.json (Terraform plan, 2 resources): 2 advisory violations");
        expect(heading([finding({ level: "advisory" }), finding({ outcome: "notice" }), finding({ outcome: "waived" })])).toBe(
            "plan.json (Terraform plan, 2 resources): 1 advisory violation, 2 notes",
        );
    });

    test("each format by its name", () => {
        const first = (format: FileReport["format"]) =>
            renderText(report([file({ format })]), false)
                .split(" (")[1]
                .split(",")[0];
        expect([first("terraform-plan"), first("terraform-state"), first("pulumi-export"), first("pulumi-preview")]).toEqual([
            "Terraform plan",
            "Terraform state",
            "Pulumi stack export",
            "Pulumi preview",
        ]);
    });

    test("configuration problems first, naming the configuration file when there is one; unreadable files with their error", () => {
        const text = renderText(
            report([file({ file: "bad.json", error: "is empty.", format: undefined }), file({ file: "b.json", error: "does not exist." })], {
                configFile: "p.json",
                configProblems: ["one", "two"],
                exitCode: 2,
            }),
            false,
        );
        expect(text).toBe(
            [
                "config p.json: one",
                "config p.json: two",
                "",
                "bad.json: error: is empty.",
                "",
                "b.json: error: does not exist.",
                "",
                "alicloud-eip-guard 9.8.7: input error: 0 mandatory violations, 0 advisory violations, 0 notes, 2 unreadable files in 2 files.",
                "",
            ].join("\n"),
        );
        expect(renderText(report([], { configProblems: ["bad entry"] }), false)).toBe(
            "config: bad entry\n\nalicloud-eip-guard 9.8.7: passed: 0 mandatory violations, 0 advisory violations, 0 notes in 0 files.\n",
        );
    });

    test("the summary adds up every file, and the verdict follows the exit code", () => {
        const text = renderText(
            report(
                [
                    file({ findings: [finding()] }),
                    file({ file: "b.json", findings: [finding(), finding({ level: "advisory" }), finding({ outcome: "notice" })] }),
                    file({ file: "c.json", error: "x" }),
                ],
                { exitCode: 2 },
            ),
            false,
        );
        expect(text.split("\n").slice(-2)).toEqual([
            "alicloud-eip-guard 9.8.7: input error: 2 mandatory violations, 1 advisory violation, 1 note, 1 unreadable file in 3 files.",
            "",
        ]);
        expect(renderText(report([file()], { exitCode: 1 }), false)).toMatch(/: failed: 0 mandatory violations, 0 advisory violations, 0 notes in 1 file\.\n$/);
    });

    test("colour: bold names, red mandatory, yellow advisory and configuration problems, cyan notes, dim types and severities", () => {
        const text = renderText(
            report(
                [
                    file({ findings: [finding(), finding({ level: "advisory", detail: "adv" }), finding({ outcome: "undecided", detail: "und" })], notes: ["n"] }),
                    file({ file: "bad.json", error: "oops" }),
                ],
                { configProblems: ["cp"], exitCode: 2 },
            ),
            true,
        );
        const esc = (code: number, inner: string) => `\u001b[${code}m${inner}\u001b[0m`;
        expect(text.split("\n")).toEqual([
            esc(33, "config: cp"),
            "",
            `${esc(1, "plan.json")} (Terraform plan, 3 resources): ${esc(31, "1 mandatory violation")}, ${esc(33, "1 advisory violation")}, 1 note`,
            `  ${esc(2, "note: n")}`,
            "",
            `  ${esc(1, `alicloud_eip_address.ip${esc(2, "  alicloud_eip_address")}`)}`,
            `    ${esc(31, "x [mandatory] eip-single-binding")}${esc(2, " (severity high)")}`,
            `      ${BINDING.description}`,
            "      bound twice",
            `      ${esc(1, "Fix:")} ${BINDING.remediationSteps}`,
            `    ${esc(33, "! [advisory] eip-single-binding")}${esc(2, " (severity high)")}`,
            `      ${BINDING.description}`,
            "      adv",
            `      ${esc(1, "Fix:")} ${BINDING.remediationSteps}`,
            `    ${esc(36, "i [undecided] eip-single-binding")}${esc(2, " (severity high)")}`,
            "      und",
            "",
            `${esc(1, "bad.json")}: ${esc(31, "error")}: oops`,
            "",
            `alicloud-eip-guard 9.8.7: ${esc(31, "input error")}: 1 mandatory violation, 1 advisory violation, 1 note, 1 unreadable file in 2 files.`,
            "",
        ]);
        expect(renderText(report([file()], { exitCode: 1 }), true)).toContain(`: ${esc(31, "failed")}: `);
        expect(renderText(report([file()]), true)).toContain(`: ${esc(1, "passed")}: `);
        expect(renderText(report([file()]), true)).toContain(`: ${esc(1, "no violations")}\n`);
    });

    test("a policy the pack does not have: the description and fix the finding carries", () => {
        const text = renderText(report([file({ findings: [finding({ policy: STRAY.name, detail: "odd" })] })]), false);
        expect(text.split("\n").slice(2, 8)).toEqual([
            "  alicloud_eip_address.ip  alicloud_eip_address",
            "    x [mandatory] no-such-policy (severity medium)",
            "      A stray policy.",
            "      odd",
            "      Fix: Stray fix.",
            "",
        ]);
    });
});

describe("SARIF", () => {
    const sarif = (r: Report, config: unknown = {}, cwd = "/work") => JSON.parse(renderSarif(r, config, cwd));

    describe("artifactUri", () => {
        test("relative to the working directory, with forward slashes and each segment encoded", () => {
            expect(artifactUri("plans/plan.json", "/work")).toBe("plans/plan.json");
            expect(artifactUri("/work/plans/my plan#1.json", "/work")).toBe("plans/my%20plan%231.json");
            expect(artifactUri("./a/../b.json", "/work")).toBe("b.json");
        });

        test("outside the working directory (or the directory itself), an absolute file URI", () => {
            expect(artifactUri("/elsewhere/plan 1.json", "/work")).toBe("file:///elsewhere/plan%201.json");
            expect(artifactUri("../up.json", "/work/sub")).toBe("file:///work/up.json");
            expect(artifactUri(".", "/work")).toBe("file:///work");
            expect(artifactUri("..plan.json", "/work")).toBe("file:///work/..plan.json");
        });

        test("standard input is stdin", () => {
            expect(artifactUri("<stdin>", "/work")).toBe("stdin");
        });

        test("the process's working directory by default", () => {
            expect(artifactUri(path.join(process.cwd(), "x", "y.json"))).toBe("x/y.json");
        });
    });

    test("the log: schema, version, tool, artifacts and a successful invocation", () => {
        const log = sarif(report([file({ file: "plans/a.json" }), file({ file: "/work/b.json", format: "pulumi-export" })]));
        expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
        expect(log.version).toBe("2.1.0");
        expect(log.runs).toHaveLength(1);
        const run = log.runs[0];
        expect({ ...run.tool.driver, rules: undefined }).toEqual({ name: "alicloud-eip-guard", version: "9.8.7", semanticVersion: "9.8.7", informationUri: README_URL });
        expect(run.artifacts).toEqual([
            { location: { uri: "plans/a.json" }, roles: ["analysisTarget"], mimeType: "application/json" },
            { location: { uri: "b.json" }, roles: ["analysisTarget"], mimeType: "application/json" },
        ]);
        expect(run.results).toEqual([]);
        expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 0, toolExecutionNotifications: [], toolConfigurationNotifications: [] }]);
        expect(run.columnKind).toBe("unicodeCodePoints");
        expect(sarif(report([file()], { exitCode: 1 })).runs[0].invocations[0]).toMatchObject({ executionSuccessful: true, exitCode: 1 });
    });

    test("one rule per policy: name, descriptions, help text and markdown, link, level and properties", () => {
        const rules = sarif(report([]), { "eip-single-binding": "advisory", "eip-same-region": "disabled", "eip-clb-resource-group": { enforcementLevel: "mandatory" } }).runs[0]
            .tool.driver.rules;
        expect(rules.map((rule: { id: string; name: string }) => `${rule.id} ${rule.name}`)).toEqual(
            RULES.map(
                (rule) =>
                    `${rule.name} ${rule.name
                        .split("-")
                        .map((part) => part[0].toUpperCase() + part.slice(1))
                        .join("")}`,
            ),
        );
        expect(rules[0].name).toBe("EipSingleBinding");
        expect(rules[0]).toEqual({
            id: "eip-single-binding",
            name: "EipSingleBinding",
            shortDescription: { text: BINDING.description },
            fullDescription: { text: BINDING.faq },
            help: {
                text: `${BINDING.description}\n\nWhat to do instead: ${BINDING.remediationSteps}\n\nRejects:\n${BINDING.rejects.map((line) => `- ${line}`).join("\n")}`,
                markdown: `**${BINDING.description}**\n\n> ${BINDING.faq}\n\n**What to do instead:** ${BINDING.remediationSteps}\n\n**Rejects:**\n${BINDING.rejects.map((line) => `- ${line}`).join("\n")}`,
            },
            helpUri: `${POLICY_DOCS_URL}#eip-single-binding`,
            defaultConfiguration: { enabled: true, level: "warning" },
            properties: { tags: ["eip", "binding"], severity: "high", enforcementLevel: "advisory", precision: "high" },
        });
        const byId = (id: string) => rules.find((rule: { id: string }) => rule.id === id);
        expect(byId("eip-same-region").defaultConfiguration).toEqual({ enabled: false, level: "none" });
        expect(byId("eip-same-region").properties.enforcementLevel).toBe("disabled");
        expect(byId("eip-clb-resource-group").defaultConfiguration).toEqual({ enabled: true, level: "error" });
        expect(byId("eip-clb-resource-group").properties).toEqual({
            tags: ["eip", "clb", "resource-group", "console"],
            severity: "low",
            enforcementLevel: "mandatory",
            precision: "high",
        });
        expect(byId("havip-single-eip").defaultConfiguration).toEqual({ enabled: true, level: "error" });
    });

    test("results: rule, level, kind, message, location in the file and at the resource, fingerprint, properties", () => {
        const findings = [
            finding(),
            finding({ policy: "eip-clb-resource-group", level: "advisory", severity: "low", address: URN, resource: ASSOCIATION, involved: [URN, EIP.address] }),
            finding({ policy: "eip-same-region", outcome: "undecided", level: "advisory", address: undefined, resource: undefined, involved: [] }),
            finding({ outcome: "notice", level: "advisory", address: "alicloud_slb.gone", resource: undefined, involved: [] }),
            finding({ outcome: "waived", level: "advisory", detail: "accepted: moving", message: "accepted: moving" }),
        ];
        const results = sarif(report([file({ file: "plans/a.json", format: "pulumi-preview", findings, locate })])).runs[0].results;
        expect(results.map((result: { ruleId: string; ruleIndex: number; level: string; kind: string }) => [result.ruleId, result.ruleIndex, result.level, result.kind])).toEqual([
            ["eip-single-binding", 0, "error", "fail"],
            ["eip-clb-resource-group", RULES.findIndex((rule) => rule.name === GROUP.name), "warning", "fail"],
            ["eip-same-region", 1, "note", "review"],
            ["eip-single-binding", 0, "note", "informational"],
            ["eip-single-binding", 0, "note", "fail"],
        ]);
        const [first, second, third, fourth, fifth] = results;
        expect(first.message).toEqual({ text: `${BINDING.description}\nbound twice` });
        expect(first.locations).toEqual([
            {
                physicalLocation: { artifactLocation: { uri: "plans/a.json", index: 0 }, region: { startLine: 12 } },
                logicalLocations: [{ name: "alicloud_eip_address.ip", fullyQualifiedName: "alicloud_eip_address.ip", kind: "resource" }],
            },
        ]);
        expect(first.properties).toEqual({ outcome: "violation", enforcementLevel: "mandatory", severity: "high", inputFormat: "Pulumi preview", involved: [EIP.address] });
        expect(first.suppressions).toBeUndefined();
        expect(second.locations[0].logicalLocations).toEqual([{ name: "web-eip", fullyQualifiedName: URN, kind: "resource" }]);
        expect(second.locations[0].physicalLocation.region).toEqual({ startLine: 40 });
        expect(second.properties).toEqual({ outcome: "violation", enforcementLevel: "advisory", severity: "low", inputFormat: "Pulumi preview", involved: [URN, EIP.address] });
        expect(third.locations[0]).toEqual({
            physicalLocation: { artifactLocation: { uri: "plans/a.json", index: 0 }, region: { startLine: 1 } },
            logicalLocations: [{ name: "stack", kind: "module" }],
        });
        expect(fourth.locations[0].logicalLocations).toEqual([{ name: "alicloud_slb.gone", fullyQualifiedName: "alicloud_slb.gone", kind: "resource" }]);
        expect(fourth.locations[0].physicalLocation.region).toEqual({ startLine: 1 });
        expect(fifth.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "accepted: moving" }]);
        for (const result of results) {
            expect(result.partialFingerprints["alicloudEipGuard/v1"]).toMatch(/^[0-9a-f]{64}$/);
        }
    });

    test("fingerprints: stable across runs and files, distinct per policy, address, outcome and repetition", () => {
        const fingerprints = (r: Report) =>
            sarif(r).runs[0].results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints["alicloudEipGuard/v1"]);
        const findings = [
            finding(),
            finding({ detail: "other message", message: "other message" }),
            finding({ level: "advisory" }),
            finding({ outcome: "waived" }),
            finding({ policy: "ecs-single-eip" }),
            finding({ address: URN }),
            finding({ address: undefined }),
        ];
        const once = fingerprints(report([file({ findings })]));
        expect(new Set(once).size).toBe(findings.length);
        // The same policy, address and outcome twice in a file: the first and second occurrence, whatever
        // their message or level.
        expect(once[0]).not.toBe(once[1]);
        expect(new Set([once[0], once[1], once[2]]).size).toBe(3);
        // Occurrences are counted per file: the same findings in another file get the same fingerprints.
        const twoFiles = fingerprints(report([file({ findings }), file({ file: "other.json", findings })]));
        expect(twoFiles).toEqual([...once, ...once]);
        expect(fingerprints(report([file({ findings })]))).toEqual(once);
        // The fingerprint of a finding is part of the output's contract: code-scanning dashboards match
        // alerts across runs (and versions of this tool) by it.
        expect(once[0]).toBe("6484220b19e79b32b4765946133c73792c888860399494de5c0a9d6f4885857e");
    });

    test("unreadable files and configuration problems are notifications; an input error is an unsuccessful run", () => {
        const log = sarif(
            report([file({ file: "plans/ok.json" }), file({ file: "/elsewhere/bad.json", error: "is empty.", format: undefined })], { configProblems: ["p1", "p2"], exitCode: 2 }),
        );
        const invocation = log.runs[0].invocations[0];
        expect(invocation).toEqual({
            executionSuccessful: false,
            exitCode: 2,
            toolExecutionNotifications: [
                {
                    level: "error",
                    message: { text: "/elsewhere/bad.json: is empty." },
                    locations: [{ physicalLocation: { artifactLocation: { uri: "file:///elsewhere/bad.json", index: 1 } } }],
                },
            ],
            toolConfigurationNotifications: [
                { level: "warning", message: { text: "p1" } },
                { level: "warning", message: { text: "p2" } },
            ],
        });
    });

    test("a policy the pack does not have points at the first rule; a file without a format has no input format; the process's directory by default", () => {
        const r = report([file({ file: path.join(process.cwd(), "in", "p.json"), format: undefined, findings: [finding({ policy: STRAY.name })] })]);
        const [result] = JSON.parse(renderSarif(r, {})).runs[0].results;
        expect(result.ruleId).toBe("no-such-policy");
        expect(result.ruleIndex).toBe(0);
        expect("inputFormat" in result.properties).toBe(false);
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("in/p.json");
    });

    test("a result's artifact index is its file's", () => {
        const results = sarif(report([file({ file: "a.json", findings: [finding()] }), file({ file: "b.json", findings: [finding()] })])).runs[0].results;
        expect(results.map((result: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => result.locations[0].physicalLocation.artifactLocation)).toEqual([
            { uri: "a.json", index: 0 },
            { uri: "b.json", index: 1 },
        ]);
    });
});
