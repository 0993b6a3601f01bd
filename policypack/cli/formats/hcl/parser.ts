// The HCL parser: HashiCorp's own (github.com/hashicorp/hcl/v2, as Terraform uses it), compiled to
// WebAssembly and shipped inside the `@cdktf/hcl2json` npm package. It runs in-process and offline.
//
// The package's JavaScript API is asynchronous only, while the checker is synchronous from the command
// line to the report. Its Go functions answer through a callback they call before returning, so the
// module is instantiated synchronously here and its functions called directly. What this relies on
// of the package beyond its public API is listed in PARSER_CONTRACT and checked by
// test/cli/hcl/parser.test.ts: an upgrade that changes it fails that test first.

import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const PARSER_PACKAGE = "@cdktf/hcl2json";

/** The package's files and names this module uses. */
export const PARSER_CONTRACT = {
    /** Go's wasm_exec.js for Node: defines `globalThis.Go`. */
    runtime: "wasm/bridge_wasm_exec.js",
    /** The parser, gzipped. */
    module: "main.wasm.gz",
    /** The global object the Go program registers its functions on. */
    registry: "__parse_terraform_config_wasm__",
    functions: ["parse", "getExpressionAst"],
    /** Globals the runtime sets, restored after it starts. */
    globals: ["Go", "require", "fs", "TextEncoder", "TextDecoder", "__parse_terraform_config_wasm__"],
} as const;

// The compiler's libraries here have no WebAssembly types (they come with the DOM's); Node has it.
declare const WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => object;
};

type Callback = (error: unknown, result?: unknown) => void;
type GoFunction = (...args: unknown[]) => void;

interface GoRuntime {
    importObject: object;
    run(instance: object): Promise<void>;
}

let functions: Record<string, GoFunction> | undefined;

/** The directory of the installed parser package. */
export function parserPackageDir(): string {
    return path.dirname(require.resolve(`${PARSER_PACKAGE}/package.json`));
}

function load(): Record<string, GoFunction> {
    if (functions !== undefined) {
        return functions;
    }
    const dir = parserPackageDir();
    // Go's runtime for Node sets globals (`Go`, and `require` and `fs` for the Go program, which takes
    // what it needs when it starts); they are put back as they were once it has started.
    const global = globalThis as Record<string, unknown>;
    const saved = PARSER_CONTRACT.globals.map((name) => [name, Object.getOwnPropertyDescriptor(global, name)] as const);
    const registry: Record<string, GoFunction> = {};
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(dir, PARSER_CONTRACT.runtime));
        const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
        const go = new Go();
        const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, PARSER_CONTRACT.module)));
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), go.importObject);
        global[PARSER_CONTRACT.registry] = registry;
        // The Go program registers its functions and then waits forever; the promise never settles.
        void go.run(instance);
    } finally {
        for (const [name, descriptor] of saved) {
            if (descriptor === undefined) {
                delete global[name];
            } else {
                Object.defineProperty(global, name, descriptor);
            }
        }
    }
    for (const name of PARSER_CONTRACT.functions) {
        if (typeof registry[name] !== "function") {
            throw new Error(`${PARSER_PACKAGE} did not register ${name}(); this version of it is not one the checker knows`);
        }
    }
    functions = registry;
    return registry;
}

/** Calls one of the parser's functions, which answers before it returns. */
function call(name: (typeof PARSER_CONTRACT.functions)[number], ...args: string[]): string {
    let answered = false;
    let failure: unknown;
    let result: unknown;
    const callback: Callback = (error, value) => {
        answered = true;
        failure = error;
        result = value;
    };
    load()[name](...args, callback);
    if (!answered) {
        throw new Error(`${PARSER_PACKAGE} did not answer ${name}() synchronously`);
    }
    if (failure !== null && failure !== undefined && failure !== "") {
        throw new HclSyntaxError(typeof failure === "string" ? failure : JSON.stringify(failure));
    }
    return typeof result === "string" ? result : "null";
}

/** A file or expression that is not valid HCL; `message` is the parser's own diagnostic. */
export class HclSyntaxError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "HclSyntaxError";
    }
}

/**
 * A file's body as JSON, the shape hcl2json gives it: blocks as `{ type: { label: [body, ...] } }`,
 * attributes as values, and every expression that is not a literal as a `${...}` template string.
 */
export function parseHcl(file: string, text: string): Record<string, unknown> {
    const parsed: unknown = JSON.parse(call("parse", file, text));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** The syntax tree of one expression, given as an HCL template (`"${var.x}"`); null when empty. */
export function expressionTree(expression: string): unknown {
    return JSON.parse(call("getExpressionAst", "expression.tf", expression));
}

/** `parse config: [main.tf:3,5-6: Summary; Detail.]` as "line 3, column 5: Summary; Detail." */
export function describeSyntaxError(message: string): { line?: number; text: string } {
    const inner = message.replace(/^parse config: \[/, "").replace(/\]$/, "");
    const first = /^[^:]*:(\d+),(\d+)(?:-[\d,]+)?: (.*?)(?=(?:, [^ ,]+\.tf(?:\.json)?:\d+,\d+)|$)/s.exec(inner);
    if (first === null) {
        return { text: inner };
    }
    return { line: Number(first[1]), text: `line ${first[1]}, column ${first[2]}: ${first[3].trim()}` };
}
