// The few Terraform functions evaluated offline: pure ones whose result is certain from known
// arguments and which configurations use to write count, for_each and names (toset, keys, lookup,
// concat...). Any other function, or any argument not wholly known, gives UNKNOWN.

import { UNKNOWN, isUnknown } from "../../../core/values";
import { hasNoUnknown, isPlain, isWhollyKnown, sameValue } from "./values";

type Fn = (args: unknown[]) => unknown;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function list(value: unknown): unknown[] | undefined {
    return Array.isArray(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function wholeNumber(value: unknown): number | undefined {
    const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : undefined;
    return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** Terraform's set of strings: distinct, in lexical order. Other element types are left unknown. */
function toSet(value: unknown): unknown {
    const elements = list(value);
    if (elements === undefined || !elements.every((element) => typeof element === "string" || typeof element === "number" || typeof element === "boolean")) {
        return UNKNOWN;
    }
    const strings = elements.map((element) => String(element));
    return [...new Set(strings)].sort(compare);
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
    length: ([value]) => (typeof value === "string" ? [...value].length : Array.isArray(value) ? value.length : isPlain(value) ? Object.keys(value).length : UNKNOWN),
    lower: ([value]) => (typeof value === "string" ? value.toLowerCase() : UNKNOWN),
    upper: ([value]) => (typeof value === "string" ? value.toUpperCase() : UNKNOWN),
    tostring: ([value]) => (value === null ? null : (text(value) ?? UNKNOWN)),
    tonumber: ([value]) => (typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value === null ? null : UNKNOWN),
    tolist: ([value]) => list(value) ?? UNKNOWN,
    toset: ([value]) => toSet(value),
    tomap: ([value]) => (isPlain(value) ? value : UNKNOWN),
    keys: ([value]) => (isPlain(value) ? Object.keys(value).sort(compare) : UNKNOWN),
    values: ([value]) =>
        isPlain(value)
            ? Object.keys(value)
                  .sort(compare)
                  .map((key) => value[key])
            : UNKNOWN,
    lookup: ([map, key, ...fallback]) => {
        const name = text(key);
        if (!isPlain(map) || name === undefined) {
            return UNKNOWN;
        }
        return Object.prototype.hasOwnProperty.call(map, name) ? map[name] : fallback.length > 0 ? fallback[0] : UNKNOWN;
    },
    element: ([elements, index]) => {
        const items = list(elements);
        const i = wholeNumber(index);
        return items === undefined || i === undefined || items.length === 0 || i < 0 ? UNKNOWN : items[i % items.length];
    },
    concat: (args) => (args.every((arg) => Array.isArray(arg)) ? (args as unknown[][]).flat(1) : UNKNOWN),
    merge: (args) => (args.every((arg) => isPlain(arg) || arg === null) ? (Object.assign({}, ...args.filter((arg) => arg !== null)) as Record<string, unknown>) : UNKNOWN),
    join: ([separator, ...lists]) => {
        const parts = lists.flatMap((arg) => list(arg) ?? [UNKNOWN]);
        const texts = parts.map(text);
        return typeof separator === "string" && texts.every((part) => part !== undefined) ? texts.join(separator) : UNKNOWN;
    },
    contains: ([elements, value]) => {
        const items = list(elements);
        return items === undefined || !isWhollyKnown(items) || !isWhollyKnown(value) ? UNKNOWN : items.some((item) => sameValue(item, value));
    },
    range: (args) => {
        const numbers = args.map(wholeNumber);
        if (numbers.some((n) => n === undefined) || numbers.length === 0 || numbers.length > 3) {
            return UNKNOWN;
        }
        const [start, end, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? (numbers[0]! <= numbers[1]! ? 1 : -1)];
        if (step === 0 || Math.abs((end - start) / step) > 1024) {
            return UNKNOWN;
        }
        const out: number[] = [];
        for (let n = start; step > 0 ? n < end : n > end; n += step) {
            out.push(n);
        }
        return out;
    },
};

/** Functions whose result depends on the shape of their argument only, not on its elements' values. */
const STRUCTURAL = new Set(["length", "keys"]);

/** Whether the checker evaluates this function. */
export function isEvaluated(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** The result of a call, or UNKNOWN when the function is not evaluated here or an argument is unknown. */
export function callFunction(name: string, args: unknown[]): unknown {
    // A list of resource instances, or of unknown values, has a known length and a map known keys.
    const needed = STRUCTURAL.has(name) ? (arg: unknown) => !isUnknown(arg) : hasNoUnknown;
    if (!isEvaluated(name) || !args.every(needed)) {
        return UNKNOWN;
    }
    try {
        return FUNCTIONS[name](args);
    } catch {
        return UNKNOWN;
    }
}
