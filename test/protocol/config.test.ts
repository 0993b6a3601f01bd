// `--policy-pack-config` as the Pulumi CLI handles it before the pack runs (pulumi/pulumi
// pkg/resource/analyzer/config.go, pkg/engine/update.go loadPolicyPlugins): merged over the
// policies' defaults, checked against each policy's configSchema, and refused with the CLI's error
// when bad, so that a value the CLI would never send does not reach the pack in a test either.

import * as path from "path";
import { AnalyzerClient, EngineResource } from "../../policypack/testing/engine/analyzer";
import { PackInfo, PolicyConfigError, reconcile } from "../../policypack/testing/engine/policy-config";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";

const packDir = path.resolve(__dirname, "../..");
const identity = { stack: "dev", project: "guarded", organization: "acme", dryRun: true };
const version: string = require("../../package.json").version;
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(packDir);
    await client.open(identity);
});

afterAll(async () => {
    await client?.close();
});

/** Two instances on one EIP: eip-single-binding reports both associations. */
function twoOnOneEip(): EngineResource[] {
    const plan = new Plan("preview");
    const vsw = plan.vswitch("vsw");
    const eip = plan.eip("eip");
    plan.associate("a", eip, plan.instance("vm-a", { vswitchId: vsw.ref() }));
    plan.associate("b", eip, plan.instance("vm-b", { vswitchId: vsw.ref() }));
    return toEngineResources(plan.resources());
}

const refusal = (...problems: string[]) => [...problems.map((p) => `validating policy config: alicloud-eip-guard ${version}  ${p}`), "validating policy config"].join("\n");

describe("a configuration the CLI refuses fails with the CLI's error and never reaches the pack", () => {
    test.each([
        ["an option of the wrong type", { "nat-gateway-eip-limit": { maxEips: "lots" } }, ["nat-gateway-eip-limit: maxEips: Invalid type. Expected: integer, given: string"]],
        ["a quota below its minimum", { "nat-gateway-eip-limit": { maxEips: 0 } }, ["nat-gateway-eip-limit: maxEips: Must be greater than or equal to 1"]],
        ["a fractional quota", { "eni-eip-capacity": { maxMultiBindedEips: 2.5 } }, ["eni-eip-capacity: maxMultiBindedEips: Invalid type. Expected: integer, given: number"]],
        ["a flag that is not a boolean", { "eip-same-region": { reportUndecided: "no" } }, ["eip-same-region: reportUndecided: Invalid type. Expected: boolean, given: string"]],
        [
            "an instance type with no ENIs and one with an unknown limit",
            { "ecs-eni-limit": { instanceTypes: { "ecs.g8i.large": { enis: 0 }, "ecs.g8y.large": { privateIps: 10 } } } },
            [
                "ecs-eni-limit: instanceTypes.ecs.g8i.large.enis: Must be greater than or equal to 1",
                "ecs-eni-limit: instanceTypes.ecs.g8y.large: Additional property privateIps is not allowed",
            ],
        ],
        [
            "waivers without a reason, with a date that is not ISO, with an unknown field",
            {
                "ecs-single-eip": {
                    exemptions: [
                        { resource: "web", expires: "2027-01-01" },
                        { resource: "web", reason: "r", expires: "next week", owner: "me" },
                    ],
                },
            },
            [
                "ecs-single-eip: exemptions.0: reason is required",
                "ecs-single-eip: exemptions.1.expires: Does not match pattern '^\\d{4}-\\d{2}-\\d{2}'",
                "ecs-single-eip: exemptions.1: Additional property owner is not allowed",
            ],
        ],
    ])("%s", async (_case, config, problems) => {
        await expect(client.open(identity, config)).rejects.toEqual(new PolicyConfigError(refusal(...[...problems].sort())));
    });

    test("the refused configuration is not sent: the pack keeps the one it had", async () => {
        await client.open(identity, { "eip-single-binding": "advisory" });
        await expect(client.open(identity, { "eip-single-binding": "disabled", "nat-gateway-eip-limit": { maxEips: -1 } })).rejects.toBeInstanceOf(PolicyConfigError);
        const levels = (await client.analyzeStack(twoOnOneEip())).diagnostics.filter((d) => d.policyName === "eip-single-binding").map((d) => d.enforcementLevel);
        expect(levels).toEqual(["advisory"]);
    });

    test.each([
        ["a word that is not a level", { "eip-single-binding": "sometimes" }, 'parsing enforcement level for "eip-single-binding": "sometimes" is not a valid enforcement level'],
        ["a level that is not a string", { all: { enforcementLevel: 1 } }, 'parsing enforcement level for "all": 1 is not a valid enforcement level; must be a string'],
        ["an entry that is a list", { "clb-single-eip": ["advisory"] }, 'parsing "clb-single-eip": [advisory] is not a valid value; must be a string or object'],
        ["an entry that is null", { "clb-single-eip": null }, 'parsing "clb-single-eip": <nil> is not a valid value; must be a string or object'],
        ["`all` with options and no level", { all: { maxEips: 3 } }, `configuring policy pack "alicloud-eip-guard" at "${packDir}": invalid enforcement level ""`],
        [
            "a name that is no policy, with options and no level",
            { "eip-single-bindings": { reportUndecided: false } },
            `configuring policy pack "alicloud-eip-guard" at "${packDir}": invalid enforcement level ""`,
        ],
    ])("levels: %s", async (_case, config, message) => {
        await expect(client.open(identity, config)).rejects.toEqual(new PolicyConfigError(message));
    });
});

describe("a configuration the CLI accepts", () => {
    test("an option a policy does not have passes the CLI (its schemas allow more properties) and the pack reports it", async () => {
        await client.open(identity, { "nat-gateway-eip-limit": { maxEip: 30 } });
        const notes = (await client.analyzeStack(twoOnOneEip())).diagnostics.filter((d) => d.policyName === "nat-gateway-eip-limit");
        expect(notes.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        expect(notes[0].message).toContain('nat-gateway-eip-limit has no option "maxEip"');
    });

    test("`all` sets every level, a policy's own entry wins, a name that is no policy is passed on with its level", async () => {
        await client.open(identity, { all: "disabled", "eip-single-binding": { enforcementLevel: "advisory" }, "eip-single-bindings": "mandatory" });
        const diagnostics = (await client.analyzeStack(twoOnOneEip())).diagnostics;
        expect(diagnostics.map((d) => `${d.policyName}:${d.enforcementLevel}`)).toEqual(["eip-single-binding:advisory"]);
    });
});

describe("reconcile, as config.go ReconcilePolicyPackConfig", () => {
    const pack: PackInfo = {
        name: "p",
        version: "1.0.0",
        supportsConfig: true,
        policies: [
            { name: "a", enforcementLevel: "mandatory", configSchema: { properties: { n: { type: "integer", default: 1 }, f: { type: "boolean", default: true } }, required: [] } },
            { name: "b", enforcementLevel: "advisory", configSchema: { properties: { n: { type: "integer", default: 2 } }, required: [] } },
        ],
        initialConfig: new Map([["a", { enforcementLevel: "advisory" as const, properties: { n: 5 } }]]),
    };
    const plain = (config: ReturnType<typeof reconcile>) => Object.fromEntries(config);

    test("defaults, then the pack's initial config, then `all`'s level, then each entry", () => {
        expect(plain(reconcile(pack, undefined, "/pack"))).toEqual({
            a: { enforcementLevel: "advisory", properties: { n: 5, f: true } },
            b: { enforcementLevel: "advisory", properties: { n: 2 } },
        });
        expect(plain(reconcile(pack, { all: { enforcementLevel: "disabled", n: 9 }, b: { n: 3 } }, "/pack"))).toEqual({
            a: { enforcementLevel: "disabled", properties: { n: 5, f: true } },
            b: { enforcementLevel: "disabled", properties: { n: 3 } },
            all: { enforcementLevel: "disabled", properties: { n: 9 } },
        });
    });

    test("the schema is checked on the merged options; `validate: false` skips that check only", () => {
        expect(() => reconcile(pack, { b: { n: "x" } }, "/pack")).toThrow("validating policy config: p 1.0.0  b: n: Invalid type. Expected: integer, given: string");
        expect(plain(reconcile(pack, { b: { n: "x" } }, "/pack", { validate: false })).b).toEqual({ enforcementLevel: "advisory", properties: { n: "x" } });
        expect(() => reconcile(pack, { b: "loud" }, "/pack", { validate: false })).toThrow('"loud" is not a valid enforcement level');
    });

    test("the CLI's schema holds an enforcementLevel enum beside the policy's properties", () => {
        expect(() =>
            reconcile({ ...pack, initialConfig: new Map([["b", { enforcementLevel: "advisory" as const, properties: { enforcementLevel: "loud" } }]]) }, undefined, "/pack"),
        ).toThrow('validating policy config: p 1.0.0  b: enforcementLevel: enforcementLevel must be one of the following: "advisory", "mandatory", "remediate", "disabled"');
    });
});
