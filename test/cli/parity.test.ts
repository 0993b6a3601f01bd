// @out-of-process: runs the compiled code in dist/, which holds no mutant.
// One rule core, two gates: every example program, recorded as the engine records it, is sent
// through the CrossGuard pack over the analyzer protocol and, written as a Pulumi preview (at
// preview) or a stack export (after the update), through the offline checker. Both must give the
// same verdicts: the same policies, on the same resources, at the same levels.
//
// Several examples, chosen for what the others (whose previews and exports are the recorded fixtures
// under test/fixtures/pulumi-*) do not cover, keep this file fast; ALICLOUD_EIP_GUARD_PARITY=all runs
// every example.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkResources } from "../../policypack/cli/check";
import { loadInput } from "../../policypack/cli/detect";
import { AnalyzerClient } from "../../policypack/testing/engine/analyzer";
import { engineView } from "../../policypack/testing/engine/engine";
import { Example, REPO_ROOT, Verdict, listExamples, verdictsOf as packVerdictsOf } from "../../tools/harness/examples";
import { ProgramRun, runProgram } from "../../policypack/testing/engine/program";
import { previewOf, stackExportOf } from "../../tools/fixtures/pulumi-documents";
import { NOW, verdictsOf } from "./support";

const SEVERAL = new Set([
    "eip-single-binding/fail-association-and-alb",
    "eip-single-binding/fail-nlb-mappings-from-apply",
    "eip-same-region/fail-nlb-eip-other-region",
    "eip-same-region/pass-second-region-provider",
    "eip-supported-target/fail-eni-without-instance-type",
    "ecs-single-eip/fail-two-eips-on-instance",
    "eni-eip-capacity/fail-more-eips-than-private-ips",
    "nat-gateway-vswitch-capacity/fail-tiny-vswitch",
    "alb-nlb-eip-per-zone/pass-nlb-eip-per-zone",
    "havip-single-eip/fail-two-eips-on-havip",
    "eip-dnat-conflict/fail-dnat-to-instance-with-eip",
    "eip-clb-resource-group/fail-different-resource-groups",
    // A read is in an export (external) and a preview (a read step), and in no AnalyzeStack request.
    "what-it-cannot-see/instance-read-with-get",
    // Resources on a provider that cannot be configured at preview reach both gates with no properties.
    "what-it-cannot-see/provider-configured-from-the-stack",
]);
const examples = listExamples().filter((example) => process.env.ALICLOUD_EIP_GUARD_PARITY === "all" || SEVERAL.has(example.id));
let client: AnalyzerClient;
let dir: string;

beforeAll(async () => {
    client = await AnalyzerClient.start(REPO_ROOT, { env: { ...process.env, ALICLOUD_EIP_GUARD_DATE: NOW.toISOString() } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-parity-"));
});

afterAll(async () => {
    await client?.close();
    if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

function checkDocument(name: string, document: object, config: unknown) {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    const loaded = loadInput(file);
    return { loaded, verdicts: verdictsOf(checkResources(loaded.resources, config, NOW)) };
}

/**
 * The pack's verdicts on a recorded run: the Analyze requests of every registered resource, then the
 * AnalyzeStack request the engine sends at the end of a preview or an update, as
 * tools/harness/examples.ts runExample sends them, without running the program a second time.
 */
async function packVerdicts(example: Example, run: ProgramRun): Promise<Verdict[]> {
    const view = engineView(run);
    await client.open({ stack: example.stack, project: example.project, organization: "examples", dryRun: run.preview }, example.expected.policyConfig ?? {});
    for (const resource of view.analyze) {
        await client.analyze(resource);
    }
    const { diagnostics } = await client.analyzeStack(view.stack);
    return packVerdictsOf(diagnostics, new Map(view.stack.map((resource) => [resource.urn, resource.name])));
}

test("there are examples to compare", () => {
    expect(examples.length).toBeGreaterThanOrEqual(SEVERAL.size);
});

describe.each(examples.map((example) => [example.id, example] as const))("%s", (_id, example) => {
    const config = example.expected.policyConfig ?? {};

    test("preview: the checker on `pulumi preview --json` gives the pack's verdicts", async () => {
        const run = await runProgram(example.program, { project: example.project, stack: example.stack, config: example.config, preview: true });
        const pack = { verdicts: await packVerdicts(example, run) };
        expect(pack.verdicts).toEqual(example.expected.verdicts);
        const withOutputs = checkDocument(`${example.id}-preview`, previewOf(run), config);
        expect(withOutputs.loaded.format).toBe("pulumi-preview");
        expect(withOutputs.verdicts).toEqual(pack.verdicts);
        // The CLI prints a resource about to be created with its inputs only: same verdicts.
        const inputsOnly = checkDocument(`${example.id}-preview-inputs`, previewOf(run, { outputs: false }), config);
        expect(inputsOnly.verdicts).toEqual(pack.verdicts);
    });

    test("update: the checker on `pulumi stack export` gives the pack's verdicts", async () => {
        const run = await runProgram(example.program, { project: example.project, stack: example.stack, config: example.config, preview: false });
        const pack = { verdicts: await packVerdicts(example, run) };
        const exported = checkDocument(`${example.id}-export`, stackExportOf(run), config);
        expect(exported.loaded.format).toBe("pulumi-export");
        expect(exported.verdicts).toEqual(pack.verdicts);
    });
});
