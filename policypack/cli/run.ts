// The command line: `alicloud-eip-guard check [options] <file>...`. Kept apart from main.ts so that
// tests can run it in-process with their own streams and environment.

import * as fs from "fs";
import { levelOf } from "../core/config";
import { PACK_NAME, evaluationDate } from "../core/pack";
import { RULES } from "../core/rules";
import { sourceLocator } from "./formats/hcl/locate";
import { configFilesIn } from "./formats/hcl/sources";
import { VariableArgument } from "./formats/hcl/tfvars";
import { InputError } from "./input";
import { renderJson } from "./output/json";
import { renderSarif } from "./output/sarif";
import { renderText } from "./output/text";
import { buildReport, readConfig, toolVersion } from "./report";

export interface Io {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** Whether standard output is a terminal (colour by default). */
    readonly isTTY: boolean;
    readonly env: NodeJS.ProcessEnv;
    readonly cwd?: string;
}

type Format = "text" | "json" | "sarif";

interface Options {
    readonly files: string[];
    readonly format: Format;
    readonly config?: string;
    readonly output?: string;
    readonly color?: boolean;
    /** `--var-file`s and `--var`s, in the order given. */
    readonly variables: VariableArgument[];
    readonly tfRoot?: string;
    /** Exit 0 even when a mandatory policy is violated (the report is unchanged). */
    readonly softFail: boolean;
    /** List the policies with their levels instead of checking files. */
    readonly listPolicies: boolean;
}

export const USAGE = `Usage: ${PACK_NAME} check [options] <file>...

Checks Alibaba Cloud EIP bindings offline with the policies of the alicloud-eip-guard pack.
Each <file> (or - for standard input) is one of, recognised by its content:
  Terraform sources  a directory of .tf files, or .tf / .tf.json files (no plan needed)
  a Terraform plan   terraform show -json tfplan > plan.json
  a Terraform state  terraform show -json > state.json
  a Pulumi export    pulumi stack export > stack.json
  a Pulumi preview   pulumi preview --json --show-sames > preview.json

Options:
  --config <file>        policy configuration, the JSON pulumi preview --policy-pack-config takes
  --format <format>      text (default), json or sarif
  --output, -o <file>    write the report to <file> instead of standard output
  --var-file <file>      a .tfvars file for Terraform sources (after terraform.tfvars and *.auto.tfvars)
  --var <name>=<value>   a root variable's value for Terraform sources, as terraform plan -var
                         (TF_VAR_<name> environment variables are read too)
  --tf-root <dir>        the .tf sources a plan or state was made from: findings point at their lines
  --soft-fail            exit 0 even when a mandatory policy is violated (the report still says so)
  --list-policies        list every policy with its level (as --config sets it) and severity, and exit
  --color, --no-color    force or disable colour (default: colour on a terminal, unless NO_COLOR is set)
  --help, -h             show this help
  --version              show the version

Exit codes: 0 no mandatory violation (or --soft-fail), 1 at least one mandatory violation, 2
unreadable or unrecognised input (or a bad option or configuration file).
`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | "help" | "version" {
    const args = [...argv];
    if (args[0] === "check") {
        args.shift();
    } else if (args[0] === "--help" || args[0] === "-h" || args[0] === "help" || args.length === 0) {
        return "help";
    } else if (args[0] === "--version") {
        return "version";
    } else if (!args[0].startsWith("-")) {
        throw new UsageError(`unknown command "${args[0]}"; the command is "check".`);
    }
    const files: string[] = [];
    let format: Format = "text";
    let config: string | undefined;
    let output: string | undefined;
    let color: boolean | undefined;
    const variables: VariableArgument[] = [];
    let tfRoot: string | undefined;
    let softFail = false;
    let listPolicies = false;
    const value = (flag: string, inline: string | undefined): string => {
        const next = inline ?? args.shift();
        if (next === undefined || (inline === undefined && next.startsWith("-") && next !== "-")) {
            throw new UsageError(`${flag} needs a value.`);
        }
        return next;
    };
    let onlyFiles = false;
    while (args.length > 0) {
        const arg = args.shift()!;
        if (onlyFiles || arg === "-" || !arg.startsWith("-")) {
            files.push(arg);
            continue;
        }
        const eq = arg.indexOf("=");
        const flag = eq > 0 ? arg.slice(0, eq) : arg;
        const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
        switch (flag) {
            case "--":
                onlyFiles = true;
                break;
            case "--config":
                config = value(flag, inline);
                break;
            case "--format":
            case "-f": {
                const given = value(flag, inline);
                if (given !== "text" && given !== "json" && given !== "sarif") {
                    throw new UsageError(`--format must be text, json or sarif, not "${given}".`);
                }
                format = given;
                break;
            }
            case "--output":
            case "-o":
                output = value(flag, inline);
                break;
            case "--var-file":
                variables.push({ file: value(flag, inline) });
                break;
            case "--var":
                variables.push({ assignment: value(flag, inline) });
                break;
            case "--tf-root":
                tfRoot = value(flag, inline);
                break;
            case "--soft-fail":
                softFail = true;
                break;
            case "--list-policies":
                listPolicies = true;
                break;
            case "--color":
                color = true;
                break;
            case "--no-color":
                color = false;
                break;
            case "--help":
            case "-h":
                return "help";
            case "--version":
                return "version";
            default:
                throw new UsageError(`unknown option ${flag}.`);
        }
    }
    if (files.length === 0 && !listPolicies) {
        throw new UsageError("no input file; give one or more JSON files (or - for standard input).");
    }
    return { files, format, config, output, color, variables, tfRoot, softFail, listPolicies };
}

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

/** Runs the command line; returns the exit code. Never throws. */
export function run(argv: readonly string[], io: Io): number {
    try {
        let options: Options | "help" | "version";
        try {
            options = parseArgs(argv);
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
        const report = buildReport(options.files, config, options.config, evaluationDate(io.env), { variables: options.variables, environment: io.env, tfRoot: options.tfRoot });
        const rendered =
            options.format === "json" ? renderJson(report) : options.format === "sarif" ? renderSarif(report, config, io.cwd) : renderText(report, wantsColor(options, io));
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
