// Strings of the parser's JSON: every one is a template, in which `${...}` and `%{...}` are code
// and `$${` / `%%{` are escapes. A string with no code is its own value; one with code is handed back
// to the parser as HCL source, to get its syntax tree, once per distinct string.

import { expressionTree } from "./parser";

/** A node of the parser's expression tree (see the package's syntax-tree.d.ts). */
export interface Node {
    readonly type: string;
    readonly meta?: Record<string, unknown>;
    readonly children?: Node[];
    readonly range?: { start: { byte: number }; end: { byte: number } };
}

export interface Parsed {
    readonly tree: Node;
    /** The HCL source the tree's byte ranges index. */
    readonly source: Buffer;
}

/** Whether a string of the parser's JSON holds code (an interpolation or a directive). */
export function hasCode(text: string): boolean {
    return (text.includes("${") || text.includes("%{")) && splitTemplate(text).some((part) => part.code);
}

/** A literal string's value: its escapes undone. */
export function literal(text: string): string {
    return text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

interface Part {
    readonly code: boolean;
    readonly text: string;
}

/** Splits a template into literal text (escapes kept) and code (`${...}`, `%{...}`, braces included). */
export function splitTemplate(text: string): Part[] {
    const parts: Part[] = [];
    let literalStart = 0;
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
            i += 3; // an escape: literal
            continue;
        }
        if ((c === "$" || c === "%") && text[i + 1] === "{") {
            const end = closingBrace(text, i + 2);
            if (end < 0) {
                break;
            }
            if (i > literalStart) {
                parts.push({ code: false, text: text.slice(literalStart, i) });
            }
            parts.push({ code: true, text: text.slice(i, end + 1) });
            i = end + 1;
            literalStart = i;
            continue;
        }
        i++;
    }
    if (literalStart < text.length) {
        parts.push({ code: false, text: text.slice(literalStart) });
    }
    return parts;
}

/** The index of the brace that closes code opened just before `start`, skipping quoted strings. */
function closingBrace(text: string, start: number): number {
    let depth = 1;
    let i = start;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === "\\") {
                    i++;
                } else if ((text[i] === "$" || text[i] === "%") && text[i + 1] === "{") {
                    const inner = closingBrace(text, i + 2);
                    if (inner < 0) {
                        return -1;
                    }
                    i = inner;
                }
                i++;
            }
        } else if (c === "{") {
            depth++;
        } else if (c === "}" && --depth === 0) {
            return i;
        }
        i++;
    }
    return -1;
}

/** HCL source for a template: literal text escaped for a quoted string, code as it is. */
export function templateSource(text: string): string {
    const body = splitTemplate(text)
        .map((part) => (part.code ? part.text : part.text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")))
        .join("");
    return `"${body}"`;
}

const trees = new Map<string, Parsed | Error>();

/** `${a.b[0]["c"]}`: a template that is one plain traversal, the commonest expression of all. */
const PLAIN_TRAVERSAL = /^\$\{([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[\w./-]*"\])*)\}$/;

/**
 * The tree the parser gives a plain traversal, built here: a call into the parser costs about a
 * millisecond, and a large configuration has thousands of these (test/cli/hcl/template.test.ts
 * checks that the two trees are the same).
 */
export function plainTraversal(text: string): Node | undefined {
    const match = PLAIN_TRAVERSAL.exec(text);
    if (match === null) {
        return undefined;
    }
    const parts = [...match[1].matchAll(/\.?([A-Za-z_][\w-]*)|\[(\d+|"[\w./-]*")\]/g)].map((part) =>
        part[1] !== undefined ? { type: "nameTraversal", segment: part[1] } : { type: "indexTraversal", segment: part[2] },
    );
    const traversal: Node = { type: "scopeTraversal", meta: { traversal: parts } };
    return { type: "templateWrap", meta: {}, children: [traversal] };
}

/** The syntax tree of a template string; throws the parser's error for code that does not parse. */
export function treeOf(text: string): Parsed {
    let parsed = trees.get(text);
    if (parsed === undefined) {
        const source = templateSource(text);
        try {
            const tree = plainTraversal(text) ?? (expressionTree(source) as Node | null);
            parsed = tree === null ? new Error("empty expression") : { tree, source: Buffer.from(source, "utf8") };
        } catch (error) {
            parsed = error instanceof Error ? error : new Error(String(error));
        }
        trees.set(text, parsed);
    }
    if (parsed instanceof Error) {
        throw parsed;
    }
    return parsed;
}

/** The source text of a node. */
export function sourceOf(parsed: Parsed, node: Node): string | undefined {
    return node.range === undefined ? undefined : parsed.source.subarray(node.range.start.byte, node.range.end.byte).toString("utf8");
}
