// Human text: per file, the findings grouped by resource, each with its policy, message and fix.

import { Reported } from "../check";
import { FORMAT_LABEL } from "../formats/loaded";
import { Report, countsOf } from "../report";

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

function indent(text: string, prefix: string): string {
    return text
        .split("\n")
        .map((line) => `${prefix}${line}`)
        .join("\n");
}

function label(finding: Reported): string {
    if (finding.outcome === "violation") {
        return finding.level === "mandatory" ? "mandatory" : "advisory";
    }
    return finding.outcome === "undecided" ? "undecided" : finding.outcome === "waived" ? "waived" : "note";
}

export function renderText(report: Report, color: boolean): string {
    const paint = (style: Style, text: string) => (color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
    const lines: string[] = [];
    for (const problem of report.configProblems) {
        lines.push(paint("yellow", `config ${report.configFile ?? ""}: ${problem}`.replace("config : ", "config: ")));
    }
    if ((report.skipped ?? []).length > 0) {
        lines.push(`skipped policies (--policy / --skip-policy): ${report.skipped!.join(", ")}`);
    }
    if (report.configProblems.length > 0 || (report.skipped ?? []).length > 0) {
        lines.push("");
    }
    for (const file of report.files) {
        if (file.error !== undefined) {
            lines.push(`${paint("bold", file.file)}: ${paint("red", "error")}: ${file.error}`, "");
            continue;
        }
        const counts = countsOf(file.findings);
        lines.push(
            `${paint("bold", file.file)} (${FORMAT_LABEL[file.format!]}, ${plural(file.resourceCount ?? 0, "resource")}): ${
                file.unchecked === true
                    ? paint("bold", "nothing checked")
                    : counts.mandatory + counts.advisory === 0
                      ? paint("bold", "no violations")
                      : [
                            counts.mandatory > 0 ? paint("red", plural(counts.mandatory, "mandatory violation")) : "",
                            counts.advisory > 0 ? paint("yellow", plural(counts.advisory, "advisory violation")) : "",
                        ]
                            .filter(Boolean)
                            .join(", ")
            }${counts.notes > 0 ? `, ${plural(counts.notes, "note")}` : ""}`,
        );
        for (const note of file.notes) {
            lines.push(indent(paint("dim", `note: ${note}`), "  "));
        }
        const groups = new Map<string, Reported[]>();
        for (const finding of file.findings) {
            const key = finding.address ?? "";
            groups.set(key, [...(groups.get(key) ?? []), finding]);
        }
        const ordered = [...groups.entries()].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : 0));
        for (const [address, findings] of ordered) {
            const first = findings[0];
            const at = address === "" ? undefined : file.source?.(address);
            const heading =
                address === ""
                    ? "(the whole stack)"
                    : `${first.resource?.name ?? address}${first.resource ? paint("dim", `  ${first.resource.type}`) : ""}${at === undefined ? "" : paint("dim", `  ${at.file}:${at.line}`)}`;
            lines.push("", `  ${paint("bold", heading)}`);
            for (const finding of findings) {
                const tag = label(finding);
                const style: Style = finding.outcome !== "violation" ? "cyan" : finding.level === "mandatory" ? "red" : "yellow";
                const mark = finding.outcome !== "violation" ? "i" : finding.level === "mandatory" ? "x" : "!";
                lines.push(`    ${paint(style, `${mark} [${tag}] ${finding.rule.name}`)}${paint("dim", ` (severity ${finding.rule.severity})`)}`);
                if (finding.outcome === "violation") {
                    lines.push(indent(finding.rule.description, "      "));
                }
                lines.push(indent(finding.detail, "      "));
                if (finding.outcome === "violation") {
                    lines.push(indent(`${paint("bold", "Fix:")} ${finding.rule.remediationSteps}`, "      "));
                }
            }
        }
        lines.push("");
    }
    const all = report.files.flatMap((file) => file.findings);
    const totals = countsOf(all);
    const errors = report.files.filter((file) => file.error !== undefined).length;
    const summary = [
        plural(totals.mandatory, "mandatory violation"),
        plural(totals.advisory, "advisory violation"),
        plural(totals.notes, "note"),
        ...(errors > 0 ? [plural(errors, "unreadable file")] : []),
    ].join(", ");
    const verdict = report.exitCode === 2 ? paint("red", "input error") : report.exitCode === 1 ? paint("red", "failed") : paint("bold", "passed");
    lines.push(`${report.tool.name} ${report.tool.version}: ${verdict}: ${summary} in ${plural(report.files.length, "file")}.`);
    return `${lines.join("\n")}\n`;
}
