// A variable's value converted to its declared type, as Terraform converts it before anyone reads it:
// primitives (`"5"` to 5 for a number), collections of primitives (a set of strings is distinct and
// in lexical order), and anything else left as given, except where the conversion would change what
// is read and is not done here (optional attributes' defaults, sets inside other types): UNKNOWN.

import { UNKNOWN, isUnknown } from "../../../core/values";
import { hasNoUnknown, isPlain } from "./values";

const PRIMITIVE = /^(string|number|bool)$/;

function primitive(type: string, value: unknown): unknown {
    if (value === null || isUnknown(value)) {
        return value;
    }
    switch (type) {
        case "string":
            return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : UNKNOWN;
        case "number":
            return typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : UNKNOWN;
        default:
            return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : UNKNOWN;
    }
}

/** A variable's type as the parser gives it (`"${list(string)}"`), without its wrapper or spaces: `list(string)`. */
export function typeExpression(typeText: string): string {
    return typeText
        .replace(/^\$\{\s*/, "")
        .replace(/\s*\}$/, "")
        .replace(/\s+/g, "");
}

/** `value` converted to the type written as `typeText` (`"${set(string)}"`, `"${number}"`, ...). */
export function convertToType(typeText: unknown, value: unknown): unknown {
    if (typeof typeText !== "string" || value === null || isUnknown(value)) {
        return value;
    }
    const type = typeExpression(typeText);
    if (type === "any" || type === "") {
        return value;
    }
    if (PRIMITIVE.test(type)) {
        return primitive(type, value);
    }
    const collection = /^(list|set|map)\((string|number|bool|any)\)$/.exec(type);
    if (collection !== null) {
        const [, kind, element] = collection;
        const convert = (item: unknown) => (element === "any" ? item : primitive(element, item));
        if (kind === "map") {
            return isPlain(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)])) : UNKNOWN;
        }
        if (!Array.isArray(value)) {
            return UNKNOWN;
        }
        const items = value.map(convert);
        if (kind === "list") {
            return items;
        }
        if (!hasNoUnknown(items) || !items.every((item) => typeof item === "string" || typeof item === "number" || typeof item === "boolean")) {
            return UNKNOWN;
        }
        const distinct = [...new Set(items)];
        return element === "number" ? (distinct as number[]).sort((a, b) => a - b) : distinct.map(String).sort();
    }
    // Other types: their conversion is not done here. It only matters where it changes values.
    return /optional\(|set\(/.test(type) ? UNKNOWN : value;
}
