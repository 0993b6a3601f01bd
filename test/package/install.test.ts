// @out-of-process: installs the tarball `npm pack` makes of the compiled pack (run `npm run build` first).
// Every install command of the README, run as the README writes it (test/support/install-blocks.ts
// reads them from README.md) in a temporary directory laid out as the README says: the checkout,
// holding the tarball, and the user's project beside it. The checkout's `git clone` and `npm ci` are
// what CI itself does on a clean clone; its `npm pack` is run here. Only the npm registry is used
// (the Pulumi packages the pack runs on), through the local npm cache.

import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerClient } from "../../policypack/testing/engine/analyzer";
import { analyze, engineBuilt } from "../../tools/engine/cli";
import { stateOf } from "../../tools/engine/state";
import { listExamples, runExample } from "../../tools/harness/examples";
import { PACK_CONTRACT } from "../contract/contract";
import { codeLines, installBlocks } from "../support/install-blocks";

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string };
const blocks = installBlocks(readme);
const tarballName = `${pkg.name}-${pkg.version}.tgz`;
const tarballSpec = `../alicloud-eip-guard/${tarballName}`;
const registrySpec = `${pkg.name}@${pkg.version}`;
const PLANS = path.join(root, "test", "fixtures", "terraform-plan");

let work: string;
let project: string;

function block(name: string): string {
    const found = blocks.get(name);
    if (found === undefined) {
        throw new Error(`README.md has no <!-- install:${name} --> block`);
    }
    return found.lines.join("\n");
}

/** Runs README lines with bash in the user's project, as a user would paste them. */
function runLines(script: string, cwd = project): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync("bash", ["-e", "-o", "pipefail", "-c", script], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", npm_config_prefer_offline: "true" },
        timeout: 240_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function installedPackages(dir: string): string[] {
    const output = execFileSync("npm", ["ls", "--all", "--parseable"], { cwd: dir, encoding: "utf8" });
    return [...new Set(output.split("\n").slice(1).filter(Boolean))].map((line) => path.relative(path.join(dir, "node_modules"), line));
}

beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-install-"));
    const checkout = path.join(work, "alicloud-eip-guard");
    project = path.join(work, "my-infra");
    fs.mkdirSync(checkout);
    fs.mkdirSync(project);
    // The checkout block's `npm pack`, writing where the README says the tarball is. The compiled
    // pack in dist/ is the one `npm test` built (pretest), so prepare is not run again.
    expect(block("checkout").split("\n").at(-1)).toBe("npm pack");
    execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", checkout], { cwd: root, stdio: "pipe" });
    expect(fs.existsSync(path.join(checkout, tarballName))).toBe(true);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "my-infra", version: "1.0.0", private: true }, null, 2));
    fs.copyFileSync(path.join(PLANS, "eip-single-binding--pass-one-eip-per-server.json"), path.join(project, "plan.json"));
}, 120_000);

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
});

describe("the README's install commands, from the tarball", () => {
    test("name the tarball npm pack makes of this version", () => {
        expect(readme).toContain(`\`${tarballName}\``);
        expect(block("checker")).toContain(tarballSpec);
        expect(block("pack")).toContain(tarballSpec);
    });

    test("the checker: installs without any Pulumi package and checks a plan", () => {
        const result = runLines(block("checker"));
        expect(result.stderr + result.stdout).toContain("0 mandatory violations");
        expect(result.status).toBe(0);
        const installed = installedPackages(project);
        expect(installed).toContain("alicloud-eip-guard");
        expect(installed.filter((name) => name.startsWith("@pulumi/"))).toEqual([]);
        // The measurement the README states: a handful of packages, not Pulumi's two hundred.
        expect(installed.length).toBeLessThan(15);
        // The checker really checks: a failing plan fails.
        fs.copyFileSync(path.join(PLANS, "eip-single-binding--fail-shared-eip.json"), path.join(project, "failing-plan.json"));
        expect(runLines("npx alicloud-eip-guard check failing-plan.json").status).toBe(1);
        // And the library loads without @pulumi/policy: it uses the framework's types only.
        const library = execFileSync(process.execPath, ["-e", 'console.log(require("alicloud-eip-guard").POLICIES.length)'], { cwd: project, encoding: "utf8" });
        expect(Number(library)).toBe(PACK_CONTRACT.length - 1);
    }, 240_000);

    test("the pack: installed with the Pulumi packages it runs on, it serves every policy and gets an example's verdicts", async () => {
        const result = runLines(block("pack"));
        expect(result.status).toBe(0);
        const packDir = path.join(project, ".policy", "node_modules", "alicloud-eip-guard");
        const client = await AnalyzerClient.start(packDir);
        try {
            const info = await client.getAnalyzerInfo();
            expect(info.name).toBe("alicloud-eip-guard");
            expect(info.version).toBe(pkg.version);
            expect(info.policies.map((policy) => policy.name)).toEqual(PACK_CONTRACT.map((policy) => policy.name));
            const example = listExamples().find((candidate) => candidate.id === "eip-single-binding/fail-shared-eip");
            expect(example).toBeDefined();
            const outcome = await runExample(client, example!);
            expect(outcome.verdicts).toEqual(example!.expected.verdicts);
            if (engineBuilt()) {
                // The real Pulumi CLI (`npm run engine`) starts the installed copy as it starts any local pack.
                const cli = await analyze(stateOf(outcome.run), { packDir });
                expect(cli.exitCode).not.toBe(0);
                const reported = (events: { policyName: string; enforcementLevel: string }[]) => [...new Set(events.map((e) => `${e.policyName} ${e.enforcementLevel}`))].sort();
                expect(reported(cli.events)).toEqual(reported(outcome.diagnostics.map((d) => ({ policyName: d.policyName, enforcementLevel: d.enforcementLevel }))));
            }
        } finally {
            await client.close();
        }
    }, 240_000);

    test("once published: the registry commands are the tarball commands with the package named by version", () => {
        for (const name of ["checker", "pack", "testing"]) {
            expect(block(`${name}:registry`)).toBe(block(name).split(tarballSpec).join(registrySpec));
        }
    });

    test("every line of the README's code blocks that installs the package is one of these commands", () => {
        const tested = new Set([...blocks.values()].flatMap((found) => found.lines));
        const installs = codeLines(readme).filter((line) => /\b(npm (install|i|add)|npx --yes|npx [\w-]+@)\b/.test(line) && line.includes(pkg.name));
        expect(installs.length).toBeGreaterThan(0);
        expect(installs.filter((line) => !tested.has(line))).toEqual([]);
    });
});
