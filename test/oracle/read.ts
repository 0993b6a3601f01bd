// The oracle's own reading of values: known, unknown, or not set. Written apart from the pack's
// core (policypack/core/values.ts); only the marker for "unknown" is the same by necessity.
//
// - An unknown is the core's UNKNOWN symbol or one of Pulumi's seven wire sentinels.
// - null, undefined and "" are "not set".
// - A value of the wrong type for what is read is unknown: nothing can be proven from it.
// - A property whose value is unknown and that was computed from no other resource is a property the
//   program left unset (the provider reports an unset Optional+Computed property as unknown at
//   preview), so it reads as not set.

import type { ResourceInput } from "../../policypack/core/resources";

export const UNK = Symbol("oracle-unknown");
export type Unk = typeof UNK;

const CORE_UNKNOWN = Symbol.for("alicloud-eip-guard.unknown");
const SENTINELS = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
];

export function unknownValue(value: unknown): boolean {
    return value === CORE_UNKNOWN || (typeof value === "string" && SENTINELS.includes(value));
}

function plainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of `key` in `holder`; an unknown holder has unknown fields. */
export function field(holder: unknown, key: string): unknown {
    if (plainObject(holder)) {
        return Object.prototype.hasOwnProperty.call(holder, key) ? holder[key] : undefined;
    }
    return unknownValue(holder) ? CORE_UNKNOWN : undefined;
}

export function text(value: unknown): string | Unk | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string" && !unknownValue(value)) return value;
    return UNK;
}

export function count(value: unknown): number | Unk | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "number") return Number.isFinite(value) ? value : UNK;
    if (typeof value === "string" && !unknownValue(value) && /^-?[0-9]+(\.[0-9]+)?$/.test(value.trim())) return Number(value.trim());
    return UNK;
}

export function items(value: unknown): readonly unknown[] | Unk | undefined {
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? value : UNK;
}

/** The addresses property `key` of `resource` was computed from. */
export function sources(resource: ResourceInput, key: string): string[] {
    const list = resource.propertyDependencies?.[key];
    return Array.isArray(list) ? list.filter((address): address is string => typeof address === "string") : [];
}

/** A property as the program set it: an unknown computed from nothing is a property left unset. */
export function given(resource: ResourceInput, key: string): unknown {
    const value = field(resource.props, key);
    const hasSources = Array.isArray(resource.propertyDependencies?.[key]) && (resource.propertyDependencies?.[key]?.length ?? 0) > 0;
    return unknownValue(value) && !hasSources ? undefined : value;
}

export function givenText(resource: ResourceInput, key: string): string | Unk | undefined {
    return text(given(resource, key));
}
