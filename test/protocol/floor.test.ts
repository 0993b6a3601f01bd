// The fast path (policypack/crossguard/floor.ts) through the analyzer protocol, against the
// ordinary path (EIP_GUARD_ORDINARY=1) of a twin process: every call of these tests goes to both,
// and every AnalyzeStack answer must be the same byte for byte (policypack/testing/engine/analyzer.ts), here
// whatever the suite's setting. What is compared: overlapping requests, a failing request among
// good ones, configurations that disable the first policy, several policies or all but one,
// change levels, options and waivers, and a new Configure between requests.

import * as path from "path";
import { RULES } from "../../policypack/core/rules";
import { AnalyzerClient, COMPARE_PATHS_VARIABLE, EngineResource, PackConfig } from "../../policypack/testing/engine/analyzer";
import { alicloudStack, foreignStack } from "../../tools/bench/stacks";
import { everyViolation } from "../support/catalogue";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Phase, Plan } from "../support/plan";

const packDir = path.resolve(__dirname, "../..");
const identity = { stack: "dev", project: "floor", organization: "acme", dryRun: true };
let client: AnalyzerClient;
let compared: string | undefined;

beforeAll(async () => {
    compared = process.env[COMPARE_PATHS_VARIABLE];
    process.env[COMPARE_PATHS_VARIABLE] = "1";
    client = await AnalyzerClient.start(packDir);
    await client.open(identity);
});

afterAll(async () => {
    await client?.close();
    if (compared === undefined) {
        delete process.env[COMPARE_PATHS_VARIABLE];
    } else {
        process.env[COMPARE_PATHS_VARIABLE] = compared;
    }
});

function catalogue(phase: Phase): EngineResource[] {
    const plan = new Plan(phase);
    everyViolation(plan);
    return toEngineResources(plan.resources());
}

const STACKS: [string, () => EngineResource[]][] = [
    ["every violation at preview", () => catalogue("preview")],
    ["every violation after the update", () => catalogue("update")],
    ["a 300-resource fleet (the benchmark's)", () => alicloudStack({ size: 300 })],
    ["no alicloud resource", () => foreignStack(200)],
    ["no resource at all", () => []],
];

const [FIRST, SECOND, ...REST] = RULES.map((rule) => rule.name);
const CONFIGS: [string, PackConfig][] = [
    ["the defaults", {}],
    ["the first policy disabled", { [FIRST]: "disabled" }],
    ["the first two disabled", { [FIRST]: "disabled", [SECOND]: "disabled" }],
    ["all but the last disabled", Object.fromEntries(RULES.slice(0, -1).map((rule) => [rule.name, "disabled"]))],
    ["every policy advisory, one remediate", { all: "advisory", [REST[0]]: "remediate" }],
    ["options and a waiver", { [REST[1]]: { reportUndecided: true }, [FIRST]: { exemptions: [{ resource: "*", reason: "accepted", expires: "2999-01-01" }] } }],
    ["an option the policy does not have", { [SECOND]: { nonsense: 1 } }],
];

describe.each(CONFIGS)("configured with %s", (_label, config) => {
    test.each(STACKS)("%s: the same answer on both paths", async (_stack, build) => {
        await client.open(identity, config, { validate: false });
        await client.analyzeStack(build());
    });
});

test("overlapping requests, each a different stack, get the answers they get one at a time", async () => {
    await client.open(identity);
    const stacks = STACKS.map(([, build]) => build());
    const alone = [];
    for (const stack of stacks) {
        alone.push(await client.analyzeStack(stack));
    }
    for (let round = 0; round < 2; round++) {
        const together = await Promise.all([...stacks, ...stacks].map((stack) => client.analyzeStack(stack)));
        expect(together).toEqual([...alone, ...alone]);
    }
});

test("a request that fails does not change the answers to the requests beside it and after it", async () => {
    await client.open(identity);
    const good = catalogue("preview");
    const expected = await client.analyzeStack(good);
    // A resource reference the framework cannot deserialise fails the request the same way on both paths.
    const broken = good.map((resource, i) =>
        i === 0 ? { ...resource, properties: { ...resource.properties, bad: { "4dabf18193072939515e22adb298388d": "nonsense" } } } : resource,
    );
    const settled = await Promise.allSettled([client.analyzeStack(good), client.analyzeStack(broken), client.analyzeStack(good)]);
    expect(settled[0]).toEqual({ status: "fulfilled", value: expected });
    expect(settled[2]).toEqual({ status: "fulfilled", value: expected });
    expect(await client.analyzeStack(good)).toEqual(expected);
});
