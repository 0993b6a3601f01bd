// The limits of an instance type: the documented table (instance-families.ts) under the user's
// additions and overrides (the rules' instanceTypes option). A type neither names, or a number
// neither gives, is undefined: the rules then decide nothing for it.

import { FAMILIES } from "./instance-families";

export interface TypeLimits {
    /** The most ENIs an instance of the type holds, its primary ENI included. */
    readonly enis?: number;
    /** The most private IPv4 addresses one ENI attached to it holds, its primary private IP included. */
    readonly privateIpsPerEni?: number;
}

/** What a user gives for a type in instanceTypes: either number, or both. */
export type TypeOverrides = Readonly<Record<string, TypeLimits>>;

function buildTable(): ReadonlyMap<string, TypeLimits> {
    const table = new Map<string, TypeLimits>();
    for (const { family, sizes } of FAMILIES) {
        for (const [size, [enis, privateIpsPerEni]] of Object.entries(sizes)) {
            table.set(`ecs.${family}.${size}`, privateIpsPerEni === null ? { enis } : { enis, privateIpsPerEni });
        }
    }
    return table;
}

/** Every documented type by its full name ("ecs.g7.large"). */
export const DOCUMENTED_TYPES: ReadonlyMap<string, TypeLimits> = buildTable();

/**
 * The limits of `type`, the user's numbers first: a user who gives only `enis` for a documented type
 * keeps its documented private IPs per ENI. Type names compare without regard to case, as the API
 * reads them.
 */
export function limitsOf(type: string, overrides: TypeOverrides = {}): TypeLimits {
    const name = type.toLowerCase();
    const own = Object.entries(overrides).find(([key]) => key.toLowerCase() === name)?.[1] ?? {};
    const documented = DOCUMENTED_TYPES.get(name) ?? {};
    return { enis: own.enis ?? documented.enis, privateIpsPerEni: own.privateIpsPerEni ?? documented.privateIpsPerEni };
}
