// Which of the four formats a file is, told from its own shape (never from its name):
// - Terraform plan: `format_version` with `planned_values` / `resource_changes` / `configuration`.
// - Terraform state: `format_version` without those (`values`, or nothing for an empty state).
// - Pulumi stack export: `deployment` with a numeric `version`.
// - Pulumi preview: `steps`, or the `changeSummary` every `pulumi preview --json` prints.
// Terraform configuration is not JSON to recognise: a directory, or a file named *.tf / *.tf.json.

import { isRecord } from "../core/values";
import { InputError, STDIN, parseJson, readText } from "./input";
import { FORMAT_LABEL, InputFormat, LoadedInput } from "./formats/loaded";
import { fromPreview, fromStackExport } from "./formats/pulumi";
import { NoAlicloudResource } from "./formats/refusal";
import { fromTerraformPlan, fromTerraformState } from "./formats/terraform";
import { SourceOptions, fromTerraformSources, isSourceInput } from "./formats/hcl";

export function detectFormat(file: string, doc: unknown): Exclude<InputFormat, "terraform-source"> {
    if (!isRecord(doc)) {
        const what = Array.isArray(doc) ? "an array" : doc === null ? "null" : `a ${typeof doc}`;
        throw new InputError(file, `is JSON, but its top level is ${what}; expected the object that terraform show -json, pulumi stack export or pulumi preview --json writes.`);
    }
    if ("format_version" in doc || "terraform_version" in doc) {
        return "planned_values" in doc || "resource_changes" in doc || "configuration" in doc || "prior_state" in doc ? "terraform-plan" : "terraform-state";
    }
    if ("deployment" in doc && "version" in doc) {
        return "pulumi-export";
    }
    if (Array.isArray(doc.steps) || isRecord(doc.changeSummary)) {
        return "pulumi-preview";
    }
    if (Array.isArray(doc.resources) && "version" in doc && "serial" in doc) {
        throw new InputError(file, "is a raw Terraform state file (terraform.tfstate). Convert it with `terraform show -json > state.json` and check state.json.");
    }
    const keys = Object.keys(doc).slice(0, 5);
    throw new InputError(
        file,
        `is JSON, but not a format this checker reads (its top-level keys are ${keys.length > 0 ? keys.map((key) => JSON.stringify(key)).join(", ") : "none"}). Give the output of \`terraform show -json\` (a plan or a state), \`pulumi stack export\`, or \`pulumi preview --json\`.`,
    );
}

/** HCL's top-level blocks: a text that opens with one of them (after comments) is no JSON document. */
const HCL_BLOCK = /^(?:resource|data|provider|variable|output|locals|module|terraform|import|moved|removed|check)\s*(?:"[^"\n]*"\s*|[A-Za-z_][\w-]*\s*)*\{/;

/** Whether a text given where JSON is expected is in fact .tf source: its first statement, past comments, is an HCL block. */
export function looksLikeHcl(text: string): boolean {
    let rest = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    for (;;) {
        rest = rest.trimStart();
        const comment = /^(?:(?:#|\/\/)[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
        if (comment === null) {
            break;
        }
        rest = rest.slice(comment[0].length);
    }
    return HCL_BLOCK.test(rest);
}

/** Reads Terraform sources: a directory, or .tf files of one directory. Throws InputError. */
export function loadSources(label: string, paths: readonly string[], options: SourceOptions = {}): LoadedInput {
    try {
        return fromTerraformSources(label, paths, options);
    } catch (error) {
        if (error instanceof NoAlicloudResource) {
            throw error.inFormat("terraform-source");
        }
        if (error instanceof InputError) {
            throw error;
        }
        throw new InputError(label, `could not be read as a ${FORMAT_LABEL["terraform-source"]} (${error instanceof Error ? error.message : String(error)}).`);
    }
}

/** Reads, recognises and maps one input file. Throws InputError for anything wrong with it. */
export function loadInput(file: string, options: SourceOptions = {}): LoadedInput {
    if (file !== STDIN && isSourceInput(file)) {
        return loadSources(file, [file], options);
    }
    const label = file === STDIN ? "<stdin>" : file;
    const text = readText(file);
    if (looksLikeHcl(text)) {
        throw new InputError(
            label,
            "is Terraform configuration (HCL), not JSON. To check .tf sources, give their directory or the .tf files themselves: `alicloud-eip-guard check <dir>`. To check a plan, save it with `terraform plan -out plan.out` and convert it: `terraform show -json plan.out > plan.json`.",
        );
    }
    const doc = parseJson(label, text);
    const format = detectFormat(label, doc);
    const record = doc as Record<string, unknown>;
    try {
        switch (format) {
            case "terraform-plan":
                return fromTerraformPlan(label, record, text);
            case "terraform-state":
                return fromTerraformState(label, record, text);
            case "pulumi-export":
                return fromStackExport(label, record, text);
            case "pulumi-preview":
                return fromPreview(label, record, text);
        }
    } catch (error) {
        if (error instanceof NoAlicloudResource) {
            throw error.inFormat(format);
        }
        if (error instanceof InputError) {
            throw error;
        }
        // A shape no front end expected: say so about the file, never with a stack trace.
        throw new InputError(label, `could not be read as a ${FORMAT_LABEL[format]} (${error instanceof Error ? error.message : String(error)}).`);
    }
}
