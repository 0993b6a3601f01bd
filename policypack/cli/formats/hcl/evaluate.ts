// Evaluates what a configuration says without a cloud: literals, templates, operators, conditionals,
// `for` expressions, a few pure functions, and references to variables, locals, count/each, module
// outputs and other resources' arguments. Whatever cannot be known is UNKNOWN, and every value records
// in `deps` what it was computed from: the resource instances it references (a plan's references,
// which become property dependencies), and for an unknown not computed from any resource, the name of
// what made it unknown, so that the core never reads it as an argument left unset.

import { UNKNOWN, isUnknown } from "../../../core/values";
import { callFunction } from "./functions";
import { binary, unary } from "./operators";
import { Node, Parsed, hasCode, literal, sourceOf, treeOf } from "./template";
import { ModuleObject, ResourceObject, asText, isPlain } from "./values";

/** Where an expression is evaluated: a module instance, and the names a resource or a `for` binds. */
export interface Env {
    /** The module instance's address ("" for the root module). */
    readonly module: string;
    readonly count?: number;
    readonly each?: { readonly key: string; readonly value: unknown };
    /** `for` variables and dynamic-block iterators. */
    readonly names?: ReadonlyMap<string, unknown>;
}

/** What an expression can name, as the configuration being evaluated answers it. */
export interface Scope {
    variable(env: Env, name: string, deps: Set<string>): unknown;
    local(env: Env, name: string, deps: Set<string>): unknown;
    /** A resource (`mode` "data" for a data source): an instance, a list or map of them, or UNKNOWN. */
    resource(env: Env, mode: "managed" | "data", type: string, name: string, deps: Set<string>): unknown;
    /** An argument of a resource instance, as its configuration sets it (UNKNOWN if it does not). */
    attribute(resource: ResourceObject, name: string, deps: Set<string>): unknown;
    moduleCall(env: Env, name: string, deps: Set<string>): unknown;
    output(module: ModuleObject, name: string, deps: Set<string>): unknown;
}

type Step = { readonly name: string } | { readonly index: unknown };

/** Evaluates a value of the parser's JSON (literals, with template strings where there is code). */
export function evaluate(raw: unknown, env: Env, scope: Scope, deps: Set<string>): unknown {
    if (typeof raw === "string") {
        if (!hasCode(raw)) {
            return literal(raw);
        }
        let parsed: Parsed;
        try {
            parsed = treeOf(raw);
        } catch {
            deps.add(raw);
            return UNKNOWN;
        }
        return new Evaluator(parsed, env, scope, deps).node(parsed.tree);
    }
    if (Array.isArray(raw)) {
        return raw.map((element) => evaluate(element, env, scope, deps));
    }
    if (isPlain(raw)) {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(raw)) {
            const name = hasCode(key) ? evaluate(key, env, scope, deps) : literal(key);
            const text = asText(name);
            if (text === UNKNOWN) {
                return UNKNOWN;
            }
            out[text] = evaluate(value, env, scope, deps);
        }
        return out;
    }
    return raw;
}

/** A step of a traversal: a name, or an index (`[0]`, `["a"]`) given as its source text. */
function stepOf(part: unknown): Step | undefined {
    if (!isPlain(part) || typeof part.segment !== "string") {
        return undefined;
    }
    if (part.type === "nameTraversal") {
        return { name: part.segment };
    }
    const segment = part.segment;
    if (/^-?\d+$/.test(segment)) {
        return { index: Number(segment) };
    }
    if (/^".*"$/s.test(segment)) {
        try {
            return { index: JSON.parse(segment) as unknown };
        } catch {
            return undefined;
        }
    }
    return undefined;
}

class Evaluator {
    constructor(
        private readonly parsed: Parsed,
        private readonly env: Env,
        private readonly scope: Scope,
        private readonly deps: Set<string>,
    ) {}

    private with(names: Map<string, unknown>): Evaluator {
        const merged = new Map([...(this.env.names ?? new Map<string, unknown>()), ...names]);
        return new Evaluator(this.parsed, { ...this.env, names: merged }, this.scope, this.deps);
    }

    node(node: Node | undefined): unknown {
        if (node === undefined) {
            return UNKNOWN;
        }
        const children = node.children ?? [];
        const meta = node.meta ?? {};
        switch (node.type) {
            case "templateWrap":
                return this.node(children[0]);
            case "":
                // Parentheses, or an object key: the expression inside.
                return children.length === 1 ? this.node(children[0]) : this.opaque(node);
            case "template":
                return this.template(children);
            case "literalValue":
                return this.literalValue(meta);
            case "tuple":
                return children.map((child) => this.node(child));
            case "object":
                return this.object(children);
            case "scopeTraversal":
                return this.traversal(meta.traversal, node);
            case "relativeTraversal":
                return this.apply(this.node(children[0]), Array.isArray(meta.traversal) ? meta.traversal : [], node);
            case "index":
                return this.index(this.node(children[0]), this.node(children[1]));
            case "splat":
                return this.splat(children);
            case "function":
                return this.call(String(meta.name), children);
            case "conditional":
                return this.conditional(children);
            case "binaryOp":
                return binary(String(meta.operator), this.node(children[0]), this.node(children[1]));
            case "unaryOp":
                return unary(String(meta.operator), this.node(children[0]));
            case "for":
                return this.forExpression(node);
            default:
                return this.opaque(node);
        }
    }

    /** An expression this evaluator does not read: unknown, computed from every reference in it. */
    private opaque(node: Node): unknown {
        const before = this.deps.size;
        const visit = (n: Node) => {
            if (n.type === "scopeTraversal") {
                this.traversal(n.meta?.traversal, n);
            }
            (n.children ?? []).forEach(visit);
        };
        visit(node);
        if (this.deps.size === before) {
            this.deps.add(sourceOf(this.parsed, node) ?? node.type);
        }
        return UNKNOWN;
    }

    private call(name: string, args: Node[]): unknown {
        const before = this.deps.size;
        const result = callFunction(
            name,
            args.map((arg) => this.node(arg)),
        );
        if (result === UNKNOWN && this.deps.size === before) {
            this.deps.add(`${name}()`);
        }
        return result;
    }

    private template(children: Node[]): unknown {
        let text = "";
        let unknown = false;
        for (const child of children) {
            const part = asText(this.node(child));
            if (part === UNKNOWN) {
                unknown = true;
            } else {
                text += part;
            }
        }
        return unknown ? UNKNOWN : text;
    }

    private literalValue(meta: Record<string, unknown>): unknown {
        const value = String(meta.value);
        switch (meta.type) {
            case "number":
                return Number(value);
            case "bool":
                return value === "true";
            case "string":
                return value;
            default:
                return value === "null" ? null : UNKNOWN;
        }
    }

    private object(children: Node[]): unknown {
        const out: Record<string, unknown> = {};
        let unknown = false;
        for (let i = 0; i + 1 < children.length; i += 2) {
            const keyNode = children[i];
            // A bare name is its own key; a quoted or parenthesised key is an expression.
            const key = keyNode.type === "" && (keyNode.children ?? []).length === 0 ? sourceOf(this.parsed, keyNode) : asText(this.node(keyNode));
            const value = this.node(children[i + 1]);
            if (key === undefined || key === UNKNOWN) {
                unknown = true;
            } else {
                out[key] = value;
            }
        }
        return unknown ? UNKNOWN : out;
    }

    private traversal(parts: unknown, node: Node): unknown {
        const steps = Array.isArray(parts) ? parts : [];
        const root = stepOf(steps[0]);
        const second = stepOf(steps[1]);
        const name = (step: Step | undefined) => (step !== undefined && "name" in step ? step.name : undefined);
        const rootName = name(root);
        if (rootName === undefined) {
            return this.opaque({ ...node, type: "unread" });
        }
        if (this.env.names?.has(rootName)) {
            return this.apply(this.env.names.get(rootName), steps.slice(1), node);
        }
        const pseudo = (text: string) => {
            this.deps.add(text);
            return UNKNOWN;
        };
        switch (rootName) {
            case "var":
                return name(second) === undefined ? pseudo("var") : this.apply(this.scope.variable(this.env, name(second)!, this.deps), steps.slice(2), node);
            case "local":
                return name(second) === undefined ? pseudo("local") : this.apply(this.scope.local(this.env, name(second)!, this.deps), steps.slice(2), node);
            case "count":
                return name(second) === "index" && this.env.count !== undefined ? this.apply(this.env.count, steps.slice(2), node) : pseudo("count.index");
            case "each":
                if (this.env.each !== undefined && (name(second) === "key" || name(second) === "value")) {
                    return this.apply(name(second) === "key" ? this.env.each.key : this.env.each.value, steps.slice(2), node);
                }
                return pseudo(`each.${name(second) ?? ""}`);
            case "module":
                return name(second) === undefined ? pseudo("module") : this.apply(this.scope.moduleCall(this.env, name(second)!, this.deps), steps.slice(2), node);
            case "data": {
                const type = name(second);
                const dataName = name(stepOf(steps[2]));
                return type === undefined || dataName === undefined
                    ? pseudo("data")
                    : this.apply(this.scope.resource(this.env, "data", type, dataName, this.deps), steps.slice(3), node);
            }
            case "path":
            case "terraform":
            case "self":
                return pseudo(sourceOf(this.parsed, node) ?? rootName);
            default:
                return name(second) === undefined
                    ? pseudo(rootName)
                    : this.apply(this.scope.resource(this.env, "managed", rootName, name(second)!, this.deps), steps.slice(2), node);
        }
    }

    /** Applies the remaining steps of a traversal to a value. */
    private apply(value: unknown, parts: readonly unknown[], node: Node): unknown {
        let current = value;
        for (const part of parts) {
            const step = stepOf(part);
            if (step === undefined) {
                return this.opaque({ ...node, type: "unread" });
            }
            current = this.step(current, "name" in step ? step.name : step.index);
        }
        return current;
    }

    private step(value: unknown, key: unknown): unknown {
        if (isUnknown(value)) {
            return UNKNOWN;
        }
        if (value instanceof ResourceObject) {
            return typeof key === "string" ? this.scope.attribute(value, key, this.deps) : UNKNOWN;
        }
        if (value instanceof ModuleObject) {
            return typeof key === "string" ? this.scope.output(value, key, this.deps) : UNKNOWN;
        }
        return this.index(value, key);
    }

    private index(collection: unknown, key: unknown): unknown {
        if (isUnknown(collection) || isUnknown(key)) {
            if (Array.isArray(collection) || isPlain(collection)) {
                // Which element is unknown: it may be any of them.
                Object.values(collection).forEach((element) => this.mention(element));
            }
            return UNKNOWN;
        }
        if (collection instanceof ResourceObject || collection instanceof ModuleObject) {
            return this.step(collection, key);
        }
        if (Array.isArray(collection)) {
            const i = typeof key === "number" ? key : typeof key === "string" && /^\d+$/.test(key) ? Number(key) : undefined;
            return i !== undefined && Number.isInteger(i) && i >= 0 && i < collection.length ? collection[i] : UNKNOWN;
        }
        if (isPlain(collection)) {
            const name = asText(key);
            return name !== UNKNOWN && Object.prototype.hasOwnProperty.call(collection, name) ? collection[name] : UNKNOWN;
        }
        return UNKNOWN;
    }

    /** Records what a value that is not read any further names. */
    private mention(value: unknown): void {
        if (value instanceof ResourceObject || value instanceof ModuleObject) {
            this.deps.add(value.address);
        }
    }

    private splat(children: Node[]): unknown {
        const source = this.node(children[0]);
        if (isUnknown(source)) {
            return UNKNOWN;
        }
        const each = children[1];
        const elements = Array.isArray(source) ? source : source === null ? [] : [source];
        const parts = each?.type === "relativeTraversal" && Array.isArray(each.meta?.traversal) ? each.meta.traversal : [];
        return elements.map((element) => this.apply(element, parts, each ?? children[0]));
    }

    private conditional(children: Node[]): unknown {
        const condition = this.node(children[0]);
        if (condition === true || condition === false) {
            return this.node(children[condition ? 1 : 2]);
        }
        // Either branch may be taken: unknown, computed from both.
        this.node(children[1]);
        this.node(children[2]);
        return UNKNOWN;
    }

    private forExpression(node: Node): unknown {
        const meta = node.meta ?? {};
        const children = node.children ?? [];
        const isObject = meta.openRangeValue === "{";
        const hasCondition = typeof meta.conditionalExpression === "string" && meta.conditionalExpression !== "";
        const [collectionNode, keyNode, valueNode, conditionNode] = isObject ? children : [children[0], undefined, children[1], children[2]];
        const keyVar = typeof meta.keyVar === "string" && meta.keyVar !== "" ? meta.keyVar : undefined;
        const valVar = String(meta.valVar);
        const collection = this.node(collectionNode);
        const pairs: [unknown, unknown][] | undefined = Array.isArray(collection)
            ? collection.map((element, i) => [i, element])
            : isPlain(collection)
              ? Object.keys(collection)
                    .sort()
                    .map((key) => [key, collection[key]])
              : undefined;
        if (pairs === undefined || meta.groupedValue === true) {
            const unbound = this.with(new Map([...(keyVar ? [[keyVar, UNKNOWN] as const] : []), [valVar, UNKNOWN]]));
            [keyNode, valueNode, hasCondition ? conditionNode : undefined].forEach((child) => child && unbound.node(child));
            return UNKNOWN;
        }
        const list: unknown[] = [];
        const object: Record<string, unknown> = {};
        for (const [key, value] of pairs) {
            const inner = this.with(new Map([...(keyVar ? [[keyVar, key] as const] : []), [valVar, value]]));
            if (hasCondition) {
                const keep = inner.node(conditionNode);
                if (keep !== true && keep !== false) {
                    return UNKNOWN;
                }
                if (!keep) {
                    continue;
                }
            }
            if (isObject) {
                const name = asText(inner.node(keyNode));
                if (name === UNKNOWN) {
                    return UNKNOWN;
                }
                object[name] = inner.node(valueNode);
            } else {
                list.push(inner.node(valueNode));
            }
        }
        return isObject ? object : list;
    }
}
