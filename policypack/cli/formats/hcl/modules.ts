// The module instances of a configuration: the root module, and the local modules it calls
// (`source = "./modules/nat"`), each call expanded by its count or for_each. A module from a registry
// or a repository cannot be fetched offline: it is read where `terraform init` downloaded it
// (.terraform/modules, listed in its modules.json) if it did, and is otherwise skipped and says so.

import * as fs from "fs";
import * as path from "path";
import { keySuffix } from "../terraform/addresses";
import { Env } from "./evaluate";
import { NamedBlock, ModuleSource, configFilesIn, readModule } from "./sources";

export type Key = number | string;

export interface ModuleInstance {
    /** "" for the root module, else `module.a[0].module.b`. */
    readonly address: string;
    /** The module's path without instance keys (`module.a.module.b`), as provider configurations are addressed. */
    readonly path: string;
    readonly source: ModuleSource;
    readonly parent?: ModuleInstance;
    /** The `module` block that calls it, in the parent module. */
    readonly call?: NamedBlock;
    /** Where the call's arguments are evaluated: the parent module, with this instance's count.index or each. */
    readonly callEnv?: Env;
}

/** What a `module` block calls, when it can be read. */
export type Callee = { readonly kind: "local"; readonly source: ModuleSource } | { readonly kind: "skipped"; readonly why: string };

export function childAddress(parent: ModuleInstance, name: string, key: Key | undefined): string {
    return `${parent.address === "" ? "" : `${parent.address}.`}module.${name}${keySuffix(key)}`;
}

export function childPath(parent: ModuleInstance, name: string): string {
    return `${parent.path === "" ? "" : `${parent.path}.`}module.${name}`;
}

/** A module path (`module.a.module.b`) as `terraform init`'s manifest keys it (`a.b`). */
export function manifestKey(modulePath: string): string {
    return modulePath.replace(/(^|\.)module\./g, "$1");
}

/** A prefix for the addresses of things in a module instance: `module.a[0].`, or nothing at the root. */
export function prefixOf(address: string): string {
    return address === "" ? "" : `${address}.`;
}

/** The modules `terraform init` downloaded for a root module: module key (`a.b`) to directory. */
function downloadedModules(root: string): Map<string, string> {
    const downloaded = new Map<string, string>();
    try {
        const manifest: unknown = JSON.parse(fs.readFileSync(path.join(root, ".terraform", "modules", "modules.json"), "utf8"));
        const modules = typeof manifest === "object" && manifest !== null ? (manifest as { Modules?: unknown }).Modules : undefined;
        for (const entry of Array.isArray(modules) ? modules : []) {
            const { Key: key, Dir: dir } = (entry ?? {}) as { Key?: unknown; Dir?: unknown };
            if (typeof key === "string" && key !== "" && typeof dir === "string") {
                downloaded.set(key, path.isAbsolute(dir) ? dir : path.join(root, dir));
            }
        }
    } catch {
        // No manifest (terraform init was not run here) or not one this reader knows: nothing downloaded.
    }
    return downloaded;
}

/** Reads called modules once each, by directory. */
export class ModuleReader {
    private readonly cache = new Map<string, Callee>();
    private downloaded: Map<string, string> | undefined;

    /** `root`: the root module's directory, where `terraform init` keeps what it downloads. */
    constructor(private readonly root?: string) {}

    /** What the call `label` (keyed `key` in Terraform's module manifest, `a.b`) reads. */
    callee(parent: ModuleSource, call: NamedBlock, label: string, key?: string): Callee {
        const source = call.body.source;
        if (typeof source !== "string" || source.includes("${")) {
            return { kind: "skipped", why: `${label} has no literal source, so it could not be read` };
        }
        if (!source.startsWith("./") && !source.startsWith("../")) {
            this.downloaded ??= this.root === undefined ? new Map<string, string>() : downloadedModules(this.root);
            const fetched = key === undefined ? undefined : this.downloaded.get(key);
            if (fetched !== undefined) {
                return this.cached(fetched, label, source);
            }
            const what = /^(git::|github\.com|bitbucket\.org|git@|hg::|s3::|gcs::|https?:)/.test(source) ? "a remote module" : "a registry module";
            return { kind: "skipped", why: `${label} (source "${source}") is ${what}, which cannot be read offline (nor was it downloaded here by terraform init)` };
        }
        return this.cached(path.join(parent.dir, source), label, source);
    }

    private cached(dir: string, label: string, source: string): Callee {
        const resolved = path.resolve(dir);
        let callee = this.cache.get(resolved);
        if (callee === undefined) {
            callee = this.read(dir, label, source);
            this.cache.set(resolved, callee);
        }
        return callee;
    }

    private read(dir: string, label: string, source: string): Callee {
        let isDirectory: boolean;
        try {
            isDirectory = fs.statSync(dir).isDirectory();
        } catch {
            isDirectory = false;
        }
        const files = isDirectory ? configFilesIn(dir) : [];
        if (files.length === 0) {
            return { kind: "skipped", why: `${label} (source "${source}") has no .tf files at ${dir}` };
        }
        return { kind: "local", source: readModule(dir, files) };
    }
}
