// Values as the rules see them: known, unknown (computed later), or absent.
//
// A plan is full of values nobody knows yet: every id of a resource about to be created, and every
// input computed from one. The rules treat "unknown" as a value of its own, never as an error and
// never as "absent". Front ends hand the core plain JSON-like props in which an unknown is either
// the core's UNKNOWN symbol or one of Pulumi's wire sentinels (which Pulumi uses in the analyzer
// protocol, in `pulumi preview --json` and in stack exports alike, so recognising them here lets a
// front end pass Pulumi-shaped values through untouched).

export const UNKNOWN: unique symbol = Symbol.for("alicloud-eip-guard.unknown");
export type Unknown = typeof UNKNOWN;

/** A value the rules may read: known, `UNKNOWN`, or `undefined` when the property is absent. */
export type Maybe<T> = T | Unknown | undefined;

const PULUMI_UNKNOWN_SENTINELS = new Set<string>([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
]);

export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN || (typeof value === "string" && PULUMI_UNKNOWN_SENTINELS.has(value));
}

export function isKnown<T>(value: Maybe<T>): value is T {
    return value !== undefined && value !== UNKNOWN;
}

/** A plain object (not an array, not null), safe to index. */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads one property of a props object without ever throwing: a getter that throws, a proxy that
 * objects, a prototype key: all of them read as UNKNOWN, because the rules must not guess.
 */
export function prop(props: unknown, key: string): unknown {
    if (!isRecord(props)) {
        return isUnknown(props) ? UNKNOWN : undefined;
    }
    try {
        if (!Object.prototype.hasOwnProperty.call(props, key)) {
            return undefined;
        }
        const descriptor = Object.getOwnPropertyDescriptor(props, key);
        if (descriptor === undefined) {
            return undefined;
        }
        return "value" in descriptor ? descriptor.value : UNKNOWN;
    } catch {
        return UNKNOWN;
    }
}

/**
 * A string property. Absent, null and "" read as absent; a value of another type reads as UNKNOWN
 * (the provider would reject it, and a policy must not invent a meaning for it).
 */
export function readString(props: unknown, key: string): Maybe<string> {
    return asString(prop(props, key));
}

export function asString(value: unknown): Maybe<string> {
    if (value === undefined || value === null || value === "") {
        return undefined;
    }
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    return typeof value === "string" ? value : UNKNOWN;
}

/** A finite number; numeric strings are accepted because some plan formats carry numbers as text. */
export function asNumber(value: unknown): Maybe<number> {
    if (value === undefined || value === null || value === "") {
        return undefined;
    }
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (typeof value === "number") {
        return Number.isFinite(value) ? value : UNKNOWN;
    }
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) {
        return Number(value);
    }
    return UNKNOWN;
}

/**
 * An array property. Returns the elements as they are (each may itself be unknown), UNKNOWN when the
 * whole list is unknown or not a list, and undefined when absent.
 */
export function readList(props: unknown, key: string): Maybe<readonly unknown[]> {
    return asList(prop(props, key));
}

export function asList(value: unknown): Maybe<readonly unknown[]> {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (Array.isArray(value)) {
        return value as unknown[];
    }
    return UNKNOWN;
}

/** Lower-cases a known string for case-insensitive comparisons of enum-like values. */
export function lower(value: Maybe<string>): Maybe<string> {
    return typeof value === "string" ? value.toLowerCase() : value;
}
