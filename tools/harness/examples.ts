// The bundled example programs: where they are, what each expects, and how one is put through the
// pack the way `pulumi preview --policy-pack` would.

import * as fs from "fs";
import * as path from "path";
import type { AnalyzerClient, Diagnostic, PackConfig } from "../../policypack/testing/engine/analyzer";
import { engineView } from "../../policypack/testing/engine/engine";
import type * as Program from "../../policypack/testing/engine/program";

// js-yaml ships with @pulumi/pulumi; Pulumi.<stack>.yaml files are read with it.
const yaml: { load(text: string): unknown } = require(require.resolve("js-yaml", { paths: [path.dirname(require.resolve("@pulumi/pulumi"))] }));

/** The repository root, from tools/harness (under ts-jest) or dist/tools/harness (compiled). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", path.basename(path.resolve(__dirname, "..", "..")) === "dist" ? ".." : ".");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
export const COMPILED_EXAMPLES_DIR = path.join(REPO_ROOT, "dist", "examples");

export type Level = "mandatory" | "advisory";

export interface Verdict {
    readonly policy: string;
    /** The Pulumi name of the resource the diagnostic is attached to ("" for the stack). */
    readonly resource: string;
    readonly level: Level;
}

export interface Expectation {
    /** The verdicts at preview. */
    readonly verdicts: Verdict[];
    /** The verdicts after the update, when the preview cannot see as much (explained in `note`). */
    readonly update?: Verdict[];
    readonly note?: string;
    /**
     * The resources each fault involves, by "<policy> <resource>" of its verdict at preview: the
     * Pulumi names its diagnostic lists after "Involved:", in that order.
     */
    readonly involved?: Readonly<Record<string, readonly string[]>>;
    /** `--policy-pack-config` to run the example with. */
    readonly policyConfig?: PackConfig;
}

export interface Example {
    /** `eip-single-binding/fail-shared-eip` */
    readonly id: string;
    readonly dir: string;
    readonly program: string;
    readonly config: Record<string, string>;
    readonly expected: Expectation;
    readonly stack: string;
    readonly project: string;
    /** Set when the example's files cannot be read. */
    readonly error?: string;
}

function readStackConfig(dir: string, stack: string): Record<string, string> {
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        return {};
    }
    const parsed = yaml.load(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | undefined;
    return Object.fromEntries(Object.entries(parsed?.config ?? {}).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

function readProjectName(dir: string): string {
    const parsed = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { name?: string } | undefined;
    return parsed?.name ?? path.basename(dir);
}

/** Every example: a directory under examples/ with a Pulumi.yaml and an expected.json. */
export function listExamples(stack = "dev"): Example[] {
    const found: Example[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (!entry.isDirectory()) {
                continue;
            }
            const full = path.join(dir, entry.name);
            if (fs.existsSync(path.join(full, "Pulumi.yaml")) && fs.existsSync(path.join(full, "expected.json"))) {
                const id = path.relative(EXAMPLES_DIR, full).split(path.sep).join("/");
                const base = { id, dir: full, program: path.join(COMPILED_EXAMPLES_DIR, id, "index.js"), stack };
                try {
                    found.push({
                        ...base,
                        config: readStackConfig(full, stack),
                        expected: JSON.parse(fs.readFileSync(path.join(full, "expected.json"), "utf8")) as Expectation,
                        project: readProjectName(full),
                    });
                } catch (error) {
                    // One broken example must not hide the others: it is listed and fails on its own.
                    found.push({
                        ...base,
                        config: {},
                        expected: { verdicts: [] },
                        project: id.replace(/\W+/g, "-"),
                        error: `cannot read the example: ${error instanceof Error ? error.message : String(error)}`,
                    });
                }
            } else {
                walk(full);
            }
        }
    };
    walk(EXAMPLES_DIR);
    return found;
}

export interface ExampleOutcome {
    readonly example: Example;
    readonly diagnostics: Diagnostic[];
    /** Diagnostics of Analyze calls (per resource, on inputs). */
    readonly analyzeDiagnostics: Diagnostic[];
    readonly verdicts: Verdict[];
    /** What each diagnostic that names its involved resources names, keyed as Expectation.involved. */
    readonly involved: Record<string, string[]>;
    readonly names: Map<string, string>;
    readonly resourceCount: number;
    /** The program run the requests were made from. */
    readonly run: Program.ProgramRun;
}

export interface RunExampleOptions {
    /** The update that deployed the stack: the preview is one of a stack already deployed. */
    readonly deployed?: Program.ProgramRun;
}

/** Runs an example under mocks and sends it through a running pack as the engine would. */
export async function runExample(client: AnalyzerClient, example: Example, preview = true, options: RunExampleOptions = {}): Promise<ExampleOutcome> {
    if (example.error !== undefined) {
        throw new Error(`${example.id}: ${example.error}`);
    }
    // Loaded here, not at the top: listing examples and sorting verdicts must not load the Pulumi
    // runtime (the in-process tests that mutation testing reruns use only those).
    const { runProgram } = require("../../policypack/testing/engine/program") as typeof Program;
    const run = await runProgram(example.program, { project: example.project, stack: example.stack, config: example.config, preview, deployed: options.deployed });
    const view = engineView(run);
    await client.open({ stack: example.stack, project: example.project, organization: "examples", dryRun: preview }, example.expected.policyConfig ?? {});
    const analyzeDiagnostics: Diagnostic[] = [];
    for (const resource of view.analyze) {
        analyzeDiagnostics.push(...(await client.analyze(resource)).diagnostics);
    }
    const { diagnostics } = await client.analyzeStack(view.stack);
    const names = new Map(view.stack.map((resource) => [resource.urn, resource.name]));
    return {
        example,
        diagnostics,
        analyzeDiagnostics,
        verdicts: verdictsOf(diagnostics, names),
        involved: involvedOf(diagnostics, names),
        names,
        resourceCount: view.stack.length,
        run,
    };
}

/** The names after "Involved:" in each diagnostic's message (core/involved.ts), by "<policy> <resource>". */
export function involvedOf(diagnostics: readonly Diagnostic[], names: ReadonlyMap<string, string>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const d of diagnostics) {
        const line = d.message.split("\n").find((text) => text.startsWith("Involved: "));
        if (line !== undefined) {
            out[`${d.policyName} ${names.get(d.urn) ?? ""}`] = [...line.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
        }
    }
    return out;
}

/** The part of what was found that an expectation states: the faults it lists, and no other. */
export function involvedAsExpected(outcome: ExampleOutcome): Record<string, string[]> {
    const expected = outcome.example.expected.involved ?? {};
    return Object.fromEntries(Object.keys(expected).map((key) => [key, outcome.involved[key] ?? []]));
}

export function verdictsOf(diagnostics: readonly Diagnostic[], names: ReadonlyMap<string, string>): Verdict[] {
    const verdicts = diagnostics.map((d) => ({ policy: d.policyName, resource: names.get(d.urn) ?? "", level: d.enforcementLevel as Level }));
    return sortVerdicts(verdicts);
}

/** Sorts by policy, then resource, then level, comparing plain strings (no locale collation). */
export function sortVerdicts(verdicts: readonly Verdict[]): Verdict[] {
    const key = (v: Verdict) => `${v.policy}\u0000${v.resource}\u0000${v.level}`;
    const unique = new Map(verdicts.map((v) => [key(v), { policy: v.policy, resource: v.resource, level: v.level }]));
    return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** Formats diagnostics the way `pulumi preview` lists policy violations. */
export function formatDiagnostics(outcome: ExampleOutcome, packDir: string): string {
    const lines: string[] = [];
    const mandatory = outcome.diagnostics.some((d) => d.enforcementLevel === "mandatory");
    const first = outcome.diagnostics[0];
    lines.push("Policies:");
    if (first === undefined) {
        lines.push(`    ✅ alicloud-eip-guard (local: ${packDir})`);
        return lines.join("\n");
    }
    lines.push(`    ${mandatory ? "❌" : "⚠️ "} ${first.policyPackName}@v${first.policyPackVersion} (local: ${packDir})`);
    for (const d of outcome.diagnostics) {
        const type = d.urn ? d.urn.split("::")[2] : "";
        const where = d.urn ? `  (${type}: ${outcome.names.get(d.urn) ?? d.urn})` : "";
        lines.push(`        - [${d.enforcementLevel}] [severity: ${d.severity}]  ${d.policyName}${where}`);
        for (const line of d.message.split("\n")) {
            lines.push(`          ${line}`);
        }
    }
    return lines.join("\n");
}
