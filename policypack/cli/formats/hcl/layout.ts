// Where things are written in a .tf file: the line of each top-level block (`resource "t" "n" {`) and
// the comments on and above it. The parser gives a file's content without positions, so the text is
// scanned here for them: strings, templates, heredocs and comments are skipped as HCL defines them,
// so that a brace or a `resource` inside one of them is not taken for a block.

export interface BlockHeader {
    /** The block type and its labels: ["resource", "alicloud_eip_address", "web"]. */
    readonly path: readonly string[];
    /** 1-based line of the block's header. */
    readonly line: number;
    /** Comments that end on the header line or directly above it (a run with no blank line or code between). */
    readonly comments: readonly Comment[];
}

export interface Comment {
    readonly line: number;
    readonly text: string;
}

const HEADER = /^([A-Za-z_][\w-]*)((?:\s+(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w-]*))*)\s*$/;

interface Scan {
    readonly headers: { text: string; line: number }[];
    /** Comments by the line they end on; `alone` when nothing but the comment is on its lines. */
    readonly comments: { line: number; startLine: number; text: string; alone: boolean }[];
    /** Lines that hold code (anything but whitespace and comments). */
    readonly codeLines: Set<number>;
}

function scan(text: string): Scan {
    const headers: Scan["headers"] = [];
    const comments: Scan["comments"] = [];
    const codeLines = new Set<number>();
    let line = 1;
    let depth = 0;
    let headerStart = -1;
    let headerLine = 0;
    let i = 0;
    const n = text.length;
    const code = () => {
        codeLines.add(line);
    };
    // Skips a quoted string or template starting at `i` (the opening quote); returns the index after it.
    const skipString = (start: number): number => {
        let j = start + 1;
        while (j < n) {
            const c = text[j];
            if (c === "\\") {
                j += 2;
                continue;
            }
            if (c === "\n") {
                line++;
                return j + 1; // unterminated: the parser reports it
            }
            if (c === '"') {
                return j + 1;
            }
            if ((c === "$" || c === "%") && text[j + 1] === "{" && text[j - 1] !== c) {
                j = skipTemplate(j + 2);
                continue;
            }
            j++;
        }
        return j;
    };
    // Skips an interpolation's expression up to its closing brace.
    const skipTemplate = (start: number): number => {
        let j = start;
        let braces = 1;
        while (j < n) {
            const c = text[j];
            if (c === '"') {
                j = skipString(j);
                continue;
            }
            if (c === "\n") {
                line++;
            } else if (c === "{") {
                braces++;
            } else if (c === "}" && --braces === 0) {
                return j + 1;
            }
            j++;
        }
        return j;
    };
    while (i < n) {
        const c = text[i];
        if (c === "\n") {
            line++;
            i++;
            continue;
        }
        if (c === " " || c === "\t" || c === "\r") {
            i++;
            continue;
        }
        if (c === "#" || (c === "/" && text[i + 1] === "/")) {
            const end = text.indexOf("\n", i);
            const stop = end < 0 ? n : end;
            comments.push({ line, startLine: line, text: text.slice(i, stop), alone: !codeLines.has(line) });
            i = stop;
            continue;
        }
        if (c === "/" && text[i + 1] === "*") {
            const end = text.indexOf("*/", i + 2);
            const stop = end < 0 ? n : end + 2;
            const startLine = line;
            const body = text.slice(i, stop);
            line += body.split("\n").length - 1;
            comments.push({ line, startLine, text: body, alone: !codeLines.has(startLine) });
            i = stop;
            continue;
        }
        code();
        if (depth === 0 && headerStart < 0) {
            headerStart = i;
            headerLine = line;
        }
        if (c === '"') {
            i = skipString(i);
            continue;
        }
        if (c === "<" && text[i + 1] === "<") {
            const heredoc = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
            if (heredoc) {
                const close = new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*\\r?$`, "m");
                const bodyStart = i + heredoc[0].length;
                const rest = text.slice(bodyStart);
                const found = close.exec(rest);
                const stop = found === null ? n : bodyStart + found.index + found[0].length;
                line += text.slice(i, stop).split("\n").length - 1;
                i = stop;
                continue;
            }
        }
        if (c === "{") {
            if (depth === 0 && headerStart >= 0) {
                headers.push({ text: text.slice(headerStart, i), line: headerLine });
            }
            depth++;
        } else if (c === "}") {
            depth = Math.max(0, depth - 1);
            if (depth === 0) {
                headerStart = -1;
            }
        } else if (depth === 0 && c === "=") {
            headerStart = -1; // an attribute at the top level (a .tfvars file): no block here
        }
        i++;
    }
    return { headers, comments, codeLines };
}

/** The top-level blocks of a .tf file with their lines and the comments that go with them. */
export function blockHeaders(text: string): BlockHeader[] {
    const { headers, comments, codeLines } = scan(text);
    const byEndLine = new Map<number, Scan["comments"]>();
    for (const comment of comments) {
        byEndLine.set(comment.line, [...(byEndLine.get(comment.line) ?? []), comment]);
    }
    const out: BlockHeader[] = [];
    for (const header of headers) {
        const match = HEADER.exec(header.text.trim());
        if (match === null) {
            continue;
        }
        const labels = [...match[2].matchAll(/"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*)/g)].map((label) =>
            label[1] !== undefined ? (JSON.parse(`"${label[1]}"`) as string) : label[2],
        );
        const attached: Comment[] = (byEndLine.get(header.line) ?? []).map((comment) => ({ line: comment.line, text: comment.text }));
        // Walk up over comment-only lines; a blank line or a line of code ends the run.
        let above = header.line - 1;
        while (above >= 1 && !codeLines.has(above)) {
            const ending = (byEndLine.get(above) ?? []).filter((comment) => comment.alone);
            if (ending.length === 0) {
                break;
            }
            attached.unshift(...ending.map((comment) => ({ line: comment.line, text: comment.text })));
            above = Math.min(...ending.map((comment) => comment.startLine)) - 1;
        }
        out.push({ path: [match[1], ...labels], line: header.line, comments: attached });
    }
    return out;
}

/**
 * The line of each top-level block of a .tf.json file, found by its keys (`"resource"`, then the
 * type, then the name); JSON has no comments, so none are attached.
 */
export function jsonBlockLine(text: string, path: readonly string[]): number | undefined {
    let from = 0;
    for (const key of path) {
        const at = text.indexOf(JSON.stringify(key), from);
        if (at < 0) {
            return undefined;
        }
        from = at + 1;
    }
    let line = 1;
    for (let i = 0; i < from - 1; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
        }
    }
    return line;
}
