// Values of the root module's variables, from where Terraform takes them, each later one overriding
// the earlier: TF_VAR_<name> environment variables, terraform.tfvars, terraform.tfvars.json, every
// *.auto.tfvars(.json) in name order, then each --var-file and --var in the order given (Terraform's
// -var-file and -var).
//
// A value given as text (TF_VAR_, --var) is read as Terraform reads it: as a literal string when the
// variable's declared type is a primitive or not given, and as an HCL expression otherwise.

import * as fs from "fs";
import * as path from "path";
import { UNKNOWN, isRecord } from "../../../core/values";
import { InputError, reason } from "../../input";
import { Scope, evaluate } from "./evaluate";
import { HclSyntaxError, describeSyntaxError, parseHcl } from "./parser";
import { typeExpression } from "./types";

export interface VariableValue {
    readonly value: unknown;
    /** Where it was set: a file, `--var` or `TF_VAR_<name>`. */
    readonly file: string;
}

/** A `--var-file` or a `--var name=value`, in the order given on the command line. */
export type VariableArgument = { readonly file: string } | { readonly assignment: string };

/** A value given as text, read once the variable's declared type is known. */
interface TextValue {
    readonly text: string;
    readonly file: string;
}

const ENV_PREFIX = "TF_VAR_";

/** The definition files Terraform loads by itself from a root module's directory, in its order. */
export function automaticVarFiles(dir: string): string[] {
    let names: string[];
    try {
        names = fs.readdirSync(dir);
    } catch {
        return [];
    }
    const auto = names.filter((name) => name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json")).sort();
    return ["terraform.tfvars", "terraform.tfvars.json", ...auto].filter((name) => names.includes(name)).map((name) => path.join(dir, name));
}

/** Nothing can be referred to in a definition file. */
const NOTHING: Scope = {
    variable: () => UNKNOWN,
    local: () => UNKNOWN,
    resource: () => UNKNOWN,
    attribute: () => UNKNOWN,
    moduleCall: () => UNKNOWN,
    output: () => UNKNOWN,
};

function readDefinitions(file: string): Record<string, unknown> {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new InputError(file, `cannot be read (${reason(error)}).`);
    }
    if (file.endsWith(".json")) {
        try {
            const doc: unknown = JSON.parse(text);
            if (isRecord(doc)) {
                return doc;
            }
        } catch (error) {
            throw new InputError(file, `is not valid JSON (${reason(error)}).`);
        }
        throw new InputError(file, "is not a variable definitions file: its top level must be an object of variable values.");
    }
    try {
        return parseHcl(path.basename(file), text);
    } catch (error) {
        if (error instanceof HclSyntaxError) {
            throw new InputError(file, `is not a valid variable definitions file (${describeSyntaxError(error.message).text})`);
        }
        throw error;
    }
}

function definitionsIn(file: string, values: Map<string, VariableValue | TextValue>): void {
    for (const [name, raw] of Object.entries(readDefinitions(file))) {
        values.set(name, { value: evaluate(raw, { module: "" }, NOTHING, new Set()), file });
    }
}

/** Whether Terraform reads a text value of a variable of this declared type as an expression. */
function readsAsExpression(typeText: unknown): boolean {
    if (typeof typeText !== "string") {
        return false;
    }
    return !["string", "number", "bool"].includes(typeExpression(typeText));
}

function fromText(name: string, given: TextValue, typeText: unknown): VariableValue {
    if (!readsAsExpression(typeText)) {
        return { value: given.text, file: given.file };
    }
    let parsed: Record<string, unknown>;
    try {
        parsed = parseHcl(given.file, `value = ${given.text}\n`);
    } catch (error) {
        if (error instanceof HclSyntaxError) {
            throw new InputError(given.file, `sets var.${name} to text that is not a valid expression for its type (${describeSyntaxError(error.message).text})`);
        }
        throw error;
    }
    return { value: evaluate(parsed.value, { module: "" }, NOTHING, new Set()), file: given.file };
}

/**
 * The values of the root module's variables, the last source's winning: `environment`'s TF_VAR_
 * variables, then `files` (those Terraform loads by itself), then `args` in their order. `declared`
 * gives each declared variable's type (the text of its `type`, or undefined).
 */
export function variableValues(
    files: readonly string[],
    args: readonly VariableArgument[] = [],
    environment: Readonly<Record<string, string | undefined>> = {},
    declared: ReadonlyMap<string, unknown> = new Map(),
): Map<string, VariableValue> {
    const values = new Map<string, VariableValue | TextValue>();
    for (const [key, text] of Object.entries(environment).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const name = key.slice(ENV_PREFIX.length);
        // Terraform ignores TF_VAR_ variables the configuration does not declare.
        if (key.startsWith(ENV_PREFIX) && text !== undefined && declared.has(name)) {
            values.set(name, { text, file: key });
        }
    }
    for (const file of files) {
        definitionsIn(file, values);
    }
    for (const arg of args) {
        if ("file" in arg) {
            definitionsIn(arg.file, values);
            continue;
        }
        const eq = arg.assignment.indexOf("=");
        const name = eq > 0 ? arg.assignment.slice(0, eq) : "";
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
            throw new InputError(`--var ${arg.assignment}`, 'is not a variable assignment: write --var "name=value", as with terraform plan -var.');
        }
        if (!declared.has(name)) {
            throw new InputError(`--var ${arg.assignment}`, `sets var.${name}, which the root module does not declare (terraform plan refuses it too).`);
        }
        values.set(name, { text: arg.assignment.slice(eq + 1), file: "--var" });
    }
    return new Map([...values].map(([name, given]) => [name, "text" in given ? fromText(name, given, declared.get(name)) : given]));
}
