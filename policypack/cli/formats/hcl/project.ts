// A configuration as Terraform would expand it before a plan: module instances, resource instances
// (count and for_each over values known here), and the answers to every name an expression can use.
// Everything is evaluated on demand and once; a name that refers back to itself is unknown.

import { UNKNOWN } from "../../../core/values";
import { keySuffix } from "../terraform/addresses";
import { Env, Scope, evaluate } from "./evaluate";
import { Callee, Key, ModuleInstance, ModuleReader, childAddress, childPath, manifestKey, prefixOf } from "./modules";
import { ResourceBlock, ModuleSource } from "./sources";
import { VariableValue } from "./tfvars";
import { convertToType } from "./types";
import { ModuleObject, ResourceObject, isPlain, settle } from "./values";

/** Arguments of a resource block that are Terraform's, not the resource's. */
export const META_ARGUMENTS = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection", "dynamic", "timeouts"]);

export interface ResourceInstance {
    readonly address: string;
    readonly block: ResourceBlock;
    readonly module: ModuleInstance;
    readonly env: Env;
}

/** How many instances a block has: one, by count, by for_each key, or not known here. */
type Expansion =
    { readonly kind: "single" } | { readonly kind: "keys"; readonly keys: Key[]; readonly values: unknown[]; readonly by: "count" | "for_each" } | { readonly kind: "unknown" };

interface Memo {
    value: unknown;
    deps: Set<string>;
}

const PENDING = Symbol("pending");

export class Project implements Scope {
    readonly root: ModuleInstance;
    readonly notes = new Set<string>();
    /** Root variables used while unset: unknown, and worth telling. */
    readonly unsetVariables = new Set<string>();
    private readonly reader: ModuleReader;
    private readonly modules = new Map<string, ModuleInstance>();
    private readonly resources = new Map<string, ResourceInstance>();
    private readonly memo = new Map<string, Memo | typeof PENDING>();
    private readonly expansions = new Map<string, Expansion | typeof PENDING>();
    private readonly children = new Map<string, { callee: Callee; instances: ModuleInstance[] | undefined; expansion: Expansion }>();
    /** What a reference to a whole resource or module call is, once built (a fleet is referenced once per instance). */
    private readonly objects = new Map<string, unknown>();
    private readonly blocks = new Map<ModuleSource, Map<string, ResourceBlock>>();
    private readonly instanceLists = new Map<string, ResourceInstance[] | undefined>();

    constructor(
        source: ModuleSource,
        private readonly rootValues: ReadonlyMap<string, VariableValue>,
    ) {
        this.root = { address: "", path: "", source };
        this.reader = new ModuleReader(source.dir);
        this.modules.set("", this.root);
    }

    /** Every module instance that can be read, the root first. */
    moduleInstances(): ModuleInstance[] {
        const out: ModuleInstance[] = [];
        const walk = (instance: ModuleInstance, depth: number) => {
            out.push(instance);
            if (depth > 50) {
                return;
            }
            for (const name of instance.source.calls.keys()) {
                for (const child of this.callInstances(instance, name) ?? []) {
                    walk(child, depth + 1);
                }
            }
        };
        walk(this.root, 0);
        return out;
    }

    /** The instances of every managed resource block of a module instance that can be expanded. */
    resourceInstances(module: ModuleInstance): ResourceInstance[] {
        return module.source.resources.filter((block) => block.mode === "managed").flatMap((block) => this.instancesOf(module, block) ?? []);
    }

    /** A resource block's instances; undefined when its count or for_each is not known here. */
    instancesOf(module: ModuleInstance, block: ResourceBlock): ResourceInstance[] | undefined {
        const base = `${prefixOf(module.address)}${block.type}.${block.name}`;
        const known = this.instanceLists.get(base);
        if (known !== undefined || this.instanceLists.has(base)) {
            return known;
        }
        const instances = this.expand(module, block, base);
        // Not kept while an expansion is being evaluated: it may still become known.
        if (this.expansions.get(base) !== PENDING) {
            this.instanceLists.set(base, instances);
        }
        return instances;
    }

    private expand(module: ModuleInstance, block: ResourceBlock, base: string): ResourceInstance[] | undefined {
        const expansion = this.expansion(base, module, block.body);
        if (expansion.kind === "unknown") {
            this.notes.add(
                `${base}: its ${"for_each" in block.body ? "for_each" : "count"} is not known without a plan (it depends on values known only after apply, or on something this checker does not evaluate), so its instances were not checked.`,
            );
            return undefined;
        }
        if (expansion.kind === "single") {
            return [this.instance(base, block, module, { module: module.address })];
        }
        return expansion.keys.map((key, i) =>
            this.instance(
                `${base}${keySuffix(key)}`,
                block,
                module,
                expansion.by === "count" ? { module: module.address, count: key as number } : { module: module.address, each: { key: String(key), value: expansion.values[i] } },
            ),
        );
    }

    private instance(address: string, block: ResourceBlock, module: ModuleInstance, env: Env): ResourceInstance {
        let instance = this.resources.get(address);
        if (instance === undefined) {
            instance = { address, block, module, env };
            this.resources.set(address, instance);
        }
        return instance;
    }

    private expansion(base: string, module: ModuleInstance, body: Record<string, unknown>): Expansion {
        const known = this.expansions.get(base);
        if (known === PENDING) {
            return { kind: "unknown" };
        }
        if (known !== undefined) {
            return known;
        }
        this.expansions.set(base, PENDING);
        const env: Env = { module: module.address };
        let expansion: Expansion = { kind: "single" };
        if ("count" in body) {
            const count = evaluate(body.count, env, this, new Set());
            const n = typeof count === "number" ? count : typeof count === "string" && /^\d+$/.test(count) ? Number(count) : undefined;
            expansion =
                n !== undefined && Number.isInteger(n) && n >= 0 ? { kind: "keys", by: "count", keys: Array.from({ length: n }, (_, i) => i), values: [] } : { kind: "unknown" };
        } else if ("for_each" in body) {
            expansion = forEachKeys(evaluate(body.for_each, env, this, new Set()));
        }
        this.expansions.set(base, expansion);
        return expansion;
    }

    /** The instances of a module call; undefined when it is skipped (remote, unreadable, unknown count). */
    callInstances(parent: ModuleInstance, name: string): ModuleInstance[] | undefined {
        const base = childAddress(parent, name, undefined);
        const known = this.children.get(base);
        if (known !== undefined) {
            return known.instances;
        }
        const call = parent.source.calls.get(name);
        if (call === undefined) {
            return undefined;
        }
        const callee = this.reader.callee(parent.source, call, base, manifestKey(childPath(parent, name)));
        const expansion: Expansion = callee.kind === "local" ? this.expansion(base, parent, call.body) : { kind: "unknown" };
        let instances: ModuleInstance[] | undefined;
        if (callee.kind === "skipped") {
            this.notes.add(
                `${callee.why}: the resources it creates were not checked, and its outputs are unknown (checks that use them are reported as undecided). Run the checker on a plan to check them.`,
            );
        } else if (expansion.kind === "unknown") {
            this.notes.add(`${base}: its count or for_each is not known without a plan, so its resources were not checked.`);
        } else {
            const make = (key: Key | undefined, callEnv: Env): ModuleInstance => {
                const instance: ModuleInstance = { address: childAddress(parent, name, key), path: childPath(parent, name), source: callee.source, parent, call, callEnv };
                this.modules.set(instance.address, instance);
                return instance;
            };
            instances =
                expansion.kind === "single"
                    ? [make(undefined, { module: parent.address })]
                    : expansion.keys.map((key, i) =>
                          make(
                              key,
                              expansion.by === "count"
                                  ? { module: parent.address, count: key as number }
                                  : { module: parent.address, each: { key: String(key), value: expansion.values[i] } },
                          ),
                      );
        }
        this.children.set(base, { callee, instances, expansion });
        return instances;
    }

    /** Evaluates once per key; a key asked for while being evaluated (a cycle) is unknown. */
    private once(key: string, deps: Set<string>, compute: (deps: Set<string>) => unknown): unknown {
        const known = this.memo.get(key);
        if (known === PENDING) {
            deps.add(key);
            return UNKNOWN;
        }
        if (known !== undefined) {
            known.deps.forEach((dep) => deps.add(dep));
            return known.value;
        }
        this.memo.set(key, PENDING);
        const own = new Set<string>();
        const value = compute(own);
        this.memo.set(key, { value, deps: own });
        own.forEach((dep) => deps.add(dep));
        return value;
    }

    variable(env: Env, name: string, deps: Set<string>): unknown {
        const module = this.modules.get(env.module);
        if (module === undefined) {
            return UNKNOWN;
        }
        return this.once(`${prefixOf(module.address)}var.${name}`, deps, (own) => {
            const declared = module.source.variables.get(name);
            const typed = (value: unknown) => {
                const converted = convertToType(declared?.body.type, value);
                if (converted === UNKNOWN && value !== UNKNOWN) {
                    own.add(`${prefixOf(module.address)}var.${name}`);
                }
                return converted;
            };
            if (module.parent === undefined && this.rootValues.has(name)) {
                return typed(this.rootValues.get(name)!.value);
            }
            if (module.call !== undefined && module.callEnv !== undefined && name in module.call.body) {
                return typed(evaluate(module.call.body[name], module.callEnv, this, own));
            }
            if (declared !== undefined && "default" in declared.body) {
                return typed(evaluate(declared.body.default, { module: module.address }, this, own));
            }
            if (module.parent === undefined) {
                this.unsetVariables.add(name);
            }
            own.add(`${prefixOf(module.address)}var.${name}`);
            return UNKNOWN;
        });
    }

    local(env: Env, name: string, deps: Set<string>): unknown {
        const module = this.modules.get(env.module);
        const local = module?.source.locals.get(name);
        if (module === undefined || local === undefined) {
            deps.add(`${prefixOf(env.module)}local.${name}`);
            return UNKNOWN;
        }
        return this.once(`${prefixOf(module.address)}local.${name}`, deps, (own) => evaluate(local.value, { module: module.address }, this, own));
    }

    resource(env: Env, mode: "managed" | "data", type: string, name: string, deps: Set<string>): unknown {
        const module = this.modules.get(env.module);
        const base = `${prefixOf(env.module)}${mode === "data" ? "data." : ""}${type}.${name}`;
        const block = module === undefined || mode === "data" ? undefined : this.blockOf(module.source, type, name);
        if (module === undefined || block === undefined) {
            // A data source is read at plan time, from the cloud: unknown here.
            deps.add(base);
            return UNKNOWN;
        }
        const cached = this.objects.get(base);
        if (cached !== undefined) {
            return cached;
        }
        const instances = this.instancesOf(module, block);
        const expansion = this.expansions.get(base);
        if (instances === undefined || expansion === undefined || expansion === PENDING || expansion.kind === "unknown") {
            deps.add(base);
            return UNKNOWN;
        }
        const object =
            expansion.kind === "single"
                ? new ResourceObject(instances[0].address)
                : expansion.by === "count"
                  ? instances.map((instance) => new ResourceObject(instance.address))
                  : Object.fromEntries(expansion.keys.map((key, i) => [String(key), new ResourceObject(instances[i].address)]));
        this.objects.set(base, object);
        return object;
    }

    private blockOf(source: ModuleSource, type: string, name: string): ResourceBlock | undefined {
        let byName = this.blocks.get(source);
        if (byName === undefined) {
            byName = new Map(source.resources.filter((block) => block.mode === "managed").map((block) => [`${block.type}.${block.name}`, block]));
            this.blocks.set(source, byName);
        }
        return byName.get(`${type}.${name}`);
    }

    /**
     * An argument of another resource instance: its id and anything its configuration leaves unset are
     * known only after apply; an argument the configuration sets is planned as written (Terraform
     * requires a provider to plan a configured value as configured).
     */
    attribute(resource: ResourceObject, name: string, deps: Set<string>): unknown {
        deps.add(resource.address);
        const instance = this.resources.get(resource.address);
        if (instance === undefined || name === "id" || META_ARGUMENTS.has(name) || !(name in instance.block.body)) {
            return UNKNOWN;
        }
        return this.argument(instance, name).value;
    }

    /** One argument of a resource instance, evaluated once, with what it was computed from. */
    argument(instance: ResourceInstance, name: string): Memo {
        const deps = new Set<string>();
        const value = this.once(`${instance.address}#${name}`, deps, (own) => settle(evaluate(instance.block.body[name], instance.env, this, own), own));
        return { value, deps };
    }

    moduleCall(env: Env, name: string, deps: Set<string>): unknown {
        const module = this.modules.get(env.module);
        const base = `${prefixOf(env.module)}module.${name}`;
        const instances = module === undefined ? undefined : this.callInstances(module, name);
        const expansion = this.children.get(base)?.expansion;
        if (instances === undefined || expansion === undefined || expansion.kind === "unknown") {
            deps.add(base);
            return UNKNOWN;
        }
        if (expansion.kind === "single") {
            return new ModuleObject(instances[0].address);
        }
        if (expansion.by === "count") {
            return instances.map((instance) => new ModuleObject(instance.address));
        }
        return Object.fromEntries(expansion.keys.map((key, i) => [String(key), new ModuleObject(instances[i].address)]));
    }

    output(module: ModuleObject, name: string, deps: Set<string>): unknown {
        const instance = this.modules.get(module.address);
        const output = instance?.source.outputs.get(name);
        if (instance === undefined || output === undefined || !("value" in output.body)) {
            deps.add(`${module.address}.${name}`);
            return UNKNOWN;
        }
        return this.once(`${module.address}.output.${name}`, deps, (own) => evaluate(output.body.value, { module: instance.address }, this, own));
    }
}

/** The instance keys of a for_each value: a map's keys, or a set of strings; in Terraform's (lexical) order. */
function forEachKeys(value: unknown): Expansion {
    if (isPlain(value)) {
        const keys = Object.keys(value).sort();
        return { kind: "keys", by: "for_each", keys, values: keys.map((key) => value[key]) };
    }
    if (Array.isArray(value) && value.every((element) => typeof element === "string")) {
        const keys = [...new Set(value)].sort();
        return { kind: "keys", by: "for_each", keys, values: keys };
    }
    return { kind: "unknown" };
}
