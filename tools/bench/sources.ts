// The offline checker on Terraform sources against the same checker on the plan of the same
// infrastructure: the benchmark's configuration of about 5,000 resource instances
// (terraform-plan.ts), as `terraform show -json` of its plan and as .tf files written two ways
// (source-trees.ts: fleets with count, and one block per instance).
//
//   npm run build && node dist/tools/bench/sources.js [--size 5000] [--runs 5]
//
// "new process" is what a user waits for (node started, the parser's WebAssembly compiled, the
// sources parsed and checked); "in-process" is the median of repeated runs in one warm process.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadInput } from "../../policypack/cli/detect";
import { run as runChecker } from "../../policypack/cli/run";
import { countedTree, explicitTree } from "./source-trees";
import { fleetOf, largePlan } from "./terraform-plan";

function argument(name: string, fallback: string): string {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function timed(action: () => unknown): number {
    const began = process.hrtime.bigint();
    action();
    return Number(process.hrtime.bigint() - began) / 1e6;
}

const CLI = path.join(__dirname, "..", "..", "policypack", "cli", "main.js");
const ARGS = ["check", "--format", "json", "--output", "/dev/null"];

function write(dir: string, files: Record<string, string>): number {
    fs.mkdirSync(dir, { recursive: true });
    let bytes = 0;
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
        bytes += Buffer.byteLength(text);
    }
    return bytes;
}

function main(): void {
    const size = Number(argument("size", "5000"));
    const runs = Number(argument("runs", "5"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alicloud-eip-guard-bench-sources-"));
    try {
        const planFile = path.join(dir, "plan.json");
        const plan = largePlan(size);
        fs.writeFileSync(planFile, JSON.stringify(plan));
        const inputs: { label: string; file: string; bytes: number }[] = [
            { label: "plan", file: planFile, bytes: fs.statSync(planFile).size },
            { label: "sources with count", file: path.join(dir, "counted"), bytes: write(path.join(dir, "counted"), countedTree(fleetOf(size))) },
            { label: "sources, a block per instance", file: path.join(dir, "explicit"), bytes: write(path.join(dir, "explicit"), explicitTree(fleetOf(size))) },
        ];
        const silent = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} };
        console.log(
            `Offline checker, ${(plan as { planned_values: { root_module: { resources: unknown[] } } }).planned_values.root_module.resources.length} resource instances (node ${process.version}):`,
        );
        for (const input of inputs) {
            const cold: number[] = [];
            let code: number | null = null;
            for (let i = 0; i < 3; i++) {
                cold.push(timed(() => (code = spawnSync(process.execPath, [CLI, ...ARGS, input.file]).status)));
            }
            const warm: number[] = [];
            for (let i = 0; i < runs; i++) {
                warm.push(timed(() => runChecker([...ARGS, input.file], silent)));
            }
            const resources = loadInput(input.file).resources.filter((resource) => resource.kind !== "provider").length;
            console.log(
                `  ${input.label.padEnd(30)} ${(input.bytes / 1024).toFixed(0).padStart(6)} KiB  ${String(resources).padStart(5)} alicloud resources read  exit ${code}  new process ${median(cold).toFixed(0).padStart(5)} ms  in-process ${median(warm).toFixed(0).padStart(5)} ms`,
            );
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main();
