// Which planned values are unknown: a plan leaves them out of `planned_values` and marks them in
// `resource_changes[].change.after_unknown`, which is laid over the planned values here.

import { UNKNOWN, isRecord } from "../../../core/values";

/**
 * Marks the unknown parts of planned values, following an `after_unknown` tree: `true` marks a value
 * unknown, `false` and empty branches leave it as planned. Only the branches that change are copied,
 * so a large plan whose trees are mostly `false` costs little.
 */
export function overlayUnknown(value: unknown, unknown: unknown): unknown {
    if (unknown === true) {
        return UNKNOWN;
    }
    if (Array.isArray(unknown)) {
        const base: unknown[] | undefined = Array.isArray(value) ? (value as unknown[]) : undefined;
        let list: unknown[] | undefined;
        unknown.forEach((element, index) => {
            if (element === false || element === null || element === undefined) {
                return;
            }
            const current = base?.[index];
            const next = overlayUnknown(current === null ? undefined : current, element);
            if (next !== current) {
                list ??= base === undefined ? [] : [...base];
                list[index] = next;
            }
        });
        return list ?? value;
    }
    if (isRecord(unknown)) {
        const base = isRecord(value) ? value : undefined;
        let record: Record<string, unknown> | undefined;
        for (const key in unknown) {
            const element = unknown[key];
            if (element === false || element === null || element === undefined) {
                continue;
            }
            const current = base?.[key];
            const next = overlayUnknown(current === null ? undefined : current, element);
            if (next !== current && next !== undefined) {
                record ??= base === undefined ? {} : { ...base };
                record[key] = next;
            }
        }
        return record ?? value;
    }
    return value;
}

/** overlayUnknown for a resource's own values, writing into `values` (a copy the caller owns). */
export function markUnknownIn(values: Record<string, unknown>, unknown: unknown): Record<string, unknown> {
    if (!isRecord(unknown)) {
        return values;
    }
    for (const key in unknown) {
        const element = unknown[key];
        if (element === false || element === null || element === undefined) {
            continue;
        }
        const current = values[key];
        const next = overlayUnknown(current === null ? undefined : current, element);
        if (next !== current && next !== undefined) {
            values[key] = next;
        }
    }
    return values;
}

/** The `after_unknown` tree of each resource instance a plan changes (deposed objects left out). */
export function afterUnknowns(changes: unknown): Map<string, unknown> {
    const unknowns = new Map<string, unknown>();
    for (const change of Array.isArray(changes) ? changes : []) {
        if (isRecord(change) && typeof change.address === "string" && change.deposed === undefined && isRecord(change.change)) {
            unknowns.set(change.address, change.change.after_unknown);
        }
    }
    return unknowns;
}
