// `--tf-root DIR`: where each address of a plan or state is declared in the sources it was planned
// from, so that reports on a plan point at .tf lines. Only blocks are looked up (no evaluation): an
// instance `module.a[0].alicloud_eip.x["k"]` is declared by the block `alicloud_eip.x` of the module
// that `module.a` calls.

import { parseModuleAddress, traversal } from "../terraform/addresses";
import { SourceLocation } from "../loaded";
import { Callee, ModuleReader } from "./modules";
import { ModuleSource, readModule } from "./sources";

/** A function from a resource address to the file and line of its block in the sources at `dir`. */
export function sourceLocator(dir: string): (address: string) => SourceLocation | undefined {
    const root = readModule(dir);
    const reader = new ModuleReader(dir);
    const cache = new Map<string, SourceLocation | undefined>();
    return (address) => {
        if (cache.has(address)) {
            return cache.get(address);
        }
        let found: SourceLocation | undefined;
        const steps = parseModuleAddress(address);
        let module: ModuleSource | undefined = root;
        const names: string[] = [];
        for (const step of steps) {
            names.push(step.name);
            const call = module?.calls.get(step.name);
            const callee: Callee | undefined = module === undefined || call === undefined ? undefined : reader.callee(module, call, step.name, names.join("."));
            module = callee?.kind === "local" ? callee.source : undefined;
        }
        // What follows the module path: [data.]type.name[key].
        const tokens = (traversal(address) ?? []).slice(steps.reduce((count, step) => count + (step.key === undefined ? 2 : 3), 0));
        const parts = tokens.flatMap((token) => ("name" in token ? [token.name] : []));
        const mode = parts[0] === "data" ? "data" : "managed";
        const [type, name] = mode === "data" ? parts.slice(1) : parts;
        const block = module?.resources.find((candidate) => candidate.mode === mode && candidate.type === type && candidate.name === name);
        if (block !== undefined) {
            found = { file: block.file, line: block.line };
        }
        cache.set(address, found);
        return found;
    };
}
