// Property dependencies of a planned resource, as Pulumi would give them: per attribute, and per
// field of each nested block element, the resource instances its expression references.

import { isRecord } from "../../../core/values";
import { matchBlocks } from "./blocks";
import { camel } from "./names";
import { ReferenceResolver, Scope } from "./resolver";
import { isExpression, referencesOf } from "./types";

/** Property dependencies from a resource's expressions, per attribute and per nested block element. */
export function dependenciesOf(resolver: ReferenceResolver, expressions: Record<string, unknown>, values: Record<string, unknown>, scope: Scope): Record<string, string[]> {
    const deps: Record<string, string[]> = {};
    for (const [attribute, expression] of Object.entries(expressions)) {
        const key = camel(attribute);
        if (isExpression(expression)) {
            const refs = referencesOf(expression);
            if (refs !== undefined && refs.length > 0) {
                deps[key] = resolver.resolve(refs, scope);
            }
            continue;
        }
        for (const [path, addresses] of blockDependencies(resolver, key, expression, values[attribute], scope)) {
            deps[path] = addresses;
        }
    }
    return deps;
}

/**
 * The dependencies of an attribute written as nested blocks: each field's at `key[i].field`, `i` the
 * planned element its block became (when the blocks pair with the elements), and all of them at `key`.
 */
function blockDependencies(resolver: ReferenceResolver, key: string, expression: unknown, value: unknown, scope: Scope): [string, string[]][] {
    const blocks = (Array.isArray(expression) ? expression : isRecord(expression) ? [expression] : []).filter(isRecord);
    const elements = Array.isArray(value) ? (value as unknown[]) : undefined;
    const pairing = elements === undefined ? undefined : matchBlocks(blocks, elements);
    const entries: [string, string[]][] = [];
    const union = new Set<string>();
    blocks.forEach((block, b) => {
        for (const [field, fieldExpression] of Object.entries(block)) {
            const refs = nestedReferences(fieldExpression);
            if (refs.length === 0) {
                continue;
            }
            const found = resolver.resolve(refs, scope);
            found.forEach((address) => union.add(address));
            if (pairing !== undefined) {
                entries.push([`${key}[${pairing[b]}].${camel(field)}`, found]);
            }
        }
    });
    if (union.size > 0) {
        entries.push([key, [...union]]);
    }
    return entries;
}

/**
 * The references of a block's field: its expression's, or, for blocks nested in the block (a list of
 * bodies, or one body, each field an expression or further blocks), all of theirs.
 */
function nestedReferences(expression: unknown): string[] {
    if (isExpression(expression)) {
        return referencesOf(expression) ?? [];
    }
    if (Array.isArray(expression)) {
        return expression.flatMap(nestedReferences);
    }
    return isRecord(expression) ? Object.values(expression).flatMap(nestedReferences) : [];
}
