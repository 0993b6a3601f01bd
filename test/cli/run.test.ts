// The command line in-process (`run`), beyond the shared cases: the exact usage messages and exit
// codes, every option spelling, when colour is used, what goes to stderr for each output format, and
// failures of the tool itself (a report that cannot be written, an internal error).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Io, USAGE, run } from "../../policypack/cli/run";
import { RULES } from "../../policypack/core/rules";
import { FIXTURES, NOW, REPO } from "./support";

const PASSING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--pass-one-eip-per-server.json");
const FAILING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--fail-shared-eip.json");
const ADVISORY = path.join(FIXTURES, "terraform-plan", "eip-clb-resource-group--fail-different-resource-groups.json");
const EMPTY = path.join(FIXTURES, "bad", "empty.json");
const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version;
const PASSED_TEXT = `${PASSING} (Terraform plan, 9 resources): no violations\n\nalicloud-eip-guard ${VERSION}: passed: 0 mandatory violations, 0 advisory violations, 0 notes in 1 file.\n`;

interface Result {
    code: number;
    stdout: string;
    stderr: string;
}

function cli(args: unknown[], options: { env?: NodeJS.ProcessEnv; isTTY?: boolean; stdout?: (text: string) => void } = {}): Result {
    let stdout = "";
    let stderr = "";
    const io: Io = {
        stdout: options.stdout ?? ((text) => (stdout += text)),
        stderr: (text) => (stderr += text),
        isTTY: options.isTTY ?? false,
        env: { ALICLOUD_EIP_GUARD_DATE: NOW.toISOString(), ...options.env },
        cwd: REPO,
    };
    const code = run(args as string[], io);
    return { code, stdout, stderr };
}

const usageError = (message: string): Result => ({ code: 2, stdout: "", stderr: `alicloud-eip-guard: ${message}\n\n${USAGE}` });

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-run-"));
});
afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

describe("help and version", () => {
    test.each([[[]], [["--help"]], [["-h"]], [["help"]], [["check", "--help"]], [["check", "-h"]], [["check", PASSING, "--help"]]])(
        "%j prints the usage on stdout and exits 0",
        (args) => {
            expect(cli(args)).toEqual({ code: 0, stdout: USAGE, stderr: "" });
        },
    );

    test("the usage names the command, every option and the exit codes", () => {
        expect(USAGE.startsWith("Usage: alicloud-eip-guard check [options] <file>...\n")).toBe(true);
        // Every flag the parser takes (each `case "-..."` of options.ts) is in the usage, at the start of an option's line.
        const parser = fs.readFileSync(path.join(REPO, "policypack", "cli", "options.ts"), "utf8");
        const flags = [...parser.matchAll(/case "(-[^"]+)":/g)].map((match) => match[1]).filter((flag) => flag !== "--");
        expect(flags).toEqual(expect.arrayContaining(["--config", "--strict-config", "--policy", "--skip-policy", "--allow-partial-preview", "--var", "-f"]));
        const listed = new Set(
            USAGE.split("\n").flatMap((line) =>
                /^ {2}-/.test(line)
                    ? [
                          ...line
                              .trim()
                              .split(/ {2,}/)[0]
                              .matchAll(/(-[-a-z]+)/g),
                      ].map((match) => match[1])
                    : [],
            ),
        );
        expect(flags.filter((flag) => !listed.has(flag))).toEqual([]);
        expect(USAGE).toContain("Exit codes: 0 no mandatory violation (or --soft-fail), 1 at least one mandatory violation, 2\nunreadable or");
    });

    test.each([[["--version"]], [["check", "--version"]], [["check", PASSING, "--version"]]])("%j prints the package version and exits 0", (args) => {
        expect(cli(args)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    });
});

describe("usage errors: exit 2, the problem and the usage on stderr, nothing on stdout", () => {
    test.each([
        [["lint", PASSING], 'unknown command "lint"; the command is "check".'],
        [["check"], "no input file; give one or more files or directories of .tf files (or - for standard input)."],
        [["check", "--color"], "no input file; give one or more files or directories of .tf files (or - for standard input)."],
        [["check", "--fast", PASSING], "unknown option --fast."],
        [["check", "--fast=yes", PASSING], "unknown option --fast."],
        [["check", "-x", PASSING], "unknown option -x."],
        [["-x", PASSING], "unknown option -x."],
        [["check", PASSING, "--format"], "--format needs a value."],
        [["check", "--format", "--color", PASSING], "--format needs a value."],
        [["check", "-f", "-o", PASSING], "-f needs a value."],
        [["check", PASSING, "--config"], "--config needs a value."],
        [["check", "--config", "--no-color", PASSING], "--config needs a value."],
        [["check", PASSING, "--output"], "--output needs a value."],
        [["check", PASSING, "-o"], "-o needs a value."],
        [["check", "--format", "xml", PASSING], '--format must be text, json, sarif, junit or markdown, not "xml".'],
        [["check", "--format=", PASSING], '--format must be text, json, sarif, junit or markdown, not "".'],
        [["check", "--format=JSON", PASSING], '--format must be text, json, sarif, junit or markdown, not "JSON".'],
        // "-" (standard input) is a value, and so is anything given inline.
        [["check", "--format", "-", PASSING], '--format must be text, json, sarif, junit or markdown, not "-".'],
        [["check", "--format=-j", PASSING], '--format must be text, json, sarif, junit or markdown, not "-j".'],
    ])("%j", (args, message) => {
        expect(cli(args)).toEqual(usageError(message));
    });
});

describe("options", () => {
    test("the command word may be left out when the first argument is an option", () => {
        const { code, stdout, stderr } = cli(["--format", "json", FAILING]);
        expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
        expect(JSON.parse(stdout).exitCode).toBe(1);
    });

    test("the default format is text, and a passing plan reads exactly so", () => {
        expect(cli(["check", PASSING])).toEqual({ code: 0, stdout: PASSED_TEXT, stderr: "" });
        expect(cli(["check", "--format", "text", PASSING])).toEqual({ code: 0, stdout: PASSED_TEXT, stderr: "" });
    });

    test.each([[["--format", "json"]], [["--format=json"]], [["-f", "json"]], [["-f=json"]]])("%j selects JSON", (flags) => {
        const { code, stdout } = cli(["check", ...flags, PASSING]);
        expect(code).toBe(0);
        expect(JSON.parse(stdout).files).toEqual([{ file: PASSING, format: "terraform-plan", resources: 9, error: null, notes: [] }]);
    });

    test.each([[["--format", "sarif"]], [["-f", "sarif"]], [["--format=sarif"]]])("%j selects SARIF", (flags) => {
        const { code, stdout } = cli(["check", ...flags, PASSING]);
        expect(code).toBe(0);
        expect(JSON.parse(stdout).version).toBe("2.1.0");
    });

    test("the last --format wins", () => {
        expect(cli(["check", "--format", "json", "--format", "text", PASSING]).stdout).toBe(PASSED_TEXT);
    });

    test.each([["--output"], ["-o"], ["--output="], ["-o="]])("%s <file> writes the report to the file, without colour, and nothing to stdout", (flag) => {
        const out = path.join(dir, `report-${flag.replace(/\W/g, "")}.txt`);
        const args = flag.endsWith("=") ? ["check", `${flag}${out}`, PASSING] : ["check", flag, out, PASSING];
        expect(cli(args, { isTTY: true, env: { FORCE_COLOR: "1" } })).toEqual({ code: 0, stdout: "", stderr: "" });
        expect(fs.readFileSync(out, "utf8")).toBe(PASSED_TEXT);
    });

    test("--color still colours a report written to a file", () => {
        const out = path.join(dir, "coloured.txt");
        expect(cli(["check", "--color", "--output", out, PASSING]).code).toBe(0);
        expect(fs.readFileSync(out, "utf8")).toContain("\u001b[1mno violations\u001b[0m");
    });

    test("after --, every argument is a file, even one that looks like an option", () => {
        expect(cli(["check", "--", "--help"])).toEqual({
            code: 2,
            stdout: `--help: error: does not exist.\n\nalicloud-eip-guard ${VERSION}: input error: 0 mandatory violations, 0 advisory violations, 0 notes, 1 unreadable file in 1 file.\n`,
            stderr: "alicloud-eip-guard: --help: does not exist.\n",
        });
    });

    test("an option value may start with - when it is given inline", () => {
        const out = path.join(dir, "-dash.json");
        expect(cli(["check", "--format=json", `--output=${out}`, PASSING]).code).toBe(0);
        expect(JSON.parse(fs.readFileSync(out, "utf8")).exitCode).toBe(0);
    });
});

describe("colour", () => {
    const coloured = (result: Result) => /\u001b\[/.test(result.stdout);

    test("on a terminal by default", () => {
        const result = cli(["check", PASSING], { isTTY: true, env: {} });
        expect(result.stdout).toBe(
            `\u001b[1m${PASSING}\u001b[0m (Terraform plan, 9 resources): \u001b[1mno violations\u001b[0m\n\nalicloud-eip-guard ${VERSION}: \u001b[1mpassed\u001b[0m: 0 mandatory violations, 0 advisory violations, 0 notes in 1 file.\n`,
        );
    });

    test("not on a terminal whose TERM is dumb", () => {
        expect(coloured(cli(["check", PASSING], { isTTY: true, env: { TERM: "dumb" } }))).toBe(false);
        expect(coloured(cli(["check", PASSING], { isTTY: true, env: { TERM: "xterm" } }))).toBe(true);
    });

    test("not off a terminal unless FORCE_COLOR is set to something other than 0", () => {
        expect(coloured(cli(["check", PASSING], { isTTY: false }))).toBe(false);
        expect(coloured(cli(["check", PASSING], { isTTY: false, env: { FORCE_COLOR: "0" } }))).toBe(false);
        expect(coloured(cli(["check", PASSING], { isTTY: false, env: { FORCE_COLOR: "" } }))).toBe(true);
        expect(coloured(cli(["check", PASSING], { isTTY: false, env: { FORCE_COLOR: "1" } }))).toBe(true);
    });

    test("NO_COLOR, when not empty, wins over a terminal and over FORCE_COLOR", () => {
        expect(coloured(cli(["check", PASSING], { isTTY: true, env: { NO_COLOR: "1" } }))).toBe(false);
        expect(coloured(cli(["check", PASSING], { isTTY: true, env: { NO_COLOR: "1", FORCE_COLOR: "1" } }))).toBe(false);
        expect(coloured(cli(["check", PASSING], { isTTY: true, env: { NO_COLOR: "" } }))).toBe(true);
        expect(coloured(cli(["check", PASSING], { isTTY: false, env: { NO_COLOR: "", FORCE_COLOR: "1" } }))).toBe(true);
    });

    test("--color and --no-color win over everything; the last one given counts", () => {
        expect(coloured(cli(["check", "--color", PASSING], { isTTY: false, env: { NO_COLOR: "1" } }))).toBe(true);
        expect(coloured(cli(["check", "--no-color", PASSING], { isTTY: true, env: { FORCE_COLOR: "1" } }))).toBe(false);
        expect(coloured(cli(["check", "--no-color", "--color", PASSING]))).toBe(true);
        expect(coloured(cli(["check", "--color", "--no-color", PASSING], { isTTY: true }))).toBe(false);
    });

    test("never in JSON or SARIF", () => {
        expect(coloured(cli(["check", "--color", "--format", "json", FAILING]))).toBe(false);
        expect(coloured(cli(["check", "--color", "--format", "sarif", FAILING]))).toBe(false);
    });
});

describe("exit codes and stderr", () => {
    test("1 for a mandatory violation, 0 for an advisory one, with nothing on stderr in text", () => {
        expect(cli(["check", FAILING])).toMatchObject({ code: 1, stderr: "" });
        expect(cli(["check", ADVISORY])).toMatchObject({ code: 0, stderr: "" });
        expect(cli(["check", ADVISORY, FAILING])).toMatchObject({ code: 1, stderr: "" });
    });

    test("in text on stdout, an unreadable file is named on stderr too (once), and exits 2", () => {
        const result = cli(["check", FAILING, EMPTY]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(
            `alicloud-eip-guard: ${EMPTY}: is empty. Expected the JSON of a Terraform plan or state, a Pulumi stack export, or a \`pulumi preview --json\` output.\n`,
        );
        expect(result.stdout).toContain(`${EMPTY}: error: is empty.`);
    });

    test("in JSON and SARIF, unreadable files and configuration problems are said on stderr", () => {
        const config = write("typo.json", JSON.stringify({ "eip-single-bindings": "advisory" }));
        for (const format of ["json", "sarif"]) {
            const result = cli(["check", "--format", format, "--config", config, PASSING, EMPTY]);
            expect(result.code).toBe(2);
            expect(result.stderr.split("\n")).toEqual([
                `alicloud-eip-guard: ${EMPTY}: is empty. Expected the JSON of a Terraform plan or state, a Pulumi stack export, or a \`pulumi preview --json\` output.`,
                expect.stringMatching(
                    new RegExp(`^alicloud-eip-guard: configuration ${config.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: "eip-single-bindings" is not a policy of this pack \\(`),
                ),
                "",
            ]);
        }
    });

    test("in text, configuration problems go to the report only; with --output they are said on stderr too", () => {
        const config = write("typo2.json", JSON.stringify({ nope: "advisory" }));
        const text = cli(["check", "--config", config, PASSING]);
        expect(text.code).toBe(0);
        expect(text.stderr).toBe("");
        expect(text.stdout.startsWith(`config ${config}: "nope" is not a policy of this pack (`)).toBe(true);
        const out = path.join(dir, "typo2.txt");
        const written = cli(["check", "--config", config, "-o", out, PASSING, EMPTY]);
        expect(written.code).toBe(2);
        expect(written.stdout).toBe("");
        expect(written.stderr).toMatch(
            new RegExp(
                `^alicloud-eip-guard: ${EMPTY.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: is empty\\.[^\n]*\nalicloud-eip-guard: configuration ${config.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: "nope" is not a policy of this pack \\([^\n]*\n$`,
            ),
        );
    });

    test("a report that cannot be written: exit 2, the file and the reason on stderr", () => {
        const out = path.join(dir, "no-such-dir", "report.json");
        const result = cli(["check", "--format", "json", "--output", out, FAILING]);
        expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: "" });
        // (Node's own errors are of another realm under jest, where they print with their "Error: ".)
        expect(result.stderr).toBe(
            `alicloud-eip-guard: cannot write the report to ${out} (${result.stderr.includes("(Error: ") ? "Error: " : ""}ENOENT: no such file or directory, open '${out}').\n`,
        );
    });

    test("a configuration that is JSON but not an object: exit 2, named as the configuration", () => {
        const config = write("array.json", "[1]");
        expect(cli(["check", "--config", config, PASSING])).toEqual({
            code: 2,
            stdout: "",
            stderr: `alicloud-eip-guard: the configuration ${config}: is not a policy pack configuration: it must be a JSON object keyed by policy name, as for \`pulumi preview --policy-pack-config\`.\n`,
        });
    });

    test("a configuration that does not exist: exit 2, before any input is read", () => {
        const config = path.join(dir, "missing.json");
        expect(cli(["check", "--config", config, EMPTY])).toEqual({ code: 2, stdout: "", stderr: `alicloud-eip-guard: the configuration ${config}: does not exist.\n` });
    });

    test("a defect of the tool itself is one line on stderr, exit 2, never a stack trace", () => {
        const thrown = cli(["check", PASSING], {
            stdout: () => {
                throw new Error("stdout closed");
            },
        });
        expect(thrown).toEqual({ code: 2, stdout: "", stderr: "alicloud-eip-guard: internal error (stdout closed); please report it.\n" });
        const notAnError = cli(["check", PASSING], {
            stdout: () => {
                // A write that fails with something other than an Error, as a broken stream may.
                // eslint-disable-next-line @typescript-eslint/only-throw-error
                throw "EPIPE";
            },
        });
        expect(notAnError).toEqual({ code: 2, stdout: "", stderr: "alicloud-eip-guard: internal error (EPIPE); please report it.\n" });
    });

    test("an argument list the parser cannot handle is an internal error, not a usage error", () => {
        const result = cli([undefined]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/^alicloud-eip-guard: internal error \(.*startsWith.*\); please report it\.\n$/);
    });
});

describe("--soft-fail and --list-policies", () => {
    test("--soft-fail exits 0 on a mandatory violation, and the report still shows it", () => {
        const hard = cli(["check", FAILING]);
        const soft = cli(["check", "--soft-fail", FAILING]);
        expect(hard.code).toBe(1);
        expect(soft).toEqual({ ...hard, code: 0 });
        expect(soft.stdout).toMatch(/failed: 1 mandatory violation,/);
    });

    test("--soft-fail keeps exit 2 for input that cannot be read", () => {
        expect(cli(["check", "--soft-fail", EMPTY]).code).toBe(2);
    });

    test("--list-policies lists every policy once, with its default level, severity and description, and needs no file", () => {
        const { code, stdout, stderr } = cli(["check", "--list-policies"]);
        expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
        const lines = stdout.trimEnd().split("\n");
        expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(RULES.map((rule) => rule.name));
        for (const [index, rule] of RULES.entries()) {
            expect(lines[index].split(/\s{2,}/)).toEqual([rule.name, rule.enforcementLevel, rule.severity, rule.description]);
        }
    });

    test("--list-policies shows the levels a --config file sets", () => {
        const config = write("levels.json", JSON.stringify({ all: "advisory", "eip-same-region": "disabled" }));
        const lines = cli(["--list-policies", "--config", config]).stdout.trimEnd().split("\n");
        const levels = Object.fromEntries(lines.map((line) => line.split(/\s{2,}/).slice(0, 2)));
        expect(levels["eip-same-region"]).toBe("disabled");
        expect(levels["eip-single-binding"]).toBe("advisory");
    });
});
