// HCL's operators on known values: arithmetic, comparison, equality (the same type and value) and
// logic. An operand that is unknown, or not of the operator's type, gives UNKNOWN.

import { UNKNOWN } from "../../../core/values";
import { isWhollyKnown, sameValue } from "./values";

export function binary(operator: string, a: unknown, b: unknown): unknown {
    if (operator === "equal" || operator === "notEqual") {
        if (!isWhollyKnown(a) || !isWhollyKnown(b)) {
            return UNKNOWN;
        }
        return sameValue(a, b) === (operator === "equal");
    }
    if (operator === "logicalAnd" || operator === "logicalOr") {
        return typeof a === "boolean" && typeof b === "boolean" ? (operator === "logicalAnd" ? a && b : a || b) : UNKNOWN;
    }
    const x = typeof a === "number" ? a : typeof a === "string" && /^-?\d+(\.\d+)?$/.test(a) ? Number(a) : undefined;
    const y = typeof b === "number" ? b : typeof b === "string" && /^-?\d+(\.\d+)?$/.test(b) ? Number(b) : undefined;
    if (x === undefined || y === undefined) {
        return UNKNOWN;
    }
    switch (operator) {
        case "add":
            return x + y;
        case "subtract":
            return x - y;
        case "multiply":
            return x * y;
        case "divide":
            return y === 0 ? UNKNOWN : x / y;
        case "modulo":
            return y === 0 ? UNKNOWN : x % y;
        case "lessThan":
            return x < y;
        case "lessThanOrEqual":
            return x <= y;
        case "greaterThan":
            return x > y;
        case "greaterThanOrEqual":
            return x >= y;
        default:
            return UNKNOWN;
    }
}

export function unary(operator: string, value: unknown): unknown {
    if (operator === "negate" && typeof value === "number") {
        return -value;
    }
    if (operator === "logicalNot" && typeof value === "boolean") {
        return !value;
    }
    return UNKNOWN;
}
