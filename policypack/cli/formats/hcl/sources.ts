// Reads one Terraform module from its directory: every .tf and .tf.json file, parsed, and its blocks
// (resources, data sources, variables, locals, outputs, module calls, providers) gathered with the
// file and line each one is written on.

import * as fs from "fs";
import * as path from "path";
import { isRecord } from "../../../core/values";
import { InputError, reason } from "../../input";
import { BlockHeader, Comment, blockHeaders, jsonBlockLine } from "./layout";
import { HclSyntaxError, describeSyntaxError, parseHcl } from "./parser";

export interface Block {
    readonly file: string;
    readonly line: number;
    readonly comments: readonly Comment[];
    readonly body: Record<string, unknown>;
}

export interface ResourceBlock extends Block {
    readonly mode: "managed" | "data";
    readonly type: string;
    readonly name: string;
}

export interface NamedBlock extends Block {
    readonly name: string;
}

export interface ModuleSource {
    readonly dir: string;
    readonly files: readonly string[];
    readonly resources: ResourceBlock[];
    readonly variables: Map<string, NamedBlock>;
    readonly locals: Map<string, { readonly value: unknown; readonly file: string }>;
    readonly outputs: Map<string, NamedBlock>;
    readonly calls: Map<string, NamedBlock>;
    /** Provider configurations, by local name (`alicloud`), each with its `alias` if any. */
    readonly providers: NamedBlock[];
    /** `required_providers`: local name to source address (`aliyun/alicloud`). */
    readonly requiredProviders: Map<string, string>;
    /** Override files, which Terraform merges into the others and this reader does not. */
    readonly overrides: string[];
}

/** Whether a file name is one Terraform reads as configuration (it skips hidden and backup files). */
export function isConfigFile(name: string): boolean {
    return (name.endsWith(".tf") || name.endsWith(".tf.json")) && !name.startsWith(".") && !name.startsWith("#") && !name.endsWith("~");
}

function isOverride(name: string): boolean {
    return /(^|_)override\.tf(\.json)?$/.test(name);
}

/** The configuration files of a directory, in Terraform's order (by name). */
export function configFilesIn(dir: string): string[] {
    let names: string[];
    try {
        names = fs.readdirSync(dir);
    } catch (error) {
        throw new InputError(dir, `cannot be read (${reason(error)}).`);
    }
    return names
        .filter(isConfigFile)
        .sort()
        .map((name) => path.join(dir, name))
        .filter((file) => {
            try {
                return fs.statSync(file).isFile();
            } catch {
                return false;
            }
        });
}

function list(value: unknown): Record<string, unknown>[] {
    return (Array.isArray(value) ? value : [value]).filter(isRecord);
}

function readFile(file: string): string {
    try {
        return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    } catch (error) {
        throw new InputError(file, `cannot be read (${reason(error)}).`);
    }
}

/** A file's body as the parser's JSON: native syntax through the parser, JSON syntax as it is. */
function parseFile(file: string, text: string): Record<string, unknown> {
    if (file.endsWith(".json")) {
        try {
            const doc: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
            if (!isRecord(doc)) {
                throw new InputError(file, "is not a Terraform JSON configuration: its top level must be an object.");
            }
            return doc;
        } catch (error) {
            throw error instanceof InputError ? error : new InputError(file, `is not valid JSON (${reason(error)}).`);
        }
    }
    try {
        return parseHcl(path.basename(file), text);
    } catch (error) {
        if (error instanceof HclSyntaxError) {
            throw new InputError(file, `is not valid HCL (${describeSyntaxError(error.message).text})`);
        }
        throw error;
    }
}

/** Finds block headers by path, in order, so that repeated blocks (two `provider "alicloud"`) each get their own. */
class Positions {
    private readonly headers: BlockHeader[];
    private readonly used = new Set<BlockHeader>();

    constructor(
        private readonly file: string,
        private readonly text: string,
    ) {
        this.headers = file.endsWith(".json") ? [] : blockHeaders(text);
    }

    take(blockPath: readonly string[]): { line: number; comments: readonly Comment[] } {
        if (this.file.endsWith(".json")) {
            return { line: jsonBlockLine(this.text, blockPath) ?? 1, comments: [] };
        }
        const header = this.headers.find(
            (candidate) => !this.used.has(candidate) && candidate.path.length === blockPath.length && candidate.path.every((part, i) => part === blockPath[i]),
        );
        if (header === undefined) {
            return { line: 1, comments: [] };
        }
        this.used.add(header);
        return { line: header.line, comments: header.comments };
    }
}

/** Reads the module in `dir` from `files` (by default every configuration file in it). */
export function readModule(dir: string, files: readonly string[] = configFilesIn(dir)): ModuleSource {
    const source: ModuleSource = {
        dir,
        files: [],
        resources: [],
        variables: new Map(),
        locals: new Map(),
        outputs: new Map(),
        calls: new Map(),
        providers: [],
        requiredProviders: new Map(),
        overrides: [],
    };
    for (const file of files) {
        if (isOverride(path.basename(file))) {
            source.overrides.push(file);
            continue;
        }
        const text = readFile(file);
        (source.files as string[]).push(file);
        addFile(source, file, parseFile(file, text), new Positions(file, text));
    }
    return source;
}

function addFile(source: ModuleSource, file: string, doc: Record<string, unknown>, positions: Positions): void {
    const at = (blockPath: string[], body: Record<string, unknown>): Block => ({ file, ...positions.take(blockPath), body });
    for (const mode of ["resource", "data"] as const) {
        for (const [type, byName] of Object.entries(isRecord(doc[mode]) ? doc[mode] : {})) {
            for (const [name, bodies] of Object.entries(isRecord(byName) ? byName : {})) {
                for (const body of list(bodies)) {
                    source.resources.push({ ...at([mode, type, name], body), mode: mode === "resource" ? "managed" : "data", type, name });
                }
            }
        }
    }
    const named = (key: string, into: Map<string, NamedBlock>) => {
        for (const [name, bodies] of Object.entries(isRecord(doc[key]) ? doc[key] : {})) {
            const body = list(bodies)[0];
            if (body !== undefined) {
                into.set(name, { ...at([key, name], body), name });
            }
        }
    };
    named("variable", source.variables);
    named("output", source.outputs);
    named("module", source.calls);
    for (const locals of list(doc.locals)) {
        for (const [name, value] of Object.entries(locals)) {
            source.locals.set(name, { value, file });
        }
    }
    for (const [name, bodies] of Object.entries(isRecord(doc.provider) ? doc.provider : {})) {
        for (const body of list(bodies)) {
            source.providers.push({ ...at(["provider", name], body), name });
        }
    }
    for (const terraform of list(doc.terraform)) {
        for (const required of list(terraform.required_providers)) {
            for (const [name, requirement] of Object.entries(required)) {
                if (isRecord(requirement) && typeof requirement.source === "string") {
                    source.requiredProviders.set(name, requirement.source);
                }
            }
        }
    }
}
