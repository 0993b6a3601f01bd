// @out-of-process: runs the compiled code in dist/, which holds no mutant.
// The published artefact: what `npm pack` puts in the tarball, and the pack's metadata.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CONTRACT } from "../contract/contract";

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

function packedFiles(): string[] {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const output = execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
    const [report] = JSON.parse(output);
    return report.files.map((file: { path: string }) => file.path).sort();
}

test("npm pack contains the compiled pack, its docs and licence, and nothing else", () => {
    const files = packedFiles();
    for (const required of [
        "package.json",
        "PulumiPolicy.yaml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "policy-config.example.json",
        "scripts/prepare.cjs",
        "dist/policypack/index.js",
        "dist/policypack/core/index.js",
        "dist/policypack/core/rules/eip-single-binding.js",
        "dist/policypack/crossguard/policies.js",
    ]) {
        expect(files).toContain(required);
    }
    const unexpected = files.filter(
        (file) =>
            /^(test|examples|tools|bench|node_modules|policypack)\//.test(file) ||
            file.startsWith("dist/tools/") ||
            file.startsWith("dist/examples/") ||
            (file.endsWith(".ts") && !file.endsWith(".d.ts")) ||
            file.endsWith(".map"),
    );
    expect(unexpected).toEqual([]);
});

test("package metadata: a versioned, licensed, publishable pack with its entry points", () => {
    expect(pkg.name).toBe("alicloud-eip-guard");
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe("Apache-2.0");
    expect(pkg.main).toBe("dist/policypack/index.js");
    expect(pkg.exports["."]).toEqual({ types: "./dist/policypack/library.d.ts", default: "./dist/policypack/library.js" });
    expect(pkg.exports["./core"]).toEqual({ types: "./dist/policypack/core/index.d.ts", default: "./dist/policypack/core/index.js" });
    expect(pkg.exports["./testing"]).toEqual({ types: "./dist/policypack/testing/index.d.ts", default: "./dist/policypack/testing/index.js" });
    // Pulumi's packages are the project's own: the checker installs none of them.
    expect(Object.keys(pkg.dependencies)).toEqual(["@cdktf/hcl2json"]);
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["@pulumi/policy", "@pulumi/pulumi"]);
    expect(Object.values(pkg.peerDependenciesMeta)).toEqual([{ optional: true }, { optional: true }]);
    expect(fs.readFileSync(path.join(root, "CHANGELOG.md"), "utf8")).toContain(`## [${pkg.version}]`);
    expect(fs.readFileSync(path.join(root, "PulumiPolicy.yaml"), "utf8")).toMatch(/runtime: nodejs/);
});

test("the core entry point loads without starting a policy server", () => {
    const core = require(path.join(root, "dist/policypack/core/index.js"));
    expect(core.RULES.map((rule: { name: string }) => rule.name)).toEqual(CONTRACT.map((policy) => policy.name));
    expect(typeof core.analyze).toBe("function");
});

test("requiring the package by name starts nothing and gives the policies; requiring its directory starts the pack", () => {
    // By name, Node follows `exports` (here through the package's self-reference); run from another
    // directory, a PolicyPack would fail at once for want of a package.json there.
    const byName = execFileSync(
        process.execPath,
        ["-e", 'const m = require("alicloud-eip-guard"); console.log(JSON.stringify({ keys: Object.keys(m).sort(), policies: m.POLICIES.map((p) => p.name) }))'],
        {
            cwd: root,
            encoding: "utf8",
            timeout: 20000,
        },
    );
    expect(JSON.parse(byName)).toEqual({ keys: ["PACK_NAME", "PACK_POLICIES", "POLICIES", "README_URL", "RULES", "policyFor"], policies: CONTRACT.map((policy) => policy.name) });
    // By directory, as run-policy-pack loads a pack, Node follows `main`: the pack itself, which
    // constructs a PolicyPack and so needs the pack's package.json in the working directory.
    const os = require("os") as typeof import("os");
    expect(() => execFileSync(process.execPath, ["-e", `require(${JSON.stringify(root)})`], { cwd: os.tmpdir(), encoding: "utf8", stdio: "pipe", timeout: 20000 })).toThrow(
        /package\.json/,
    );
});
