// Resolves an expression's references to the addresses of the resource instances they name, in the
// module instance the expression is written in, through module variables and module outputs.

import { Key, ModuleStep, keySuffix, prefixOf } from "./addresses";
import { ConfigReader } from "./config";
import { Instances } from "./instances";
import { DirectReference, ReferenceGroups, forEachResources, groupReferences } from "./references";
import { referencesOf } from "./types";

export interface Scope {
    readonly module: ModuleStep[];
    /** The count index or for_each key of the resource instance the expression belongs to. */
    readonly key?: Key;
    /** The references of the resource's for_each expression, for `each.value`. */
    readonly forEach?: string[];
}

export class ReferenceResolver {
    constructor(
        private readonly reader: ConfigReader,
        private readonly instances: Instances,
    ) {}

    /**
     * The addresses of the resource instances an expression's references name, relative to the
     * module instance it is written in. Variables of a module and outputs of a child module are
     * followed to the expressions behind them. A reference that leads to no resource instance of the
     * plan (a local value, a data source, a variable of the root module) is kept as it is written, so
     * that the value still counts as computed from something.
     */
    resolve(refs: readonly string[], scope: Scope, depth = 0): string[] {
        const prefix = prefixOf(scope.module);
        if (depth > 20) {
            return [...new Set(refs.map((ref) => `${prefix}${ref}`))];
        }
        const groups = groupReferences(refs);
        const direct = this.direct(groups.direct, scope, depth);
        const out = new Set<string>();
        for (const found of [direct.found, this.resources(groups, scope), this.eachValue(groups, scope), this.moduleOutputs(groups, scope, depth)]) {
            found.forEach((address) => out.add(address));
        }
        if (out.size === 0 && direct.unresolved !== undefined) {
            out.add(`${prefix}${direct.unresolved}`);
        }
        return [...out];
    }

    /** Variables followed, data sources as written; and the first reference that led nowhere. */
    private direct(references: readonly DirectReference[], scope: Scope, depth: number): { found: string[]; unresolved?: string } {
        const found: string[] = [];
        let unresolved: string | undefined;
        for (const reference of references) {
            if (reference.kind === "data") {
                found.push(`${prefixOf(scope.module)}${reference.address}`);
                continue;
            }
            const addresses = reference.kind === "var" && reference.name !== undefined ? this.variable(reference.name, scope, depth) : [];
            addresses.forEach((address) => found.push(address));
            if (addresses.length === 0) {
                unresolved ??= reference.ref;
            }
        }
        return { found, unresolved };
    }

    /** A variable of a module instance: the argument its module call gives, in the calling module. */
    private variable(name: string, scope: Scope, depth: number): string[] {
        if (scope.module.length === 0) {
            return [];
        }
        const parent = scope.module.slice(0, -1);
        const call = scope.module[scope.module.length - 1];
        const refs = referencesOf(this.reader.callArgument(parent, call.name, name));
        return refs === undefined || refs.length === 0 ? [] : this.resolve(refs, { module: parent, key: call.key }, depth + 1);
    }

    private resources(groups: ReferenceGroups, scope: Scope): string[] {
        const prefix = prefixOf(scope.module);
        return [...groups.resources].flatMap(([base, keys]) => this.resourceInstances(`${prefix}${base}`, keys, scope.key, groups.byCount, groups.byEach));
    }

    /** `for_each = alicloud_instance.web` and `instance_id = each.value.id`: the instance of the same key. */
    private eachValue(groups: ReferenceGroups, scope: Scope): string[] {
        if (!groups.eachValue || groups.resources.size > 0 || scope.forEach === undefined || scope.key === undefined) {
            return [];
        }
        const over = forEachResources(scope.forEach);
        return over.length === 1 ? this.resourceInstances(`${prefixOf(scope.module)}${over[0]}`, new Set(), scope.key, false, true) : [];
    }

    /** A module call with no output named stands for itself; an output, for what its expression references. */
    private moduleOutputs(groups: ReferenceGroups, scope: Scope, depth: number): string[] {
        const found: string[] = [];
        for (const [name, entry] of groups.modules) {
            const base = `${prefixOf(scope.module)}module.${name}`;
            if (entry.outputs.size === 0) {
                found.push(base);
                continue;
            }
            for (const key of this.moduleInstanceKeys(base, entry.keys, scope, groups)) {
                const child = [...scope.module, key === "" ? { name } : { name, key }];
                for (const output of entry.outputs) {
                    const refs = referencesOf(this.reader.outputExpression(child, output));
                    if (refs !== undefined && refs.length > 0) {
                        this.resolve(refs, { module: child }, depth + 1).forEach((address) => found.push(address));
                    }
                }
            }
        }
        return found;
    }

    /** The keyed instances of a module call, else the referring instance's own key, else all of them. */
    private moduleInstanceKeys(base: string, keys: ReadonlySet<Key>, scope: Scope, groups: ReferenceGroups): Key[] {
        if (keys.size > 0) {
            return [...keys];
        }
        const known = this.instances.moduleKeys(base) ?? [""];
        const same = scope.key !== undefined && (groups.byCount || groups.byEach) && known.includes(scope.key) && known.length > 1 ? [scope.key] : undefined;
        return same ?? [...known];
    }

    /**
     * The instances a reference to `base` names: the keyed ones it gives, else every instance, except
     * that `web[count.index]` (which Terraform reports as a reference to `web` and to `count.index`)
     * is taken to mean the instance with the referring instance's own index when there is one.
     */
    private resourceInstances(base: string, keys: ReadonlySet<Key>, key: Key | undefined, byCount: boolean, byEach: boolean): string[] {
        if (keys.size > 0) {
            return [...keys].map((k) => `${base}${keySuffix(k)}`);
        }
        const known = this.instances.resourceKeys(base);
        if (known === undefined || known.length === 0) {
            return [base];
        }
        if (known.length > 1 && key !== undefined && ((byCount && typeof key === "number") || (byEach && typeof key === "string")) && known.includes(key)) {
            return [`${base}${keySuffix(key)}`];
        }
        return known.map((k) => `${base}${keySuffix(k === "" ? undefined : k)}`);
    }
}
