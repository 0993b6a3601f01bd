// Runs the false-alarm corpus (extract.ts) through the pack: each program in-process under the Pulumi
// runtime's mocks, recorded as the engine records it, and sent through a running pack over the
// analyzer protocol (Analyze per resource, then AnalyzeStack), as `pulumi preview --policy-pack` does.
//
//   npm run corpus        extract, run every program (CORPUS_RUNS), print a summary table;
//                         exits 1 if any program gets a mandatory violation or fails to run

import * as fs from "fs";
import * as path from "path";
import { AnalyzerClient, Diagnostic } from "../../policypack/testing/engine/analyzer";
import { engineView } from "../../policypack/testing/engine/engine";
import { REPO_ROOT } from "../harness/examples";
import { runProgram } from "../../policypack/testing/engine/program";
import { CorpusProgram, extractCorpus } from "./extract";

/** Stack configurations every program is run with: none (region from the environment), and a region. */
export const CORPUS_CONFIGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    "no config": {},
    "alicloud:region": { "alicloud:region": "cn-hangzhou" },
};

/** The runs every program gets: a preview and an update, with each stack configuration. */
export const CORPUS_RUNS: readonly { readonly name: string; readonly preview: boolean; readonly config: string }[] = [true, false].flatMap((preview) =>
    Object.keys(CORPUS_CONFIGS).map((config) => ({ name: `${preview ? "preview" : "update"}, ${config}`, preview, config })),
);

/** What running needs of a program: a name and the compiled file. */
export type RunnableProgram = Pick<CorpusProgram, "id" | "file">;

export interface CorpusOutcome {
    readonly program: RunnableProgram;
    readonly preview: boolean;
    readonly config: string;
    /** AnalyzeStack diagnostics. */
    readonly diagnostics: Diagnostic[];
    /** Analyze diagnostics (per resource, on inputs). */
    readonly analyzeDiagnostics: Diagnostic[];
    /** URN to Pulumi name, for messages. */
    readonly names: Map<string, string>;
    /** Resource types the program registered (providers and the stack included), with counts. */
    readonly types: Record<string, number>;
}

export function projectNameOf(program: RunnableProgram): string {
    return `corpus-${program.id.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** Runs one corpus program and sends it through the pack. Throws when the program fails under the mocks. */
export async function runCorpusProgram(client: AnalyzerClient, program: RunnableProgram, options: { preview?: boolean; config?: string } = {}): Promise<CorpusOutcome> {
    const preview = options.preview ?? true;
    const configName = options.config ?? "no config";
    const config = { ...CORPUS_CONFIGS[configName] };
    const project = projectNameOf(program);
    const stack = "dev";
    const run = await runProgram(program.file, { project, stack, config, preview });
    const view = engineView(run);
    await client.open({ stack, project, organization: "corpus", dryRun: preview });
    const analyzeDiagnostics: Diagnostic[] = [];
    for (const resource of view.analyze) {
        analyzeDiagnostics.push(...(await client.analyze(resource)).diagnostics);
    }
    const { diagnostics } = await client.analyzeStack(view.stack);
    const types: Record<string, number> = {};
    for (const resource of view.stack) {
        types[resource.type] = (types[resource.type] ?? 0) + 1;
    }
    return {
        program,
        preview,
        config: configName,
        diagnostics,
        analyzeDiagnostics,
        names: new Map(view.stack.map((resource) => [resource.urn, resource.name])),
        types,
    };
}

export function mandatoryOf(outcome: CorpusOutcome): Diagnostic[] {
    return [...outcome.analyzeDiagnostics, ...outcome.diagnostics].filter((d) => d.enforcementLevel === "mandatory");
}

export function advisoryOf(outcome: CorpusOutcome): Diagnostic[] {
    return [...outcome.analyzeDiagnostics, ...outcome.diagnostics].filter((d) => d.enforcementLevel !== "mandatory");
}

export function describeDiagnostic(outcome: CorpusOutcome, d: Diagnostic): string {
    const resource = d.urn ? `${d.urn.split("::")[2]} "${outcome.names.get(d.urn) ?? d.urn}"` : "stack";
    return `[${d.enforcementLevel}] ${d.policyName} on ${resource}: ${d.message.split("\n").join(" ")}`;
}

function table(rows: string[][]): string {
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    return rows
        .map((row) =>
            row
                .map((cell, column) => cell.padEnd(widths[column]))
                .join("  ")
                .trimEnd(),
        )
        .join("\n");
}

async function main(): Promise<number> {
    const started = Date.now();
    const corpus = extractCorpus();
    const client = await AnalyzerClient.start(REPO_ROOT);
    const rows: string[][] = [["program", "documents", "resources", ...CORPUS_RUNS.map((run) => run.name)]];
    const notes: string[] = [];
    let ran = 0;
    let withNotes = 0;
    let failures = 0;
    try {
        for (const program of corpus.programs) {
            if (program.notRunnable !== undefined) {
                rows.push([program.id, program.resourceType, "-", ...CORPUS_RUNS.map(() => `not runnable: ${program.notRunnable}`)]);
                continue;
            }
            const cells: string[] = [];
            let resources = "-";
            let programRan = true;
            let programNotes = false;
            for (const run of CORPUS_RUNS) {
                try {
                    const outcome = await runCorpusProgram(client, program, { preview: run.preview, config: run.config });
                    resources = String(
                        Object.entries(outcome.types)
                            .filter(([type]) => !type.startsWith("pulumi:"))
                            .reduce((sum, [, n]) => sum + n, 0),
                    );
                    const mandatory = mandatoryOf(outcome);
                    const advisory = advisoryOf(outcome);
                    failures += mandatory.length > 0 ? 1 : 0;
                    programNotes ||= advisory.length > 0;
                    cells.push(mandatory.length > 0 ? `${mandatory.length} MANDATORY` : advisory.length > 0 ? `${advisory.length} advisory` : "clean");
                    for (const d of [...mandatory, ...advisory]) {
                        notes.push(`${program.id} (${run.name}): ${describeDiagnostic(outcome, d)}`);
                    }
                } catch (error) {
                    programRan = false;
                    failures++;
                    cells.push(`FAILED: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
                }
            }
            ran += programRan ? 1 : 0;
            withNotes += programNotes ? 1 : 0;
            rows.push([program.id, program.resourceType, resources, ...cells]);
        }
    } finally {
        await client.close();
        fs.rmSync(corpus.outDir, { recursive: true, force: true });
    }
    const runnable = corpus.programs.filter((program) => program.notRunnable === undefined).length;
    console.log(`False-alarm corpus: the documented examples of ${path.join("node_modules", "@pulumi", "alicloud")}@${corpus.packageVersion}\n`);
    console.log(table(rows));
    if (notes.length > 0) {
        console.log(`\nDiagnostics:\n${notes.map((note) => `  ${note}`).join("\n")}`);
    }
    console.log(
        `\n${corpus.programs.length} programs extracted from ${corpus.sources.length} resource types, ${runnable} runnable, ${ran} ran, ` +
            `${withNotes} with advisory notes, ${failures} failing (mandatory violation or run failure); ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return failures === 0 ? 0 : 1;
}

if (require.main === module) {
    main().then(
        (code) => process.exit(code),
        (error) => {
            console.error(error instanceof Error ? error.stack : error);
            process.exit(2);
        },
    );
}
