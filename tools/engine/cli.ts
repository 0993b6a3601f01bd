// Runs the Pulumi CLI that `npm run engine` builds (tools/engine/bin/pulumi) on a state file with
// this repository's pack: `pulumi policy analyze --file STATE --policy-pack DIR [--policy-pack-config
// FILE] --json`. Everything the CLI writes (its home, the state, the config) goes to a fresh temporary
// directory, and the environment keeps it offline: no update check, no plugin download, no login.
//
// The CLI finds no nodejs language host (the Go module proxy does not serve that module), so it
// starts the pack through the analyzer plugin `pulumi-analyzer-policy-nodejs`, which it looks up on
// PATH: tools/engine/plugins/ holds ours.

import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../harness/examples";
import type { StateFile } from "./state";

export const ENGINE_DIR = path.join(REPO_ROOT, "tools", "engine");
export const PULUMI_BIN = path.join(ENGINE_DIR, "bin", "pulumi");
export const PLUGINS_DIR = path.join(ENGINE_DIR, "plugins");

export function engineBuilt(): boolean {
    try {
        fs.accessSync(PULUMI_BIN, fs.constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

/** A policy violation as `pulumi policy analyze --json` reports it (an engine event's `policyEvent`). */
export interface PolicyEvent {
    readonly resourceUrn: string;
    readonly policyName: string;
    readonly policyPackName: string;
    readonly enforcementLevel: string;
    readonly severity?: string;
    readonly message: string;
}

export interface CliRun {
    readonly exitCode: number;
    readonly events: PolicyEvent[];
    readonly stdout: string;
    readonly stderr: string;
}

export interface AnalyzeOptions {
    /** The pack directory; the repository root by default (package.json `main` is the compiled pack). */
    readonly packDir?: string;
    /** The `--policy-pack-config` file's content: an object, or raw text to test malformed files. */
    readonly config?: unknown;
}

/** The environment of every CLI run: nothing from the caller's Pulumi settings, nothing online. */
function cliEnv(home: string): NodeJS.ProcessEnv {
    return {
        PATH: [PLUGINS_DIR, path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(path.delimiter),
        HOME: home,
        PULUMI_HOME: path.join(home, ".pulumi"),
        PULUMI_BACKEND_URL: `file://${path.join(home, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "engine-tests",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_SKIP_CONFIRMATIONS: "true",
        NO_COLOR: "1",
    };
}

export async function analyze(state: StateFile, options: AnalyzeOptions = {}): Promise<CliRun> {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-engine-"));
    try {
        fs.mkdirSync(path.join(home, "backend"));
        const stateFile = path.join(home, "state.json");
        fs.writeFileSync(stateFile, JSON.stringify(state));
        const args = ["policy", "analyze", "--file", stateFile, "--policy-pack", options.packDir ?? REPO_ROOT, "--json", "--color", "never"];
        if (options.config !== undefined) {
            const configFile = path.join(home, "policy-config.json");
            fs.writeFileSync(configFile, typeof options.config === "string" ? options.config : JSON.stringify(options.config));
            args.push("--policy-pack-config", configFile);
        }
        const { exitCode, stdout, stderr } = await run(PULUMI_BIN, args, { cwd: home, env: cliEnv(home) });
        return { exitCode, stdout, stderr, events: policyEventsOf(stdout) };
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
}

function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        execFile(file, args, { ...options, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
            const code = error === null ? 0 : (error as { code?: unknown }).code;
            if (error !== null && typeof code !== "number") {
                reject(new Error(`${file} ${args.join(" ")} did not finish: ${error.message}\n${stderr}`));
                return;
            }
            resolve({ exitCode: code as number, stdout, stderr });
        });
    });
}

/** The policy events of the CLI's JSON event stream (one event per line). */
export function policyEventsOf(stdout: string): PolicyEvent[] {
    return stdout
        .split("\n")
        .filter((line) => line.trim().startsWith("{"))
        .map((line) => JSON.parse(line) as { policyEvent?: PolicyEvent })
        .flatMap((event) => (event.policyEvent ? [event.policyEvent] : []));
}
