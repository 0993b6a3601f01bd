// The outcome of one run of the checker over its input files, which every output format renders.

import * as fs from "fs";
import * as path from "path";
import { PACK_NAME } from "../core/pack";
import { RULES } from "../core/rules";
import { ResourceInput } from "../core/resources";
import { isRecord } from "../core/values";
import { Reported, checkResources, problemsWith } from "./check";
import { loadInput, loadSources } from "./detect";
import { SourceOptions, sourceGroups } from "./formats/hcl";
import { sourceLocator } from "./formats/hcl/locate";
import { WithInline, withInlineWaivers } from "./formats/hcl/suppressions";
import { TERRAFORM_WORDS } from "./formats/terraform/words";
import { PULUMI_WORDS } from "../pulumi/words";
import { InputFormat, LoadedInput, SourceLocation } from "./formats/loaded";
import { NoAlicloudResource } from "./formats/refusal";
import { InputError, parseJson, readText } from "./input";
import { COMPLETE_INPUT } from "./input-rules";

export interface FileReport {
    readonly file: string;
    readonly format?: InputFormat;
    /** Resources in the file, of every provider. */
    readonly resourceCount?: number;
    /** Why the file could not be checked (exit code 2). */
    readonly error?: string;
    readonly findings: readonly Reported[];
    readonly notes: readonly string[];
    readonly locate: (address: string) => number | undefined;
    /** The file and line that declare a resource, when the input is a set of files (Terraform sources). */
    readonly source?: (address: string) => SourceLocation | undefined;
    /** The resources the policies read (the Markdown report draws their EIP bindings). */
    readonly resources?: readonly ResourceInput[];
    /** The file holds no alicloud resource (infrastructure of another cloud): no policy looked at it. */
    readonly unchecked?: boolean;
}

/** How the checker reads and judges its inputs, besides the configuration. */
export interface CheckOptions extends SourceOptions {
    /** --allow-partial-preview: a preview without --show-sames is a note, not a failing finding. */
    readonly allowPartial?: boolean;
    /** --policy / --skip-policy: the policies to run (undefined: all of them). */
    readonly only?: ReadonlySet<string>;
}

export interface Report {
    readonly tool: { readonly name: string; readonly version: string };
    readonly files: readonly FileReport[];
    readonly configFile?: string;
    readonly configProblems: readonly string[];
    /** Policies left out by --policy / --skip-policy: they did not run. */
    readonly skipped?: readonly string[];
    /** 0: no mandatory violation; 1: at least one; 2: an input or the configuration could not be read. */
    readonly exitCode: 0 | 1 | 2;
}

/** This package's version, read from its package.json (found from here, built or not). */
export function toolVersion(): string {
    let dir = __dirname;
    for (let i = 0; i < 6; i++) {
        const file = path.join(dir, "package.json");
        try {
            const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
            if (isRecord(parsed) && parsed.name === PACK_NAME && typeof parsed.version === "string") {
                return parsed.version;
            }
        } catch {
            // Not here; look further up.
        }
        dir = path.dirname(dir);
    }
    return "0.0.0";
}

/** Reads a `--policy-pack-config` file. */
export function readConfig(file: string): unknown {
    const doc = parseJson(file, readText(file));
    if (!isRecord(doc)) {
        throw new InputError(file, "is not a policy pack configuration: it must be a JSON object keyed by policy name, as for `pulumi preview --policy-pack-config`.");
    }
    return doc;
}

export function checkFile(file: string, config: unknown, now: Date, options: CheckOptions = {}): FileReport {
    return checkLoaded(file, () => loadInput(file, options), config, now, options);
}

function checkLoaded(file: string, load: () => LoadedInput, config: unknown, now: Date, options: CheckOptions = {}): FileReport {
    let loaded: LoadedInput;
    try {
        loaded = load();
    } catch (error) {
        if (error instanceof NoAlicloudResource) {
            // A monorepo's CI loops over every plan: another cloud's is no error, but no pass either.
            return {
                file: error.file,
                format: error.format,
                resourceCount: error.count,
                findings: [],
                notes: [`Nothing was checked: the file ${error.problem}`],
                unchecked: true,
                locate: () => undefined,
            };
        }
        const message = error instanceof InputError ? error.problem : `could not be read (${error instanceof Error ? error.message : String(error)}).`;
        return { file: error instanceof InputError ? error.file : file, error: message, findings: [], notes: [], locate: () => undefined };
    }
    const inline = withInlineWaivers(config, loaded.waivers ?? []);
    // Terraform input gets Terraform's words in messages; Pulumi input, Pulumi's.
    const words = loaded.format.startsWith("terraform-") ? TERRAFORM_WORDS : PULUMI_WORDS;
    const findings = checkResources(loaded.resources, inline.config, now, words, options.only);
    const failsClosed = loaded.partial !== undefined && options.allowPartial !== true;
    const inputFindings: Reported[] = failsClosed ? [partialInput(loaded.partial!)] : [];
    return {
        file: loaded.file,
        format: loaded.format,
        resourceCount: loaded.totalResources,
        findings: [...inputFindings, ...(loaded.waivers?.length ? findings.map((finding) => relabelled(finding, inline, loaded)) : findings)],
        notes: [...loaded.notes.filter((note) => !failsClosed || note !== loaded.partial), ...inline.problems],
        resources: loaded.resources,
        locate: loaded.locate,
        ...(loaded.source !== undefined
            ? { source: loaded.source }
            : options.tfRoot !== undefined && loaded.format.startsWith("terraform-")
              ? { source: sourceLocator(options.tfRoot) }
              : {}),
    };
}

/** A preview that lacks the unchanged resources: passing it would vouch for resources never seen. */
function partialInput(why: string): Reported {
    const detail = `${why} To check only the resources it lists, pass --allow-partial-preview.`;
    return { rule: COMPLETE_INPUT, outcome: "violation", level: "mandatory", message: `${COMPLETE_INPUT.description}\n${detail}`, detail, involved: [] };
}

/** A finding with the waivers written as comments named by where they are; one about a comment alone is attached to its resource. */
function relabelled(finding: Reported, inline: WithInline, loaded: LoadedInput): Reported {
    const detail = inline.relabel(finding.rule.name, finding.detail);
    const anchor = finding.address === undefined ? inline.anchorOf(finding.rule.name, detail) : undefined;
    return {
        ...finding,
        message: inline.relabel(finding.rule.name, finding.message),
        detail,
        ...(anchor === undefined ? {} : { address: anchor, resource: loaded.resources.find((resource) => resource.address === anchor), involved: [anchor] }),
    };
}

export function buildReport(files: readonly string[], config: unknown, configFile: string | undefined, now: Date, options: CheckOptions = {}): Report {
    // .tf files of one directory are one module: they are read together.
    const reports = sourceGroups(files).map((group) =>
        group.paths === undefined
            ? checkFile(group.label, config, now, options)
            : checkLoaded(group.label, () => loadSources(group.label, group.paths!, options), config, now, options),
    );
    const failed = reports.some((report) => report.error !== undefined);
    const mandatory = reports.some((report) => report.findings.some((finding) => finding.outcome === "violation" && finding.level === "mandatory"));
    return {
        tool: { name: PACK_NAME, version: toolVersion() },
        files: reports,
        configFile,
        configProblems: problemsWith(config),
        ...(options.only === undefined ? {} : { skipped: RULES.map((rule) => rule.name as string).filter((name) => !options.only!.has(name)) }),
        exitCode: failed ? 2 : mandatory ? 1 : 0,
    };
}

export interface Counts {
    readonly mandatory: number;
    readonly advisory: number;
    readonly notes: number;
}

export function countsOf(findings: readonly Reported[]): Counts {
    let mandatory = 0;
    let advisory = 0;
    let notes = 0;
    for (const finding of findings) {
        if (finding.outcome !== "violation") {
            notes++;
        } else if (finding.level === "mandatory") {
            mandatory++;
        } else {
            advisory++;
        }
    }
    return { mandatory, advisory, notes };
}
