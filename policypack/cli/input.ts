// Reading an input file: bytes to JSON, with a message for everything that can go wrong that names
// the file and says what is wrong with it, never a stack trace.

import * as fs from "fs";

/** A problem with an input (or the configuration) that the user must fix: exit code 2. */
export class InputError extends Error {
    constructor(
        readonly file: string,
        readonly problem: string,
    ) {
        super(`${file}: ${problem}`);
        this.name = "InputError";
    }
}

/** What `-` reads: standard input. */
export const STDIN = "-";

/** The raw text of a file, or of standard input for `-`. */
export function readText(file: string): string {
    if (file === STDIN) {
        try {
            return fs.readFileSync(0, "utf8");
        } catch (error) {
            throw new InputError("<stdin>", `cannot be read (${reason(error)}).`);
        }
    }
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        throw new InputError(file, code === "ENOENT" ? "does not exist." : `cannot be read (${reason(error)}).`);
    }
    if (stat.isDirectory()) {
        throw new InputError(file, "is a directory, not a file. Give the JSON file itself (for example plan.json from `terraform show -json tfplan > plan.json`).");
    }
    let buffer: Buffer;
    try {
        buffer = fs.readFileSync(file);
    } catch (error) {
        throw new InputError(file, `cannot be read (${reason(error)}).`);
    }
    if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304) {
        throw new InputError(
            file,
            "is a binary Terraform plan file (a zip archive), not JSON. Convert it first: `terraform show -json " + file + " > plan.json`, then check plan.json.",
        );
    }
    return buffer.toString("utf8");
}

/** Parses the text of `file`, explaining where and why JSON that does not parse is broken. */
export function parseJson(file: string, text: string): unknown {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (!/\S/.test(body)) {
        throw new InputError(file, "is empty. Expected the JSON of a Terraform plan or state, a Pulumi stack export, or a `pulumi preview --json` output.");
    }
    try {
        return JSON.parse(body);
    } catch (error) {
        const message = reason(error);
        if (isStreamedTerraformLog(body)) {
            throw new InputError(
                file,
                "is the streamed log of `terraform plan -json` (one JSON message per line), not a plan. Save the plan with `terraform plan -out tfplan` and convert it with `terraform show -json tfplan > plan.json`.",
            );
        }
        const position = /position (\d+)/.exec(message);
        // Truncated: the parser ran out of text (a message that says so, or an error at the very end,
        // as after a number: `{"a": 1` fails with "Expected ',' or '}'" at the last position).
        if (/end of JSON input|Unterminated string/i.test(message) || (position !== null && Number(position[1]) >= body.trimEnd().length)) {
            const { line } = lineAndColumn(body, body.length);
            throw new InputError(file, `is not complete JSON: it ends in the middle of a value at line ${line}. The file is truncated (or was still being written).`);
        }
        const where = position ? lineAndColumn(body, Number(position[1])) : undefined;
        const detail = message
            .replace(/ (in|after) JSON at position \d+.*$/s, (_, word: string) => (word === "after" ? " after the JSON value" : ""))
            .replace(/\s*\(line \d+ column \d+\)$/, "");
        throw new InputError(file, `is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ""}: ${detail}.`);
    }
}

function isStreamedTerraformLog(text: string): boolean {
    const first = text.split("\n", 1)[0];
    try {
        const parsed: unknown = JSON.parse(first);
        return typeof parsed === "object" && parsed !== null && "@message" in parsed;
    } catch {
        return false;
    }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            start = i + 1;
        }
    }
    return { line, column: end - start + 1 };
}

export function reason(error: unknown): string {
    if (error instanceof Error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code ? `${code}: ${error.message.replace(/^\w+: /, "")}` : error.message;
    }
    return String(error);
}
