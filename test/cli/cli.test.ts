// @out-of-process: runs the compiled code in dist/, which holds no mutant.
// The built command (dist/policypack/cli/main.js) as a user runs it: the shared command-line cases
// (cli-cases.ts), standard input, the bin entry, and that it starts without the Pulumi SDK.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FAILING, Runner, cliCases } from "./cli-cases";
import { CLI, NOW, REPO } from "./support";

function spawnCli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: REPO,
        input: options.input,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", ALICLOUD_EIP_GUARD_DATE: NOW.toISOString(), ...options.env },
        timeout: 20000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cli: Runner = (args, options) => spawnCli(args, options);

cliCases(cli);

test("package.json declares the command, and the built file is a node script", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ "alicloud-eip-guard": "dist/policypack/cli/main.js" });
    expect(fs.readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(fs.statSync(CLI).mode & 0o111).not.toBe(0);
});

test("standard input", () => {
    const piped = spawnCli(["check", "-"], { input: fs.readFileSync(FAILING, "utf8") });
    expect(piped.code).toBe(1);
    expect(piped.stdout).toContain("<stdin> (Terraform plan");
});

// The HCL parser's package (@cdktf/hcl2json) is the one runtime dependency: formats/hcl/parser.ts
// loads it only when Terraform sources are read, by path, so it is in no import here.
test("the command loads the rule core only: no Pulumi SDK, no provider package", () => {
    const probe = `require(${JSON.stringify(path.join(REPO, "dist/policypack/cli/run.js"))}); const loaded = Object.keys(require.cache).filter((f) => f.includes("node_modules")); console.log(JSON.stringify(loaded));`;
    const result = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
    expect(JSON.parse(result.stdout)).toEqual([]);
    const sources = fs.readdirSync(path.join(REPO, "policypack/cli"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    for (const file of sources) {
        const text = fs.readFileSync(path.join(REPO, "policypack/cli", file), "utf8");
        const imports = [...text.matchAll(/^import [^;]* from "([^"]+)";/gm)].map((match) => match[1]);
        expect({ file, imports: imports.filter((name) => !name.startsWith(".") && !["fs", "path", "crypto", "zlib"].includes(name)) }).toEqual({ file, imports: [] });
        expect({ file, crossguard: /crossguard/.test(text.replace(/^\/\/.*$/gm, "")) }).toEqual({ file, crossguard: false });
    }
});

test(".tf text on standard input: said to be HCL, with what to run instead", () => {
    const piped = spawnCli(["check", "-"], { input: 'resource "alicloud_eip_address" "ip" {\n  bandwidth = 5\n}\n' });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain("<stdin>: is Terraform configuration (HCL), not JSON.");
    expect(piped.stderr).toContain("`terraform show -json plan.out > plan.json`");
});
