// Machine-readable JSON: every finding with its file, policy, level and resource.

import { Report, countsOf } from "../report";

export function renderJson(report: Report): string {
    const findings = report.files.flatMap((file) =>
        file.findings.map((finding) => ({
            file: file.file,
            policy: finding.rule.name,
            outcome: finding.outcome,
            level: finding.level,
            severity: finding.rule.severity,
            resource:
                finding.address === undefined
                    ? null
                    : {
                          address: finding.address,
                          name: finding.resource?.name ?? finding.address,
                          type: finding.resource?.type ?? null,
                          line: file.locate(finding.address) ?? null,
                          // Terraform sources: the .tf file that declares it.
                          ...(file.source === undefined ? {} : { file: file.source(finding.address)?.file ?? null }),
                      },
            involved: finding.involved,
            message: finding.message,
            detail: finding.detail,
            description: finding.rule.description,
            remediation: finding.outcome === "violation" ? finding.rule.remediationSteps : null,
        })),
    );
    const totals = countsOf(report.files.flatMap((file) => file.findings));
    const document = {
        tool: report.tool,
        files: report.files.map((file) => ({
            file: file.file,
            format: file.format ?? null,
            resources: file.resourceCount ?? null,
            error: file.error ?? null,
            // A file of another cloud only: read, but no policy looked at it.
            ...(file.unchecked === true ? { checked: false } : {}),
            notes: file.notes,
        })),
        configFile: report.configFile ?? null,
        configProblems: report.configProblems,
        ...(report.skipped === undefined ? {} : { skippedPolicies: report.skipped }),
        findings,
        summary: { ...totals, unreadableFiles: report.files.filter((file) => file.error !== undefined).length },
        exitCode: report.exitCode,
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
