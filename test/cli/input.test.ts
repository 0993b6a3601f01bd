// Reading an input: bytes to JSON (input.ts) and JSON to one of the four formats (detect.ts), with
// the exact message for each thing that can be wrong, naming the file.

import * as fs from "fs";
import nodeFs = require("fs");
import * as os from "os";
import * as path from "path";
import { detectFormat, loadInput } from "../../policypack/cli/detect";
import { InputError, STDIN, lineAndColumn, parseJson, readText, reason } from "../../policypack/cli/input";
import { FIXTURES } from "./support";

const PLAN = path.join(FIXTURES, "terraform-plan", "eip-single-binding--fail-shared-eip.json");

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-input-"));
});
afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
    jest.restoreAllMocks();
});

function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

/** What a call throws, as the InputError's file and problem. */
function problemOf(action: () => unknown): { file: string; problem: string } {
    try {
        action();
    } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        const input = error as InputError;
        expect(input.message).toBe(`${input.file}: ${input.problem}`);
        expect(input.name).toBe("InputError");
        return { file: input.file, problem: input.problem };
    }
    throw new Error("nothing was thrown");
}

// The fs module itself (not the namespace an import makes of it, whose bindings cannot be replaced):
// what the checker's modules call through.
const stdinGives = (result: () => string) => {
    const real = nodeFs.readFileSync;
    return jest
        .spyOn(nodeFs, "readFileSync")
        .mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) =>
            file === 0 ? result() : (real as (file: fs.PathOrFileDescriptor, options?: unknown) => unknown)(file, options)) as typeof fs.readFileSync);
};

describe("readText", () => {
    test("a file's text, as UTF-8", () => {
        expect(readText(write("text.json", '{"a": "é"}'))).toBe('{"a": "é"}');
    });

    test("- is standard input", () => {
        const spy = stdinGives(() => '{"steps": []}');
        expect(STDIN).toBe("-");
        expect(readText("-")).toBe('{"steps": []}');
        expect(spy).toHaveBeenCalledWith(0, "utf8");
    });

    test("standard input that cannot be read is named <stdin>, with the reason and its code", () => {
        stdinGives(() => {
            throw Object.assign(new Error("EAGAIN: resource temporarily unavailable, read"), { code: "EAGAIN" });
        });
        expect(problemOf(() => readText("-"))).toEqual({ file: "<stdin>", problem: "cannot be read (EAGAIN: resource temporarily unavailable, read)." });
    });

    test("a missing file does not exist", () => {
        const file = path.join(dir, "missing.json");
        expect(problemOf(() => readText(file))).toEqual({ file, problem: "does not exist." });
    });

    test("a path that cannot be looked at says why, with the system's code", () => {
        const file = path.join(write("plain.json", "{}"), "inside.json");
        const { problem } = problemOf(() => readText(file));
        expect(problem).toMatch(new RegExp(`^cannot be read \\((Error: )?ENOTDIR: not a directory, stat '${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'\\)\\.$`));
    });

    test("a file that is there but cannot be read says why", () => {
        const file = write("unreadable.json", "{}");
        const real = nodeFs.readFileSync;
        jest.spyOn(nodeFs, "readFileSync").mockImplementation(((target: fs.PathOrFileDescriptor, options?: unknown) => {
            if (target === file) {
                throw Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: "EACCES" });
            }
            return (real as (file: fs.PathOrFileDescriptor, options?: unknown) => unknown)(target, options);
        }) as typeof fs.readFileSync);
        expect(problemOf(() => readText(file))).toEqual({ file, problem: "cannot be read (EACCES: permission denied, open 'x')." });
    });

    test("a directory is refused with what to give instead", () => {
        expect(problemOf(() => readText(dir))).toEqual({
            file: dir,
            problem: "is a directory, not a file. Give the JSON file itself (for example plan.json from `terraform show -json tfplan > plan.json`).",
        });
    });

    test("a zip archive (a binary plan) is refused with the command that converts it, naming the file", () => {
        const file = write("tfplan", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
        expect(problemOf(() => readText(file))).toEqual({
            file,
            problem: `is a binary Terraform plan file (a zip archive), not JSON. Convert it first: \`terraform show -json ${file} > plan.json\`, then check plan.json.`,
        });
    });

    test("exactly the four bytes of the zip signature are enough, and fewer or other bytes are text", () => {
        const four = write("four", Buffer.from([0x50, 0x4b, 0x03, 0x04]));
        expect(problemOf(() => readText(four)).problem).toMatch(/^is a binary Terraform plan file/);
        expect(readText(write("three", Buffer.from([0x50, 0x4b, 0x03])))).toBe("PK\u0003");
        expect(readText(write("other", Buffer.from([0x50, 0x4b, 0x05, 0x06])))).toBe("PK\u0005\u0006");
    });
});

describe("parseJson", () => {
    test("JSON, with or without a byte order mark", () => {
        expect(parseJson("f.json", '{"a": [1, true, null]}')).toEqual({ a: [1, true, null] });
        expect(parseJson("f.json", '\ufeff{"a": 1}')).toEqual({ a: 1 });
        expect(parseJson("f.json", "\ufeff 7 ")).toBe(7);
    });

    test.each([[""], ["   \n\t  "], ["\ufeff"], ["\ufeff  \r\n"]])("%j is empty", (text) => {
        expect(problemOf(() => parseJson("f.json", text))).toEqual({
            file: "f.json",
            problem: "is empty. Expected the JSON of a Terraform plan or state, a Pulumi stack export, or a `pulumi preview --json` output.",
        });
    });

    test("a file cut in the middle is truncated, at its last line", () => {
        expect(problemOf(() => parseJson("f.json", '{\n  "a": {\n    "b": '))).toEqual({
            file: "f.json",
            problem: "is not complete JSON: it ends in the middle of a value at line 3. The file is truncated (or was still being written).",
        });
        expect(problemOf(() => parseJson("f.json", '{\n"a": "abc')).problem).toBe(
            "is not complete JSON: it ends in the middle of a value at line 2. The file is truncated (or was still being written).",
        );
        // Cut right after a number or an element, where JSON.parse reports a missing comma at the end.
        expect(problemOf(() => parseJson("f.json", '{\n  "a": {\n    "b": 1')).problem).toBe(
            "is not complete JSON: it ends in the middle of a value at line 3. The file is truncated (or was still being written).",
        );
        expect(problemOf(() => parseJson("f.json", "[1, 2\n\n")).problem).toBe(
            "is not complete JSON: it ends in the middle of a value at line 3. The file is truncated (or was still being written).",
        );
        // A missing comma before more text is a syntax error, not a truncation.
        expect(problemOf(() => parseJson("f.json", "[1 2]")).problem).toMatch(/^is not valid JSON \(line 1, column 4\): /);
    });

    test("text after the JSON value is placed once, by line and column", () => {
        expect(problemOf(() => parseJson("f.json", "{}\n x")).problem).toBe("is not valid JSON (line 2, column 2): Unexpected non-whitespace character after the JSON value.");
    });

    test("a syntax error is placed by line and column, without JSON.parse's own position", () => {
        const { problem } = problemOf(() => parseJson("f.json", '{\n  "a": 1,,\n}'));
        expect(problem).toMatch(/^is not valid JSON \(line 2, column 10\): .+\.$/);
        expect(problem).not.toMatch(/in JSON at position/);
    });

    test("a syntax error JSON.parse gives no position for is still reported", () => {
        expect(problemOf(() => parseJson("f.json", '{"a": tru}')).problem).toMatch(/^is not valid JSON: .+\.$/);
    });

    test("the streamed log of terraform plan -json is told apart from broken JSON", () => {
        const log = '{"@level":"info","@message":"Terraform 1.9.8","type":"version"}\n{"@level":"info","@message":"Plan: 1 to add","type":"change_summary"}\n';
        expect(problemOf(() => parseJson("log.json", log))).toEqual({
            file: "log.json",
            problem:
                "is the streamed log of `terraform plan -json` (one JSON message per line), not a plan. Save the plan with `terraform plan -out tfplan` and convert it with `terraform show -json tfplan > plan.json`.",
        });
        // Lines of JSON without @message are not that log.
        expect(problemOf(() => parseJson("lines.json", '{"a":1}\n{"b":2}\n')).problem).toMatch(/^is not valid JSON \(line 2, column 1\): /);
        expect(problemOf(() => parseJson("lines.json", "[1]\n[2]\n")).problem).toMatch(/^is not valid JSON \(line 2, column 1\): /);
        expect(problemOf(() => parseJson("lines.json", "null\nnull\n")).problem).toMatch(/^is not valid JSON \(line 2, column 1\): /);
    });
});

describe("lineAndColumn", () => {
    test("1-based lines and columns of an offset", () => {
        expect(lineAndColumn("abc", 0)).toEqual({ line: 1, column: 1 });
        expect(lineAndColumn("abc", 2)).toEqual({ line: 1, column: 3 });
        expect(lineAndColumn("ab\ncd", 2)).toEqual({ line: 1, column: 3 });
        expect(lineAndColumn("ab\ncd", 3)).toEqual({ line: 2, column: 1 });
        expect(lineAndColumn("ab\ncd\n\nx", 7)).toEqual({ line: 4, column: 1 });
        expect(lineAndColumn("ab\ncd\n\nx", 8)).toEqual({ line: 4, column: 2 });
    });

    test("an offset past the end is the end", () => {
        expect(lineAndColumn("ab\ncd", 99)).toEqual({ line: 2, column: 3 });
        expect(lineAndColumn("ab\n", 3)).toEqual({ line: 2, column: 1 });
    });
});

describe("reason", () => {
    test("an error's message, after its code when it has one (said once)", () => {
        expect(reason(new Error("broken"))).toBe("broken");
        expect(reason(Object.assign(new Error("ENOENT: no such file, open 'x'"), { code: "ENOENT" }))).toBe("ENOENT: no such file, open 'x'");
        expect(reason(Object.assign(new Error("no such file"), { code: "ENOENT" }))).toBe("ENOENT: no such file");
        expect(reason(Object.assign(new Error("Something: went wrong"), { code: "EIO" }))).toBe("EIO: went wrong");
        expect(reason(Object.assign(new Error("Some thing: went wrong"), { code: "EIO" }))).toBe("EIO: Some thing: went wrong");
    });

    test("anything else, as a string", () => {
        expect(reason("plain")).toBe("plain");
        expect(reason(42)).toBe("42");
        expect(reason(undefined)).toBe("undefined");
    });
});

describe("detectFormat", () => {
    test.each([
        [{ format_version: "1.2", planned_values: {} }, "terraform-plan"],
        [{ format_version: "1.2", resource_changes: [] }, "terraform-plan"],
        [{ format_version: "1.2", configuration: {} }, "terraform-plan"],
        [{ format_version: "1.2", prior_state: {} }, "terraform-plan"],
        [{ terraform_version: "1.9.8", planned_values: {} }, "terraform-plan"],
        [{ format_version: "1.0", values: {} }, "terraform-state"],
        [{ format_version: "1.0" }, "terraform-state"],
        [{ terraform_version: "1.9.8" }, "terraform-state"],
        [{ version: 3, deployment: {} }, "pulumi-export"],
        [{ version: 4, deployment: null }, "pulumi-export"],
        [{ steps: [] }, "pulumi-preview"],
        [{ changeSummary: {} }, "pulumi-preview"],
        [{ steps: [], version: 3, deployment: {} }, "pulumi-export"],
        [{ format_version: "1.2", version: 3, deployment: {} }, "terraform-state"],
    ])("%j is a %s", (doc, format) => {
        expect(detectFormat("f.json", doc)).toBe(format);
    });

    test.each([
        [[1], "an array"],
        [null, "null"],
        [3, "a number"],
        ["text", "a string"],
        [true, "a boolean"],
    ])("a top level of %j is %s, and refused", (doc, what) => {
        expect(problemOf(() => detectFormat("f.json", doc))).toEqual({
            file: "f.json",
            problem: `is JSON, but its top level is ${what}; expected the object that terraform show -json, pulumi stack export or pulumi preview --json writes.`,
        });
    });

    test("a raw terraform.tfstate is refused with the command that converts it", () => {
        expect(problemOf(() => detectFormat("terraform.tfstate", { version: 4, serial: 7, lineage: "x", resources: [] }))).toEqual({
            file: "terraform.tfstate",
            problem: "is a raw Terraform state file (terraform.tfstate). Convert it with `terraform show -json > state.json` and check state.json.",
        });
    });

    test("other JSON is refused, naming at most five of its top-level keys", () => {
        const tail = "). Give the output of `terraform show -json` (a plan or a state), `pulumi stack export`, or `pulumi preview --json`.";
        expect(problemOf(() => detectFormat("f.json", {})).problem).toBe(`is JSON, but not a format this checker reads (its top-level keys are none${tail}`);
        expect(problemOf(() => detectFormat("f.json", { name: 1 })).problem).toBe(`is JSON, but not a format this checker reads (its top-level keys are "name"${tail}`);
        expect(problemOf(() => detectFormat("f.json", { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).problem).toBe(
            `is JSON, but not a format this checker reads (its top-level keys are "a", "b", "c", "d", "e"${tail}`,
        );
        // Not quite any of the formats: steps that are not a list, a state without serial or version.
        expect(problemOf(() => detectFormat("f.json", { steps: {} })).problem).toMatch(/^is JSON, but not a format this checker reads \(its top-level keys are "steps"\)/);
        expect(problemOf(() => detectFormat("f.json", { changeSummary: [] })).problem).toMatch(/^is JSON, but not a format this checker reads/);
        expect(problemOf(() => detectFormat("f.json", { version: 4, resources: [] })).problem).toMatch(/^is JSON, but not a format this checker reads/);
        expect(problemOf(() => detectFormat("f.json", { serial: 1, resources: [] })).problem).toMatch(/^is JSON, but not a format this checker reads/);
        expect(problemOf(() => detectFormat("f.json", { version: 4, serial: 1, resources: {} })).problem).toMatch(/^is JSON, but not a format this checker reads/);
        expect(problemOf(() => detectFormat("f.json", { deployment: {} })).problem).toMatch(/^is JSON, but not a format this checker reads/);
    });
});

describe("loadInput", () => {
    test("a file is read, recognised and mapped under its own name", () => {
        const loaded = loadInput(PLAN);
        expect({ file: loaded.file, format: loaded.format, total: loaded.totalResources }).toEqual({ file: PLAN, format: "terraform-plan", total: 8 });
    });

    test("standard input is named <stdin>", () => {
        stdinGives(() => JSON.stringify({ steps: [], changeSummary: { same: 0 } }));
        const loaded = loadInput("-");
        expect({ file: loaded.file, format: loaded.format, resources: loaded.resources, total: loaded.totalResources, notes: loaded.notes }).toEqual({
            file: "<stdin>",
            format: "pulumi-preview",
            resources: [],
            total: 0,
            notes: [],
        });
        stdinGives(() => "");
        expect(problemOf(() => loadInput("-")).file).toBe("<stdin>");
    });

    test("each format goes to its own front end", () => {
        expect(loadInput(write("state.json", JSON.stringify({ format_version: "1.0" }))).format).toBe("terraform-state");
        expect(loadInput(write("export.json", JSON.stringify({ version: 3, deployment: { resources: [] } }))).format).toBe("pulumi-export");
        expect(problemOf(() => loadInput(write("state2.json", JSON.stringify({ format_version: "7.0" })))).problem).toMatch(/^is a Terraform state with format_version "7\.0"/);
        expect(problemOf(() => loadInput(write("plan2.json", JSON.stringify({ format_version: "7.0", planned_values: {} })))).problem).toMatch(
            /^is a Terraform plan with format_version "7\.0"/,
        );
        expect(problemOf(() => loadInput(write("export2.json", JSON.stringify({ version: 2, deployment: {} })))).problem).toMatch(
            /^is a Pulumi stack export of deployment version 2,/,
        );
    });

    test("a shape no front end expected is an InputError about the file, naming the format", () => {
        // A module address whose key is not a valid JSON string escape makes the address parser throw.
        const plan = { format_version: "1.2", planned_values: { root_module: { child_modules: [{ address: 'module.a["\\q"]', resources: [] }] } } };
        const file = write("odd.json", JSON.stringify(plan));
        const { file: named, problem } = problemOf(() => loadInput(file));
        expect(named).toBe(file);
        expect(problem).toMatch(/^could not be read as a Terraform plan \(.+\)\.$/);
    });
});
