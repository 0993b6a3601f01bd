// JUnit XML for CI test views (GitLab, Jenkins): one test suite per policy, one test case per finding
// of it, or one per input file the policy checked and found nothing in. A mandatory violation is a
// failure; an advisory one, an undecided check, a waiver or a note passes with its text as output,
// as it does not fail the check. A policy that did not run (--skip-policy, or disabled by the
// configuration) is a skipped case per file. The input files are a suite of their own, so that an
// unreadable file is an error and a file with nothing to check is skipped.

import { levelOf } from "../../core/config";
import { RULES } from "../../core/rules";
import { Reported, RuleInfo } from "../check";
import { INPUT_RULES } from "../input-rules";
import { FileReport, Report } from "../report";
import { xmlAttribute, xmlText } from "./xml";

/** The suite of the input files themselves. */
export const INPUT_SUITE = "input files";

type Result =
    | { readonly kind: "passed"; readonly output?: string }
    | { readonly kind: "failure" | "error" | "skipped"; readonly type: string; readonly message: string; readonly body?: string };

interface Case {
    readonly name: string;
    readonly classname: string;
    readonly file?: string;
    readonly result: Result;
}

function caseXml(test: Case): string {
    const open = `    <testcase name="${xmlAttribute(test.name)}" classname="${xmlAttribute(test.classname)}"${test.file === undefined ? "" : ` file="${xmlAttribute(test.file)}"`}`;
    const result = test.result;
    if (result.kind === "passed") {
        return result.output === undefined ? `${open}/>` : `${open}>\n      <system-out>${xmlText(result.output)}</system-out>\n    </testcase>`;
    }
    const attributes = `message="${xmlAttribute(result.message)}" type="${xmlAttribute(result.type)}"`;
    const element = result.body === undefined ? `<${result.kind} ${attributes}/>` : `<${result.kind} ${attributes}>${xmlText(result.body)}</${result.kind}>`;
    return `${open}>\n      ${element}\n    </testcase>`;
}

/** What a finding says in full: its message, the resources involved and, for a violation, the fix. */
function findingBody(finding: Reported): string {
    return [
        finding.detail,
        ...(finding.involved.length > 0 ? [`Resources involved: ${finding.involved.join(", ")}`] : []),
        ...(finding.outcome === "violation" ? [`Fix: ${finding.rule.remediationSteps}`] : []),
    ].join("\n");
}

function findingCase(rule: RuleInfo, file: FileReport, finding: Reported): Case {
    const subject = finding.address === undefined ? "the whole stack" : (finding.resource?.name ?? finding.address);
    const base = { name: `${subject} (${file.file})`, classname: rule.name, file: file.file };
    if (finding.outcome === "violation" && finding.level === "mandatory") {
        return { ...base, result: { kind: "failure", type: "mandatory", message: finding.detail.split("\n")[0], body: findingBody(finding) } };
    }
    const tag = finding.outcome === "violation" ? "advisory violation" : finding.outcome === "notice" ? "note" : finding.outcome;
    return { ...base, result: { kind: "passed", output: `[${tag}] ${findingBody(finding)}` } };
}

function suiteXml(name: string, cases: readonly Case[], properties: Readonly<Record<string, string>> = {}): string {
    const count = (kind: Result["kind"]) => cases.filter((test) => test.result.kind === kind).length;
    const props = Object.entries(properties);
    return [
        `  <testsuite name="${xmlAttribute(name)}" tests="${cases.length}" failures="${count("failure")}" errors="${count("error")}" skipped="${count("skipped")}">`,
        ...(props.length === 0
            ? []
            : ["    <properties>", ...props.map(([key, value]) => `      <property name="${xmlAttribute(key)}" value="${xmlAttribute(value)}"/>`), "    </properties>"]),
        ...cases.map(caseXml),
        "  </testsuite>",
    ].join("\n");
}

export function renderJunit(report: Report, config: unknown): string {
    const checked = report.files.filter((file) => file.error === undefined && file.unchecked !== true);
    const skipped = new Set(report.skipped ?? []);
    const suites: { name: string; cases: Case[]; properties: Record<string, string> }[] = [];
    const used = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.rule.name)));
    for (const rule of [...INPUT_RULES.filter((candidate) => used.has(candidate.name)), ...RULES]) {
        const level = RULES.includes(rule as (typeof RULES)[number]) ? levelOf(rule as (typeof RULES)[number], config) : "mandatory";
        const why = skipped.has(rule.name) ? "skipped by --policy / --skip-policy" : level === "disabled" ? "disabled by the configuration" : undefined;
        const cases: Case[] = checked.flatMap((file): Case[] => {
            if (why !== undefined) {
                return [{ name: file.file, classname: rule.name, file: file.file, result: { kind: "skipped", type: "skipped", message: why } }];
            }
            const findings = file.findings.filter((finding) => finding.rule.name === rule.name);
            return findings.length === 0
                ? [{ name: file.file, classname: rule.name, file: file.file, result: { kind: "passed" } }]
                : findings.map((finding) => findingCase(rule, file, finding));
        });
        suites.push({ name: rule.name, cases, properties: { severity: rule.severity, level } });
    }
    const inputs: Case[] = report.files.map((file) => ({
        name: file.file,
        classname: INPUT_SUITE,
        file: file.file,
        result:
            file.error !== undefined
                ? { kind: "error", type: "unreadable", message: file.error }
                : file.unchecked === true
                  ? { kind: "skipped", type: "not checked", message: file.notes.join(" ") }
                  : { kind: "passed", ...(file.notes.length > 0 ? { output: file.notes.join("\n") } : {}) },
    }));
    if (report.configProblems.length > 0) {
        // Ignored configuration does not fail the check; CI views still show it, one line per item.
        inputs.push({
            name: report.configFile ?? "configuration",
            classname: INPUT_SUITE,
            result: { kind: "passed", output: report.configProblems.map((problem) => `ignored: ${problem}`).join("\n") },
        });
    }
    suites.push({ name: INPUT_SUITE, cases: inputs, properties: {} });
    const all = suites.flatMap((suite) => suite.cases);
    const count = (kind: Result["kind"]) => all.filter((test) => test.result.kind === kind).length;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xmlAttribute(`${report.tool.name} ${report.tool.version}`)}" tests="${all.length}" failures="${count("failure")}" errors="${count("error")}" skipped="${count("skipped")}">`,
        ...suites.map((suite) => suiteXml(suite.name, suite.cases, suite.properties)),
        "</testsuites>",
        "",
    ].join("\n");
}
