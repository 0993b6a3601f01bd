// One resource instance of the sources as the core reads it, as the plan reader builds it from a plan:
// Pulumi's names, values unknown until apply marked UNKNOWN (its id, and whatever is computed from
// one), and the property dependencies a plan's references give (per nested block element too).

import { ResourceInput, ResourceKind } from "../../../core/resources";
import { UNKNOWN } from "../../../core/values";
import { camel, pulumiNames } from "../terraform/names";
import { Env, evaluate } from "./evaluate";
import { META_ARGUMENTS, Project, ResourceInstance } from "./project";
import { isPlain, isWhollyKnown, settle } from "./values";

interface Evaluated {
    readonly values: Record<string, unknown>;
    readonly deps: Record<string, string[]>;
}

/** The arguments of an instance, with the nested blocks its dynamic blocks generate. */
function argumentsOf(project: Project, instance: ResourceInstance): Evaluated {
    const values: Record<string, unknown> = {};
    const deps: Record<string, string[]> = {};
    const body = instance.block.body;
    for (const name of Object.keys(body)) {
        if (META_ARGUMENTS.has(name)) {
            continue;
        }
        const raw = body[name];
        if (Array.isArray(raw) && raw.length > 0 && raw.every(isPlain)) {
            const blocks = raw.map((element) => evaluateBlock(project, element, instance.env));
            values[name] = blocks.map((block) => block.value);
            addBlockDeps(deps, name, blocks, 0);
            continue;
        }
        const { value, deps: found } = project.argument(instance, name);
        values[name] = value;
        const own = new Set(found);
        if (!isWhollyKnown(value) && own.size === 0) {
            own.add(typeof raw === "string" ? raw : name);
        }
        if (own.size > 0) {
            deps[camel(name)] = [...own];
        }
    }
    addDynamicBlocks(project, instance.env, body.dynamic, values, deps);
    return { values, deps };
}

interface BlockValue {
    readonly value: unknown;
    readonly deps: Map<string, Set<string>>;
}

/** A nested block's fields, each with what it was computed from. */
function evaluateBlock(project: Project, body: Record<string, unknown>, env: Env): BlockValue {
    const value: Record<string, unknown> = {};
    const deps = new Map<string, Set<string>>();
    for (const [field, raw] of Object.entries(body)) {
        const found = new Set<string>();
        value[field] = settle(evaluate(raw, env, project, found), found);
        if (!isWhollyKnown(value[field]) && found.size === 0) {
            found.add(typeof raw === "string" ? raw : field);
        }
        if (found.size > 0) {
            deps.set(field, found);
        }
    }
    return { value, deps };
}

/** Dependencies of nested blocks as the plan reader gives them: `key[i].field`, and all of them at `key`. */
function addBlockDeps(deps: Record<string, string[]>, name: string, blocks: readonly BlockValue[], offset: number): void {
    const key = camel(name);
    const union = new Set(deps[key] ?? []);
    blocks.forEach((block, i) => {
        for (const [field, found] of block.deps) {
            deps[`${key}[${offset + i}].${camel(field)}`] = [...found];
            found.forEach((dep) => union.add(dep));
        }
    });
    if (union.size > 0) {
        deps[key] = [...union];
    }
}

/** `dynamic "zone_mappings" { for_each = ..., content { ... } }`: expanded when its for_each is known. */
function addDynamicBlocks(project: Project, env: Env, dynamic: unknown, values: Record<string, unknown>, deps: Record<string, string[]>): void {
    if (!isPlain(dynamic)) {
        return;
    }
    for (const [name, bodies] of Object.entries(dynamic)) {
        for (const body of (Array.isArray(bodies) ? bodies : [bodies]).filter(isPlain)) {
            const iterator = typeof body.iterator === "string" ? body.iterator : name;
            const content = (Array.isArray(body.content) ? body.content : [body.content]).find(isPlain) ?? {};
            const found = new Set<string>();
            const collection = settleKeys(evaluate(body.for_each, env, project, found));
            const existing = Array.isArray(values[name]) ? (values[name] as unknown[]) : [];
            if (collection === undefined || values[name] === UNKNOWN) {
                const unbound = { ...env, names: new Map([...(env.names ?? new Map<string, unknown>()), [iterator, UNKNOWN]]) };
                evaluateBlock(project, content, unbound).deps.forEach((fieldDeps) => fieldDeps.forEach((dep) => found.add(dep)));
                found.add(`dynamic.${name}`);
                values[name] = UNKNOWN;
                deps[camel(name)] = [...new Set([...(deps[camel(name)] ?? []), ...found])];
                continue;
            }
            const blocks = collection.map(([key, value]) =>
                evaluateBlock(project, content, { ...env, names: new Map([...(env.names ?? new Map<string, unknown>()), [iterator, { key, value }]]) }),
            );
            values[name] = [...existing, ...blocks.map((block) => block.value)];
            addBlockDeps(deps, name, blocks, existing.length);
        }
    }
}

/** A dynamic block's for_each as key/value pairs, in Terraform's order; undefined when not known. */
function settleKeys(value: unknown): [unknown, unknown][] | undefined {
    if (Array.isArray(value)) {
        return value.map((element, i) => [i, element]);
    }
    if (isPlain(value)) {
        return Object.keys(value)
            .sort()
            .map((key) => [key, value[key]]);
    }
    return undefined;
}

/** The core's resource for one instance of a resource block. */
export function resourceInput(project: Project, instance: ResourceInstance, kind: ResourceKind, provider: string): ResourceInput {
    const { values, deps } = argumentsOf(project, instance);
    // Everything is read as about to be created: its id is known only after apply.
    values.id = UNKNOWN;
    // depends_on orders creation as a reference does, as the plan reader reads it.
    const dependencies = instance.block.body.depends_on === undefined ? [] : [...new Set(project.argument(instance, "depends_on").deps)];
    return {
        address: instance.address,
        name: instance.address,
        kind,
        type: instance.block.type,
        props: pulumiNames(values),
        provider,
        propertyDependencies: deps,
        ...(dependencies.length > 0 ? { dependencies } : {}),
    };
}
