// The command line: `alicloud-eip-guard check [options] <file>...`. Kept apart from main.ts so that
// tests can run it in-process with their own streams and environment.

import * as fs from "fs";
import { levelOf } from "../core/config";
import { PACK_NAME, evaluationDate } from "../core/pack";
import { RULES } from "../core/rules";
import { sourceLocator } from "./formats/hcl/locate";
import { configFilesIn } from "./formats/hcl/sources";
import { InputError } from "./input";
import { configIssues } from "./config-issues";
import { Options, USAGE, UsageError, parseArgs } from "./options";
import { renderJson } from "./output/json";
import { renderJunit } from "./output/junit";
import { renderMarkdown } from "./output/markdown";
import { renderSarif } from "./output/sarif";
import { renderText } from "./output/text";
import { Report, buildReport, readConfig, toolVersion } from "./report";
import { selectPolicies } from "./selection";

export interface Io {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** Whether standard output is a terminal (colour by default). */
    readonly isTTY: boolean;
    readonly env: NodeJS.ProcessEnv;
    readonly cwd?: string;
}

export { USAGE } from "./options";

function wantsColor(options: Options, io: Io): boolean {
    if (options.color !== undefined) {
        return options.color;
    }
    if (options.output !== undefined) {
        return false;
    }
    if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") {
        return false;
    }
    if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") {
        return true;
    }
    return io.isTTY && io.env.TERM !== "dumb";
}

/** Why a --tf-root cannot be read, if it cannot: it must be a directory of readable .tf files. */
function tfRootProblem(dir: string): string | undefined {
    try {
        sourceLocator(dir);
        return fs.statSync(dir).isDirectory() && configFilesIn(dir).length > 0 ? undefined : "is not a directory of .tf files.";
    } catch (error) {
        return error instanceof InputError ? `${error.file}: ${error.problem}` : error instanceof Error ? error.message : String(error);
    }
}

/** One line per policy: its name, its level under `config`, its severity and what it checks. */
function policyList(config: unknown): string {
    const rows = RULES.map((rule) => [rule.name, levelOf(rule, config), rule.severity, rule.description]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
    return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell)).join("  ")).join("\n") + "\n";
}

function render(report: Report, config: unknown, options: Options, io: Io): string {
    switch (options.format) {
        case "json":
            return renderJson(report);
        case "sarif":
            return renderSarif(report, config, io.cwd);
        case "junit":
            return renderJunit(report, config);
        case "markdown":
            return renderMarkdown(report, config);
        default:
            return renderText(report, wantsColor(options, io));
    }
}

/** Runs the command line; returns the exit code. Never throws. */
export function run(argv: readonly string[], io: Io): number {
    try {
        let options: Options | "help" | "version";
        let only: ReadonlySet<string> | undefined;
        try {
            options = parseArgs(argv);
            only = typeof options === "string" ? undefined : selectPolicies(options.policies, options.skipPolicies);
        } catch (error) {
            if (error instanceof UsageError) {
                io.stderr(`${PACK_NAME}: ${error.message}\n\n${USAGE}`);
                return 2;
            }
            throw error;
        }
        if (options === "help") {
            io.stdout(USAGE);
            return 0;
        }
        if (options === "version") {
            io.stdout(`${toolVersion()}\n`);
            return 0;
        }
        let config: unknown = {};
        if (options.config !== undefined) {
            try {
                config = readConfig(options.config);
            } catch (error) {
                if (error instanceof InputError) {
                    io.stderr(`${PACK_NAME}: the configuration ${error.message}\n`);
                    return 2;
                }
                throw error;
            }
        }
        if (options.strictConfig) {
            const issues = configIssues(config);
            if (issues.length > 0) {
                for (const issue of issues) {
                    io.stderr(`${PACK_NAME}: configuration ${options.config ?? ""}: ${issue}\n`.replace("configuration : ", "configuration: "));
                }
                io.stderr(`${PACK_NAME}: --strict-config: the configuration has ${issues.length} problem${issues.length === 1 ? "" : "s"}; nothing was checked.\n`);
                return 2;
            }
        }
        if (options.listPolicies) {
            io.stdout(policyList(config));
            return 0;
        }
        if (options.tfRoot !== undefined) {
            const problem = tfRootProblem(options.tfRoot);
            if (problem !== undefined) {
                io.stderr(`${PACK_NAME}: --tf-root ${options.tfRoot}: ${problem}\n`);
                return 2;
            }
        }
        const report = buildReport(options.files, config, options.config, evaluationDate(io.env), {
            variables: options.variables,
            environment: io.env,
            tfRoot: options.tfRoot,
            allowPartial: options.allowPartialPreview,
            only,
        });
        const rendered = render(report, config, options, io);
        if (options.output !== undefined) {
            try {
                fs.writeFileSync(options.output, rendered);
            } catch (error) {
                io.stderr(`${PACK_NAME}: cannot write the report to ${options.output} (${error instanceof Error ? error.message : String(error)}).\n`);
                return 2;
            }
        } else {
            io.stdout(rendered);
        }
        if (options.format !== "text" || options.output !== undefined) {
            // The report went to a file or is machine-readable: say on stderr what a person needs.
            for (const file of report.files) {
                if (file.error !== undefined) {
                    io.stderr(`${PACK_NAME}: ${file.file}: ${file.error}\n`);
                }
            }
            for (const problem of report.configProblems) {
                io.stderr(`${PACK_NAME}: configuration ${options.config}: ${problem}\n`);
            }
        } else if (report.exitCode === 2) {
            for (const file of report.files) {
                if (file.error !== undefined) {
                    io.stderr(`${PACK_NAME}: ${file.file}: ${file.error}\n`);
                }
            }
        }
        return options.softFail && report.exitCode === 1 ? 0 : report.exitCode;
    } catch (error) {
        // A defect of this tool, not of the input: one line, no stack trace.
        io.stderr(`${PACK_NAME}: internal error (${error instanceof Error ? error.message : String(error)}); please report it.\n`);
        return 2;
    }
}
