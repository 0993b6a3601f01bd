// Sorts the references of one expression (as Terraform lists them) by what they name: resources and
// the keys given them, module outputs, data sources, variables and local values.

import { Key, Token, keyAt, keySuffix, nameAt, traversal } from "./addresses";

export const META_ROOTS = new Set(["count", "each", "path", "terraform", "self"]);

/** Roots of references that name something other than a managed resource. */
const OTHER_ROOTS = ["var", "local", "module", "data"];

/** A reference taken in the order written: a variable, a local value, or a data source (relative address). */
export type DirectReference =
    | { readonly kind: "var"; readonly ref: string; readonly name: string | undefined }
    | { readonly kind: "local"; readonly ref: string }
    | { readonly kind: "data"; readonly address: string };

export interface ModuleReference {
    readonly keys: Set<Key>;
    readonly outputs: Set<string>;
}

export interface ReferenceGroups {
    /** Variables, local values and data sources, in the order written (the first unresolved one stands for all). */
    readonly direct: DirectReference[];
    /** Resources by `type.name`, with the keys the references give them (none: not said which instance). */
    readonly resources: Map<string, Set<Key>>;
    /** Module calls by name, with the keys and outputs the references give them. */
    readonly modules: Map<string, ModuleReference>;
    /** Whether `count.*` or `each.*` is referenced too: `web[count.index]` is reported as `web` and `count.index`. */
    readonly byCount: boolean;
    readonly byEach: boolean;
    readonly eachValue: boolean;
}

export function groupReferences(refs: readonly string[]): ReferenceGroups {
    const groups: ReferenceGroups = {
        direct: [],
        resources: new Map(),
        modules: new Map(),
        byCount: refs.some((ref) => ref.startsWith("count.")),
        byEach: refs.some((ref) => ref.startsWith("each.")),
        eachValue: refs.some((ref) => ref === "each.value" || ref.startsWith("each.value.") || ref.startsWith("each.value[")),
    };
    for (const ref of refs) {
        const tokens = traversal(ref);
        const root = tokens === undefined ? undefined : nameAt(tokens, 0);
        if (tokens === undefined || root === undefined || META_ROOTS.has(root)) {
            continue;
        }
        if (root === "var") {
            groups.direct.push({ kind: "var", ref, name: nameAt(tokens, 1) });
        } else if (root === "local") {
            groups.direct.push({ kind: "local", ref });
        } else if (root === "module") {
            addModule(groups.modules, tokens);
        } else if (root === "data") {
            addData(groups.direct, tokens);
        } else {
            addResource(groups.resources, root, tokens);
        }
    }
    return groups;
}

function addModule(modules: Map<string, ModuleReference>, tokens: readonly Token[]): void {
    const name = nameAt(tokens, 1);
    if (name === undefined) {
        return;
    }
    const key = keyAt(tokens, 2);
    const output = nameAt(tokens, key === undefined ? 2 : 3);
    const entry = modules.get(name) ?? { keys: new Set<Key>(), outputs: new Set<string>() };
    if (key !== undefined) {
        entry.keys.add(key);
    }
    if (output !== undefined) {
        entry.outputs.add(output);
    }
    modules.set(name, entry);
}

function addData(direct: DirectReference[], tokens: readonly Token[]): void {
    const type = nameAt(tokens, 1);
    const name = nameAt(tokens, 2);
    if (type !== undefined && name !== undefined) {
        const key = keyAt(tokens, 3);
        direct.push({ kind: "data", address: `data.${type}.${name}${keySuffix(key)}` });
    }
}

function addResource(resources: Map<string, Set<Key>>, root: string, tokens: readonly Token[]): void {
    const name = nameAt(tokens, 1);
    if (name === undefined) {
        return;
    }
    const base = `${root}.${name}`;
    const keys = resources.get(base) ?? new Set<Key>();
    const key = keyAt(tokens, 2);
    if (key !== undefined) {
        keys.add(key);
    }
    resources.set(base, keys);
}

/** The resources (`type.name`) the references of a for_each expression name, each once. */
export function forEachResources(refs: readonly string[]): string[] {
    const bases = new Set<string>();
    for (const tokens of refs.map((ref) => traversal(ref))) {
        if (tokens && nameAt(tokens, 1) && !META_ROOTS.has(nameAt(tokens, 0)!) && !OTHER_ROOTS.includes(nameAt(tokens, 0)!)) {
            bases.add(`${nameAt(tokens, 0)}.${nameAt(tokens, 1)}`);
        }
    }
    return [...bases];
}
