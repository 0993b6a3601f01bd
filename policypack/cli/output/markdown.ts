// Markdown for a pull request comment: a verdict, a table of the policies and what each found, each
// violation with its rule, the resources involved and the fix, then the EIP bindings of each file
// as a Mermaid flowchart with the resources of a violation in red.

import { levelOf } from "../../core/config";
import { RULES } from "../../core/rules";
import { Reported } from "../check";
import { INPUT_RULES } from "../input-rules";
import { Report } from "../report";
import { bindingFlowchart } from "./mermaid";

/** Text inside a table cell or a line: no pipe, no line break, no HTML, no emphasis by accident. */
export function mdText(text: string): string {
    return text.replace(/\r?\n/g, " ").replace(/([\\`*_[\]<>|#~])/g, "\\$1");
}

/** A name in code spans: backticks inside it are widened around. */
function code(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    return `${fence}${longest > 0 ? ` ${text} ` : text}${fence}`.replace(/\r?\n/g, " ");
}

function subject(finding: Reported): string {
    return finding.address === undefined ? "the whole stack" : (finding.resource?.name ?? finding.address);
}

export function renderMarkdown(report: Report, config: unknown): string {
    const findings = report.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
    const skipped = new Set(report.skipped ?? []);
    const verdict = report.exitCode === 2 ? "input error" : report.exitCode === 1 ? "failed" : "passed";
    const lines: string[] = [`## ${mdText(report.tool.name)} ${mdText(report.tool.version)}: ${verdict}`, ""];
    const readable = report.files.filter((file) => file.error === undefined && file.unchecked !== true).length;
    lines.push(`Checked ${readable} of ${report.files.length} file${report.files.length === 1 ? "" : "s"}.`, "");
    for (const file of report.files) {
        if (file.error !== undefined) {
            lines.push(`- **Unreadable:** ${code(file.file)}: ${mdText(file.error)}`);
        }
        for (const note of file.notes) {
            lines.push(`- **Note** on ${code(file.file)}: ${mdText(note)}`);
        }
    }
    for (const problem of report.configProblems) {
        lines.push(`- **Ignored in the configuration:** ${mdText(problem)}`);
    }
    if (lines[lines.length - 1] !== "") {
        lines.push("");
    }
    lines.push("### Summary", "", "| Policy | Outcome | Mandatory | Advisory | Undecided | Waived | Notes |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    const used = new Set(findings.map(({ finding }) => finding.rule.name));
    for (const rule of [...INPUT_RULES.filter((candidate) => used.has(candidate.name)), ...RULES]) {
        const level = RULES.includes(rule as (typeof RULES)[number]) ? levelOf(rule as (typeof RULES)[number], config) : "mandatory";
        const own = findings.filter(({ finding }) => finding.rule.name === rule.name).map(({ finding }) => finding);
        const count = (test: (finding: Reported) => boolean) => own.filter(test).length;
        const mandatory = count((finding) => finding.outcome === "violation" && finding.level === "mandatory");
        const advisory = count((finding) => finding.outcome === "violation" && finding.level === "advisory");
        const outcome = skipped.has(rule.name) ? "skipped" : level === "disabled" ? "disabled" : mandatory > 0 ? "failed" : advisory > 0 ? "advisory" : "passed";
        const cells = [
            code(rule.name),
            outcome,
            String(mandatory),
            String(advisory),
            String(count((finding) => finding.outcome === "undecided")),
            String(count((finding) => finding.outcome === "waived")),
            String(count((finding) => finding.outcome === "notice")),
        ];
        lines.push(`| ${cells.join(" | ")} |`);
    }
    const violations = findings.filter(({ finding }) => finding.outcome === "violation");
    lines.push("", "### Violations", "");
    if (violations.length === 0) {
        lines.push("None.");
    }
    for (const { file, finding } of violations) {
        lines.push(
            `#### ${code(finding.rule.name)} (${finding.level}, severity ${finding.rule.severity}) on ${code(subject(finding))}`,
            "",
            `${mdText(finding.rule.description)} ${mdText(finding.detail)}`,
            "",
            `- **File:** ${code(file.file)}`,
            `- **Resources involved:** ${finding.involved.length === 0 ? "the whole stack" : finding.involved.map(code).join(", ")}`,
            `- **Fix:** ${mdText(finding.rule.remediationSteps)}`,
            "",
        );
    }
    const others = findings.filter(({ finding }) => finding.outcome !== "violation");
    if (others.length > 0) {
        lines.push("", "### Other findings", "");
        for (const { file, finding } of others) {
            lines.push(
                `- **${finding.outcome === "notice" ? "note" : finding.outcome}** ${code(finding.rule.name)} on ${code(subject(finding))} in ${code(file.file)}: ${mdText(finding.detail)}`,
            );
        }
    }
    lines.push("", "### EIP bindings", "");
    let drawn = 0;
    for (const file of report.files) {
        const faulty = new Set(file.findings.filter((finding) => finding.outcome === "violation").flatMap((finding) => finding.involved));
        const chart = file.resources === undefined ? undefined : bindingFlowchart(file.resources, faulty);
        if (chart !== undefined) {
            drawn++;
            lines.push(`${code(file.file)}: resources of a violation in red.`, "", "```mermaid", chart, "```", "");
        }
    }
    if (drawn === 0) {
        lines.push("No EIP binding was read.");
    }
    return `${lines
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trimEnd()}\n`;
}
