// The command line's words: the usage text and the parsing of arguments into options. Checking
// that policy names exist is left to selection.ts, which knows the registry.

import { PACK_NAME } from "../core/pack";
import { VariableArgument } from "./formats/hcl/tfvars";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export interface Options {
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
    /** A preview without --show-sames is checked as far as it goes instead of failing. */
    readonly allowPartialPreview: boolean;
    /** Anything the configuration sets that the checker cannot use stops the run (exit 2). */
    readonly strictConfig: boolean;
    /** --policy: the policies to run (none given: all). */
    readonly policies: string[];
    /** --skip-policy: the policies not to run. */
    readonly skipPolicies: string[];
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
  --strict-config        stop (exit 2) on anything in --config the checker cannot use, instead of
                         ignoring it with a line in the report
  --policy <name>        run only this policy (repeatable, or a comma-separated list)
  --skip-policy <name>   do not run this policy (repeatable, or a comma-separated list)
  --allow-partial-preview
                         check a preview taken without --show-sames as far as it goes (a note)
                         instead of failing it
  --format, -f <format>  text (default), json, sarif, junit or markdown
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
unreadable or unrecognised input (or a bad option or configuration file). A file with no alicloud
resource exits 0 with a note that nothing was checked; a preview without --show-sames exits 1
unless --allow-partial-preview is given.
`;

export class UsageError extends Error {}

/** The names a repeatable list option was given: `--policy a,b --policy c`. */
function names(value: string): string[] {
    return value
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "");
}

export function parseArgs(argv: readonly string[]): Options | "help" | "version" {
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
    let allowPartialPreview = false;
    let strictConfig = false;
    const policies: string[] = [];
    const skipPolicies: string[] = [];
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
                if (!(FORMATS as readonly string[]).includes(given)) {
                    throw new UsageError(`--format must be text, json, sarif, junit or markdown, not "${given}".`);
                }
                format = given as Format;
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
            case "--allow-partial-preview":
                allowPartialPreview = true;
                break;
            case "--strict-config":
                strictConfig = true;
                break;
            case "--policy":
                policies.push(...names(value(flag, inline)));
                break;
            case "--skip-policy":
                skipPolicies.push(...names(value(flag, inline)));
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
        throw new UsageError("no input file; give one or more files or directories of .tf files (or - for standard input).");
    }
    return { files, format, config, output, color, variables, tfRoot, softFail, listPolicies, allowPartialPreview, strictConfig, policies, skipPolicies };
}
