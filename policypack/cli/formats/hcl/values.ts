// Values while a configuration is evaluated: JSON values with the core's UNKNOWN where a value cannot
// be known without a cloud, and references to resource and module instances, which become UNKNOWN
// (with a dependency) wherever they end up as an argument's value.

import { UNKNOWN, isRecord, isUnknown } from "../../../core/values";

/** A resource instance named by a reference: its attributes are read through the evaluator. */
export class ResourceObject {
    constructor(readonly address: string) {}
}

/** A module instance named by a reference: its outputs are read through the evaluator. */
export class ModuleObject {
    constructor(readonly address: string) {}
}

/** Deep equality of known values (Terraform's `==`: the same type and the same value). */
export function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((element, i) => sameValue(element, b[i]));
    }
    if (isPlain(a) && isPlain(b)) {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
    }
    return false;
}

/** A plain object value (a map or an object), not a reference. */
export function isPlain(value: unknown): value is Record<string, unknown> {
    return isRecord(value) && !(value instanceof ResourceObject) && !(value instanceof ModuleObject);
}

/** Whether a value holds no UNKNOWN, at any depth (references to resources or modules may be in it). */
export function hasNoUnknown(value: unknown): boolean {
    if (isUnknown(value)) {
        return false;
    }
    if (Array.isArray(value)) {
        return value.every(hasNoUnknown);
    }
    if (isPlain(value)) {
        return Object.values(value).every(hasNoUnknown);
    }
    return true;
}

/** Whether a value holds nothing unknown, at any depth. */
export function isWhollyKnown(value: unknown): boolean {
    if (isUnknown(value) || value instanceof ResourceObject || value instanceof ModuleObject) {
        return false;
    }
    if (Array.isArray(value)) {
        return value.every(isWhollyKnown);
    }
    if (isPlain(value)) {
        return Object.values(value).every(isWhollyKnown);
    }
    return true;
}

/**
 * A value as the core takes it: references to resource or module instances are UNKNOWN (an object
 * is never an argument's value in a plan) and what they name is added to `deps`.
 */
export function settle(value: unknown, deps: Set<string>): unknown {
    if (value instanceof ResourceObject || value instanceof ModuleObject) {
        deps.add(value.address);
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map((element) => settle(element, deps));
    }
    if (isPlain(value)) {
        const out: Record<string, unknown> = {};
        for (const [key, element] of Object.entries(value)) {
            out[key] = settle(element, deps);
        }
        return out;
    }
    return value;
}

/** A value as template text: strings, numbers and booleans; anything else cannot be interpolated. */
export function asText(value: unknown): string | typeof UNKNOWN {
    if (typeof value === "string") {
        return value;
    }
    if (typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    return UNKNOWN;
}
