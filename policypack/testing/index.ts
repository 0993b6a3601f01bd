// `alicloud-eip-guard/testing`: the pack's verdicts on a user's own Pulumi program, from a unit test.
//
// checkProgram runs the program in this process under the Pulumi runtime's mocks, with a mock
// provider that answers as the alicloud provider does (at preview every new id, and every
// Optional+Computed attribute the program left unset, is unknown), then starts this package's pack
// the way the Pulumi CLI starts a local policy pack and sends it what the engine would: Analyze for
// each registered resource's inputs, then AnalyzeStack with every resource's outputs. checkStack
// sends a recorded stack (`pulumi stack export`) through the pack as `pulumi policy analyze` does.
// The program must use the same copy of @pulumi/pulumi as this module, which a project gets when it
// installs @pulumi/pulumi beside this package (it is a peer dependency).

import * as fs from "fs";
import * as path from "path";
import { fromStackExport } from "../cli/formats/pulumi";
import { AnalyzerClient, Diagnostic, EngineResource, PackConfig } from "./engine/analyzer";
import { schemaValidationAvailable } from "./engine/config-schema";
import { engineView } from "./engine/engine";
import { ProgramFunction, runProgram } from "./engine/program";
import { toEngineResources } from "./engine/stack";

export type { PackConfig, ProgramFunction };

export interface Finding {
    /** The policy that reported it: `eip-single-binding`, ... */
    readonly policy: string;
    /** The level it was reported at: a mandatory finding fails `pulumi preview`. */
    readonly level: "mandatory" | "advisory" | "disabled" | "remediate";
    readonly severity: string;
    /** The message as `pulumi preview` prints it. */
    readonly message: string;
    /** The Pulumi name of the resource it is attached to; undefined when it is the stack's. */
    readonly resource?: string;
    readonly urn: string;
}

export interface CheckResult {
    /** Every finding, in the order the pack reported them. */
    readonly findings: Finding[];
    /** The findings that would fail `pulumi preview`. */
    readonly mandatory: Finding[];
}

export interface CheckOptions {
    /** `--policy-pack-config`: an object, or the path of a JSON file. */
    readonly policyConfig?: PackConfig | string;
    /** The stack and project names the pack is told (ConfigureStack); "dev" and "test" by default. */
    readonly stack?: string;
    readonly project?: string;
}

export interface CheckProgramOptions extends CheckOptions {
    /** Stack configuration, `namespace:key` to value: `{ "alicloud:region": "cn-hangzhou" }`. */
    readonly config?: Record<string, string>;
    /** A preview (the default: new ids unknown) or an update (every id known). */
    readonly preview?: boolean;
}

/** This package's root: the directory `pulumi preview --policy-pack` would be given. */
function packDir(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "alicloud-eip-guard") {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`alicloud-eip-guard/testing: no alicloud-eip-guard package.json above ${__dirname}`);
        }
    }
}

function readPolicyConfig(config: PackConfig | string | undefined): unknown {
    return typeof config === "string" ? JSON.parse(fs.readFileSync(config, "utf8")) : (config ?? {});
}

function findingsOf(diagnostics: readonly Diagnostic[], resources: readonly EngineResource[]): CheckResult {
    const names = new Map(resources.map((resource) => [resource.urn, resource.name]));
    const findings = diagnostics.map((d) => ({
        policy: d.policyName,
        level: d.enforcementLevel,
        severity: d.severity,
        message: d.message,
        resource: names.get(d.urn),
        urn: d.urn,
    }));
    return { findings, mandatory: findings.filter((finding) => finding.level === "mandatory") };
}

/**
 * Starts the pack, opens a session for the stack as the engine does (the configuration is checked
 * against the policies' schemas as the CLI checks it when ajv and ajv-formats are installed), runs
 * `send`, and stops the pack.
 */
async function withPack<T>(options: CheckOptions, dryRun: boolean, send: (client: AnalyzerClient) => Promise<T>): Promise<T> {
    const client = await AnalyzerClient.start(packDir());
    try {
        await client.open({ stack: options.stack ?? "dev", project: options.project ?? "test", organization: "organization", dryRun }, readPolicyConfig(options.policyConfig), {
            validate: schemaValidationAvailable(),
        });
        return await send(client);
    } finally {
        await client.close();
    }
}

/** Runs `program` under the runtime's mocks and returns what the pack reports on it. */
export async function checkProgram(program: ProgramFunction, options: CheckProgramOptions = {}): Promise<CheckResult> {
    const preview = options.preview ?? true;
    const run = await runProgram(program, { stack: options.stack ?? "dev", project: options.project ?? "test", config: options.config ?? {}, preview });
    const view = engineView(run);
    return withPack(options, preview, async (client) => {
        const diagnostics: Diagnostic[] = [];
        for (const resource of view.analyze) {
            diagnostics.push(...(await client.analyze(resource)).diagnostics);
        }
        diagnostics.push(...(await client.analyzeStack(view.stack)).diagnostics);
        return findingsOf(diagnostics, view.stack);
    });
}

/** Checks a recorded stack: `pulumi stack export` output, as a parsed object, its JSON text, or a file path. */
export async function checkStack(exported: string | Record<string, unknown>, options: CheckOptions = {}): Promise<CheckResult> {
    let text: string;
    let file = "stack export";
    if (typeof exported !== "string") {
        text = JSON.stringify(exported);
    } else if (exported.trimStart().startsWith("{")) {
        text = exported;
    } else {
        file = exported;
        text = fs.readFileSync(exported, "utf8");
    }
    const loaded = fromStackExport(file, JSON.parse(text) as Record<string, unknown>, text);
    const resources = toEngineResources(loaded.resources);
    return withPack(options, false, async (client) => findingsOf((await client.analyzeStack(resources)).diagnostics, resources));
}
