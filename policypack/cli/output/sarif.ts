// SARIF 2.1.0 for code-scanning dashboards: one rule per policy with its help text, one result per
// finding (one per fault), located in the input file (the line that names the resource) and
// logically at the resource address (Terraform) or URN (Pulumi). For Terraform sources the location
// is the .tf file and line of the resource block. The other resources the fault involves are its
// related locations, located the same way.

import { createHash } from "crypto";
import * as path from "path";
import { levelOf } from "../../core/config";
import { POLICY_DOCS_URL, README_URL } from "../../core/pack";
import { RULES } from "../../core/rules";
import { Reported } from "../check";
import { IGNORE_MARKER } from "../formats/hcl/suppressions";
import { FORMAT_LABEL } from "../formats/loaded";
import { INPUT_RULES } from "../input-rules";
import { Report } from "../report";

const SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

function pascal(name: string): string {
    return name
        .split("-")
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("");
}

/** A file's URI as code scanning wants it: relative to the working directory, with forward slashes. */
export function artifactUri(file: string, cwd: string = process.cwd()): string {
    if (file === "<stdin>") {
        return "stdin";
    }
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(cwd, absolute);
    if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) {
        return relative.split(path.sep).map(encodeURIComponent).join("/");
    }
    return `file://${absolute.split(path.sep).map(encodeURIComponent).join("/")}`;
}

/** A resource's name from its address: a URN ends with it; a Terraform address is one. */
function nameOfAddress(address: string): string {
    const at = address.lastIndexOf("::");
    return at < 0 ? address : address.slice(at + 2);
}

function sarifLevel(finding: Reported): "error" | "warning" | "note" {
    if (finding.outcome !== "violation") {
        return "note";
    }
    return finding.level === "mandatory" ? "error" : "warning";
}

/** A violation waived by a comment in the sources, rather than by the configuration or a tag. */
function inSource(finding: Reported): boolean {
    return finding.detail.startsWith(`Waived by the ${IGNORE_MARKER} comment`);
}

function sarifKind(finding: Reported): "fail" | "review" | "informational" {
    switch (finding.outcome) {
        case "violation":
        case "waived":
            return "fail";
        case "undecided":
            return "review";
        default:
            return "informational";
    }
}

export function renderSarif(report: Report, config: unknown, cwd: string = process.cwd()): string {
    const rules = RULES.map((rule) => {
        const level = levelOf(rule, config);
        const id: string = rule.name;
        return {
            id,
            name: pascal(rule.name),
            shortDescription: { text: rule.description },
            fullDescription: { text: rule.faq },
            help: {
                text: `${rule.description}\n\nWhat to do instead: ${rule.remediationSteps}\n\nRejects:\n${rule.rejects.map((line) => `- ${line}`).join("\n")}`,
                markdown: `**${rule.description}**\n\n> ${rule.faq}\n\n**What to do instead:** ${rule.remediationSteps}\n\n**Rejects:**\n${rule.rejects.map((line) => `- ${line}`).join("\n")}`,
            },
            helpUri: `${POLICY_DOCS_URL}#${rule.name}`,
            defaultConfiguration: { enabled: level !== "disabled", level: level === "disabled" ? "none" : level === "mandatory" ? "error" : "warning" },
            properties: { tags: [...rule.tags], severity: rule.severity, enforcementLevel: level, precision: "high" },
        };
    });
    // Checks of the input itself are listed after the policies, only when one of them found something.
    const used = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.rule.name)));
    for (const rule of INPUT_RULES.filter((candidate) => used.has(candidate.name))) {
        rules.push({
            id: rule.name,
            name: pascal(rule.name),
            shortDescription: { text: rule.description },
            fullDescription: { text: rule.description },
            help: {
                text: `${rule.description}\n\nWhat to do instead: ${rule.remediationSteps}`,
                markdown: `**${rule.description}**\n\n**What to do instead:** ${rule.remediationSteps}`,
            },
            helpUri: README_URL,
            defaultConfiguration: { enabled: true, level: "error" },
            properties: { tags: ["input"], severity: rule.severity, enforcementLevel: "mandatory", precision: "high" },
        });
    }
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const artifacts: { location: { uri: string }; roles: string[]; mimeType?: string }[] = report.files.map((file) => ({
        location: { uri: artifactUri(file.file, cwd) },
        roles: ["analysisTarget"],
        ...(file.format === "terraform-source" ? {} : { mimeType: "application/json" }),
    }));
    // The .tf files findings point into, after the inputs (whose indexes are the files').
    const sourceIndex = new Map<string, number>();
    const sourceArtifact = (file: string): { uri: string; index: number } => {
        const uri = artifactUri(file, cwd);
        let index = sourceIndex.get(uri);
        if (index === undefined) {
            index = artifacts.length;
            artifacts.push({ location: { uri }, roles: ["analysisTarget"] });
            sourceIndex.set(uri, index);
        }
        return { uri, index };
    };
    const results = report.files.flatMap((file, fileIndex) => {
        const seen = new Map<string, number>();
        const declared = (address: string | undefined) => (address === undefined ? undefined : file.source?.(address));
        return file.findings.map((finding) => {
            const address = finding.address;
            const line = (address === undefined ? undefined : file.locate(address)) ?? 1;
            const where = declared(address);
            // Before the related locations, so that the artifact of its own file is listed first.
            const physicalLocation =
                where === undefined
                    ? { artifactLocation: { uri: artifactUri(file.file, cwd), index: fileIndex }, region: { startLine: line } }
                    : { artifactLocation: sourceArtifact(where.file), region: { startLine: where.line } };
            // Every other resource of the fault: at its .tf block for Terraform sources, else at the
            // line of the input that names it.
            const related = finding.involved
                .filter((other) => other !== address)
                .map((other) => {
                    const at = declared(other);
                    const physicalLocation =
                        at === undefined
                            ? { artifactLocation: { uri: artifactUri(file.file, cwd), index: fileIndex }, region: { startLine: file.locate(other) ?? 1 } }
                            : { artifactLocation: sourceArtifact(at.file), region: { startLine: at.line } };
                    return { address: other, physicalLocation };
                });
            const identity = `${finding.rule.name}|${address ?? ""}|${finding.outcome}`;
            const occurrence = (seen.get(identity) ?? 0) + 1;
            seen.set(identity, occurrence);
            const fingerprint = createHash("sha256").update(`${identity}|${occurrence}`).digest("hex");
            return {
                ruleId: finding.rule.name,
                ruleIndex: ruleIndex.get(finding.rule.name) ?? 0,
                level: sarifLevel(finding),
                kind: sarifKind(finding),
                message: { text: finding.message },
                locations: [
                    {
                        physicalLocation,
                        logicalLocations: [
                            address === undefined ? { name: "stack", kind: "module" } : { name: finding.resource?.name ?? address, fullyQualifiedName: address, kind: "resource" },
                        ],
                    },
                ],
                ...(related.length === 0
                    ? {}
                    : {
                          relatedLocations: related.map((entry, id) => ({
                              id,
                              physicalLocation: entry.physicalLocation,
                              logicalLocations: [{ name: nameOfAddress(entry.address), fullyQualifiedName: entry.address, kind: "resource" }],
                              message: { text: entry.address },
                          })),
                      }),
                partialFingerprints: { "alicloudEipGuard/v1": fingerprint },
                ...(finding.outcome === "waived"
                    ? { suppressions: [{ kind: inSource(finding) ? "inSource" : "external", status: "accepted", justification: finding.detail }] }
                    : {}),
                properties: {
                    outcome: finding.outcome,
                    enforcementLevel: finding.level,
                    severity: finding.rule.severity,
                    inputFormat: file.format === undefined ? undefined : FORMAT_LABEL[file.format],
                    involved: [...finding.involved],
                },
            };
        });
    });
    const fileErrors = report.files.flatMap((file, fileIndex) =>
        file.error === undefined
            ? []
            : [
                  {
                      level: "error",
                      message: { text: `${file.file}: ${file.error}` },
                      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.file, cwd), index: fileIndex } } }],
                  },
              ],
    );
    const sarif = {
        $schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: report.tool.name,
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        informationUri: README_URL,
                        rules,
                    },
                },
                artifacts,
                results,
                invocations: [
                    {
                        executionSuccessful: report.exitCode !== 2,
                        exitCode: report.exitCode,
                        toolExecutionNotifications: fileErrors,
                        toolConfigurationNotifications: report.configProblems.map((problem) => ({ level: "warning", message: { text: problem } })),
                    },
                ],
                columnKind: "unicodeCodePoints",
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}
