// Values of the root module's variables from variable definition files, loaded as Terraform loads
// them, each later one overriding the earlier: terraform.tfvars, terraform.tfvars.json, every
// *.auto.tfvars(.json) in name order, then each --var-file in the order given. (TF_VAR_ environment
// variables and -var on Terraform's command line are not seen by this checker.)

import * as fs from "fs";
import * as path from "path";
import { UNKNOWN, isRecord } from "../../../core/values";
import { InputError, reason } from "../../input";
import { Env, Scope, evaluate } from "./evaluate";
import { HclSyntaxError, describeSyntaxError, parseHcl } from "./parser";

export interface VariableValue {
    readonly value: unknown;
    /** The file that set it. */
    readonly file: string;
}

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

/** The values the files set, the last file's winning. */
export function variableValues(files: readonly string[]): Map<string, VariableValue> {
    const values = new Map<string, VariableValue>();
    const env: Env = { module: "" };
    for (const file of files) {
        for (const [name, raw] of Object.entries(readDefinitions(file))) {
            values.set(name, { value: evaluate(raw, env, NOTHING, new Set()), file });
        }
    }
    return values;
}
