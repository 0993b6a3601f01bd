// Nested blocks: which block of the configuration became which element of the planned values (a set,
// such as zone_mappings, is planned in an order of its own).

import { UNKNOWN, isRecord } from "../../../core/values";

function deepEqual(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

function compatible(block: Record<string, unknown>, element: unknown): boolean {
    if (!isRecord(element)) {
        return false;
    }
    for (const [field, expression] of Object.entries(block)) {
        if (!isRecord(expression) || !("constant_value" in expression) || expression.constant_value === null) {
            continue;
        }
        const value = element[field];
        if (value === UNKNOWN || (value !== undefined && value !== null && !deepEqual(value, expression.constant_value))) {
            return false;
        }
    }
    return true;
}

/**
 * Pairs configuration blocks with planned elements (a set, such as zone_mappings, is planned in an
 * order of its own): each block with an element whose known values agree with the block's constants.
 * Undefined when they cannot be paired.
 */
export function matchBlocks(blocks: readonly Record<string, unknown>[], elements: readonly unknown[]): number[] | undefined {
    if (blocks.length !== elements.length || blocks.length > 64) {
        return undefined;
    }
    const assigned: number[] = [];
    const used = new Set<number>();
    const place = (b: number): boolean => {
        if (b === blocks.length) {
            return true;
        }
        const order = [b, ...elements.map((_, i) => i).filter((i) => i !== b)];
        for (const e of order) {
            if (e < elements.length && !used.has(e) && compatible(blocks[b], elements[e])) {
                used.add(e);
                assigned[b] = e;
                if (place(b + 1)) {
                    return true;
                }
                used.delete(e);
            }
        }
        return false;
    };
    return place(0) ? assigned : undefined;
}
