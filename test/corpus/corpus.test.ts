// The false-alarm corpus: programs no one here wrote. Every ```typescript example in the installed
// @pulumi/alicloud's documentation of each resource type the pack reads, and every documented program
// elsewhere in the package that binds an EIP (tools/corpus/extract.ts), extracted afresh from the
// package, run under the Pulumi runtime's mocks and sent through one running pack over the analyzer
// protocol. They are valid configurations (checked against the EIP binding FAQ when this test was
// written): the pack must report no mandatory violation on any of them, as a preview and as an
// update, with and without a stack region (CORPUS_RUNS). Advisory notes are allowed; they are
// collected and printed at the end. When written there were two, both correct:
// - alb/getLoadBalancers#1, preview: eip-single-binding cannot tell whether the ALB's two zone
//   mappings share EIP "zone_a" (the mapping without an allocationId reports it unknown at preview,
//   like one computed from the EIP); after the update it is clean.
// - cloudfirewall/getNatFirewalls#1: the association's instanceType is "NAT", not the API's
//   documented "Nat", so eip-supported-target says it could not check the target.

import * as fs from "fs";
import { AnalyzerClient } from "../../policypack/testing/engine/analyzer";
import { REPO_ROOT, listExamples } from "../../tools/harness/examples";
import { CorpusGroup, corpusResourceTypes, extractCorpus } from "../../tools/corpus/extract";
import { CORPUS_RUNS, CorpusOutcome, advisoryOf, describeDiagnostic, mandatoryOf, runCorpusProgram } from "../../tools/corpus/run";

// What the extraction found in @pulumi/alicloud 3.108.0 when this test was written. A package
// that documents fewer programs (a dropped example, a changed doc format the extractor no longer
// reads) fails the test; raise the numbers when a new version documents more.
const EXTRACTED_WHEN_WRITTEN: Record<CorpusGroup, number> = {
    // 18 resource types; vpc/networkInterfaceAttachment (deprecated) documents none, natGateway and
    // nlb/loadBalancer two each, vpc/switch three.
    "resource docs": 21,
    // alb/getLoadBalancers, cloudfirewall/getNatFirewalls, cloudfirewall/natFirewall,
    // vpc/getForwardEntries, vpc/getSnatEntries, vpc/snatEntry (4 more repeat one of these).
    "binding docs": 6,
};
// Every one of them runs under the mocks (no program imports a package that is not installed).
const RAN_WHEN_WRITTEN = 27;

// Documented examples that are themselves invalid per the FAQ, by program id, with the reason;
// they are not run. None so far.
const INVALID_DOCUMENTED_EXAMPLES: Record<string, string> = {};
// Valid documented examples on which the pack reports a mandatory violation, by program id, with
// the reason they are valid; their checks are `test.failing` until the pack is fixed. None so far.
const FALSE_ALARMS: Record<string, string> = {};

const corpus = extractCorpus();
const toRun = corpus.programs.filter((program) => program.notRunnable === undefined && !(program.id in INVALID_DOCUMENTED_EXAMPLES));
const ran = new Set<string>();
const advisories: string[] = [];
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(REPO_ROOT);
    // Documented programs use deprecated resources (ecs.Eip, slb.LoadBalancer) and export values a
    // mocked invoke leaves undefined; keep those SDK warnings out of the output, and any other in it.
    const warn = console.warn.bind(console);
    jest.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
        if (!args.some((arg) => typeof arg === "string" && / is deprecated: |will not show as a stack output/.test(arg))) {
            warn(...args);
        }
    });
});

afterAll(async () => {
    await client?.close();
    fs.rmSync(corpus.outDir, { recursive: true, force: true });
    const notRunnable = corpus.programs.filter((program) => program.notRunnable !== undefined);
    console.log(
        [
            `False-alarm corpus, @pulumi/alicloud@${corpus.packageVersion}: ${corpus.programs.length} programs extracted, ` +
                `${corpus.programs.length - notRunnable.length} runnable, ${ran.size} ran, ` +
                `${new Set(advisories.map((note) => note.split(" ")[0])).size} with advisory notes.`,
            ...notRunnable.map((program) => `  not runnable: ${program.id}: ${program.notRunnable}`),
            ...Object.entries(INVALID_DOCUMENTED_EXAMPLES).map(([id, reason]) => `  invalid documented example, not run: ${id}: ${reason}`),
            ...advisories.map((note) => `  ${note}`),
        ].join("\n"),
    );
});

test("the extraction finds every resource type the pack reads in the package", () => {
    expect(corpus.sources.map((source) => source.resourceType)).toEqual(corpusResourceTypes());
    expect(corpus.sources.filter((source) => source.error !== undefined)).toEqual([]);
});

test("the extraction finds at least as many programs as when the test was written", () => {
    for (const [group, count] of Object.entries(EXTRACTED_WHEN_WRITTEN)) {
        const found = corpus.programs.filter((program) => program.group === group).map((program) => program.id);
        // On failure the diff shows the number found against the number when written.
        expect({ group, found: found.length }).toEqual({ group, found: Math.max(found.length, count) });
    }
    const runnable = corpus.programs.filter((program) => program.notRunnable === undefined).length;
    expect({ runnable }).toEqual({ runnable: Math.max(runnable, RAN_WHEN_WRITTEN) });
});

test("control: the same path reports a mandatory violation on a bundled failing example", async () => {
    // Guards against a corpus that passes because nothing is analyzed. The example binds one EIP twice.
    const example = listExamples().find((candidate) => candidate.id === "eip-single-binding/fail-shared-eip");
    expect(example).toBeDefined();
    const outcome = await runCorpusProgram(client, { id: "control", file: example!.program });
    expect(mandatoryOf(outcome).map((d) => d.policyName)).toContain("eip-single-binding");
});

test("every program named as invalid or as a false alarm is in the corpus", () => {
    const ids = new Set(corpus.programs.map((program) => program.id));
    expect([...Object.keys(INVALID_DOCUMENTED_EXAMPLES), ...Object.keys(FALSE_ALARMS)].filter((id) => !ids.has(id))).toEqual([]);
});

describe.each(toRun.map((program) => [program.id, program] as const))("%s", (id, program) => {
    for (const run of CORPUS_RUNS) {
        const check = id in FALSE_ALARMS ? test.failing : test;
        check(`${run.name}: no mandatory violation`, async () => {
            const outcome: CorpusOutcome = await runCorpusProgram(client, program, { preview: run.preview, config: run.config });
            ran.add(id);
            for (const d of advisoryOf(outcome)) {
                advisories.push(`${id} (${run.name}): ${describeDiagnostic(outcome, d)}`);
            }
            expect(mandatoryOf(outcome).map((d) => describeDiagnostic(outcome, d))).toEqual([]);
            // A policy the framework skipped ("can't run policy during preview") would hide a violation.
            expect(
                advisoryOf(outcome)
                    .filter((d) => d.message.includes("can't run policy"))
                    .map((d) => describeDiagnostic(outcome, d)),
            ).toEqual([]);
        });
    }
});

// Declared (so run) after every program's checks.
test("at least as many programs ran as when the test was written", () => {
    expect({ ran: ran.size }).toEqual({ ran: Math.max(ran.size, RAN_WHEN_WRITTEN) });
});
