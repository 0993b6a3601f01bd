// @out-of-process: installs the tarball `npm pack` makes of the compiled package (run `npm run build` first).
// alicloud-eip-guard/testing used as a user uses it: a Pulumi project of its own (test/package/user-project/,
// copied to a temporary directory) installs the tarball with the README's install command, takes the
// README's jest example as its test file, and runs jest; the example checks a passing and a failing
// program. checkStack is run on a recorded stack from that project too. Installed once per run,
// through the local npm cache.

import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installBlocks } from "../support/install-blocks";

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string };
const FIXTURES = path.join(root, "test", "fixtures", "pulumi-export");

let work: string;
let project: string;

function example(): string {
    const match = /<!-- testing:example -->\n```ts\n([\s\S]*?)```\n/.exec(readme);
    if (match === null) {
        throw new Error("README.md has no <!-- testing:example --> block");
    }
    return match[1];
}

function run(command: string, args: string[], cwd: string) {
    return spawnSync(command, args, {
        cwd,
        encoding: "utf8",
        timeout: 300_000,
        env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_prefer_offline: "true" },
    });
}

beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-testing-"));
    const checkout = path.join(work, "alicloud-eip-guard");
    project = path.join(work, "my-infra");
    fs.mkdirSync(checkout);
    fs.cpSync(path.join(__dirname, "user-project"), project, { recursive: true });
    execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", checkout], { cwd: root, stdio: "pipe" });
    const install = installBlocks(readme).get("testing");
    expect(install).toBeDefined();
    const result = run("bash", ["-e", "-c", install!.lines.join("\n")], project);
    if (result.status !== 0) {
        throw new Error(`the README's install command failed:\n${result.stdout}\n${result.stderr}`);
    }
    fs.writeFileSync(path.join(project, "eip.test.ts"), example());
}, 300_000);

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
});

test("the README's jest example passes in a project that installed the tarball: a passing and a failing program", () => {
    const result = run("npx", ["jest", "--ci", "--colors=false"], project);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toContain("each web server gets an EIP of its own");
    expect(output).toContain("one EIP shared by two servers fails the preview");
    expect(output).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(result.status).toBe(0);
}, 300_000);

test("checkStack reads recorded stacks, a passing and a failing one, with the project's own copy of the package", () => {
    for (const name of ["eip-single-binding--pass-one-eip-per-server", "eip-single-binding--fail-association-and-alb"]) {
        const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8")) as { verdicts: { policy: string; resource: string; level: string }[] };
        const script = `require("${pkg.name}/testing").checkStack(process.argv[1]).then((r) => console.log(JSON.stringify(r.mandatory.map((f) => [f.policy, f.resource]).sort())))`;
        const output = execFileSync(process.execPath, ["-e", script, path.join(FIXTURES, `${name}.json`)], { cwd: project, encoding: "utf8", timeout: 60_000 });
        const mandatory = expected.verdicts.filter((verdict) => verdict.level === "mandatory").map((verdict) => [verdict.policy, verdict.resource]);
        expect(JSON.parse(output)).toEqual(mandatory.sort());
    }
}, 120_000);
