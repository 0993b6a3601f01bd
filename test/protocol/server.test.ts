// The pack as the Pulumi CLI runs it: started with run-policy-pack, port read from stdout, and
// spoken to over the analyzer gRPC protocol in the engine's order.

import * as path from "path";
import { PolicyName } from "../../policypack/core/rule";
import { describe as describeResource } from "../../policypack/core/describe";
import { withInvolvedNamed } from "../../policypack/core/involved";
import { runRule } from "../../policypack/core/engine";
import { Model } from "../../policypack/core/model";
import { PULUMI_WORDS } from "../../policypack/pulumi/words";
import { PACK_CONTRACT } from "../contract/contract";
import { ruleNamed } from "../support/verdicts";
import { RULES } from "../../policypack/core/rules";
import { AnalyzerClient, AnalyzerDescription, ConfigureOptions, Diagnostic, EngineResource, PackConfig } from "../../policypack/testing/engine/analyzer";
import { everyViolation } from "../support/catalogue";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Phase, Plan } from "../support/plan";
import { SHUFFLE_SEED_VARIABLE, shuffleSeed } from "../../policypack/testing/engine/shuffle";

const packDir = path.resolve(__dirname, "../..");
const identity = { stack: "dev", project: "guarded", organization: "acme", dryRun: true };
let client: AnalyzerClient;
let info: AnalyzerDescription;

beforeAll(async () => {
    client = await AnalyzerClient.start(packDir);
    info = await client.open(identity);
});

afterAll(async () => {
    await client?.close();
});

async function analyzeStack(resources: EngineResource[], config: PackConfig = {}, dryRun = true, options: ConfigureOptions = {}): Promise<Diagnostic[]> {
    await client.open({ ...identity, dryRun }, config, options);
    return (await client.analyzeStack(resources)).diagnostics;
}

function namesOf(diagnostics: readonly Diagnostic[], resources: readonly EngineResource[], policy: string, level = "mandatory"): string[] {
    const names = new Map(resources.map((resource) => [resource.urn, resource.name]));
    const picked = diagnostics.filter((d) => d.policyName === policy && d.enforcementLevel === level).map((d) => names.get(d.urn) ?? "<stack>");
    return [...new Set(picked)].sort();
}

function planned(build: (plan: Plan) => void, phase: Phase = "preview"): EngineResource[] {
    const plan = new Plan(phase);
    build(plan);
    return toEngineResources(plan.resources());
}

describe("start-up and GetAnalyzerInfo", () => {
    test("the pack announces a port and describes itself", () => {
        const pkg = require("../../package.json");
        expect(info.name).toBe("alicloud-eip-guard");
        expect(info.version).toBe(pkg.version);
        expect(info.provider).toBe("alicloud");
        expect(info.supportsConfig).toBe(true);
        expect(info.displayName).not.toBe("");
    });

    test("every rule is a policy with its contract: name, level, severity, remediation, url, tags, config schema", () => {
        expect(info.policies.map((p) => p.name)).toEqual(PACK_CONTRACT.map((p) => p.name));
        for (const policy of info.policies.filter((p) => RULES.some((rule) => rule.name === p.name))) {
            const rule = RULES.find((candidate) => candidate.name === policy.name)!;
            expect(policy.enforcementLevel).toBe(rule.enforcementLevel);
            expect(policy.severity).toBe(rule.severity);
            expect(policy.remediationSteps.length).toBeGreaterThan(40);
            expect(policy.url).toMatch(new RegExp(`docs/policies\\.md#${policy.name}$`));
            expect(policy.tags).toContain("eip");
            expect(policy.description).toMatch(/^[A-Z].*\.$/);
            for (const [key, option] of Object.entries(rule.options)) {
                expect(policy.configSchema?.properties[key]).toMatchObject({ type: option.type, default: option.default });
            }
        }
        expect(info.policies.map((p) => [p.name, p.enforcementLevel])).toEqual(PACK_CONTRACT.map((p) => [p.name, p.enforcementLevel]));
    });
});

describe(`AnalyzeStack at preview, every id unknown (order from ${SHUFFLE_SEED_VARIABLE}=${shuffleSeed()})`, () => {
    const catalogue = (phase: Phase) => {
        const plan = new Plan(phase);
        const expected = everyViolation(plan);
        const resources = plan.resources();
        return { expected, resources, engine: toEngineResources(resources) };
    };

    test("every policy reports exactly its violations, and no policy is skipped as unknown", async () => {
        const { expected, engine } = catalogue("preview");
        expect(engine.filter((r) => r.type.startsWith("alicloud:")).every((r) => r.properties.id === "04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe(true);
        const diagnostics = await analyzeStack(engine);
        for (const [policy, names] of Object.entries(expected)) {
            const level = ruleNamed(policy as PolicyName).enforcementLevel;
            expect({ policy, names: namesOf(diagnostics, engine, policy, level) }).toEqual({ policy, names: [...names].sort() });
        }
        expect(diagnostics.filter((d) => /can't run policy/.test(d.message))).toEqual([]);
    });

    test("the same stack after the update (ids known) gets the same verdicts", async () => {
        const preview = catalogue("preview");
        const update = catalogue("update");
        const before = await analyzeStack(preview.engine, {}, true);
        const after = await analyzeStack(update.engine, {}, false);
        const verdicts = (ds: Diagnostic[], rs: EngineResource[]) => RULES.map((rule) => [rule.name, namesOf(ds, rs, rule.name, rule.enforcementLevel)]);
        expect(verdicts(after, update.engine)).toEqual(verdicts(before, preview.engine));
    });

    test("what the server reports is what the core finds on the same resources", async () => {
        const { resources, engine } = catalogue("preview");
        const diagnostics = await analyzeStack(engine);
        for (const rule of RULES) {
            // The pack names each finding's involved resources after its message.
            const nameOf = (address: string) => {
                const resource = resources.find((candidate) => candidate.address === address);
                return resource === undefined ? undefined : describeResource(resource);
            };
            // In Pulumi's words, as the pack renders them (core/terms.ts).
            const core = runRule(ruleNamed(rule.name), new Model(resources), {}, undefined, PULUMI_WORDS)
                .map((f) => withInvolvedNamed(f, nameOf).message)
                .sort();
            const served = diagnostics
                .filter((d) => d.policyName === rule.name)
                .map((d) =>
                    d.message
                        .split("\n")
                        .slice(d.enforcementLevel === "advisory" && !d.message.startsWith(d.description) ? 0 : 1)
                        .join("\n"),
                )
                .sort();
            expect({ policy: rule.name, served }).toEqual({ policy: rule.name, served: core });
        }
    });
});

describe("Configure", () => {
    const twoOnOneEip = () =>
        planned((plan) => {
            const vsw = plan.vswitch("vsw");
            const eip = plan.eip("eip");
            plan.associate("a", eip, plan.instance("vm-a", { vswitchId: vsw.ref() }));
            plan.associate("b", eip, plan.instance("vm-b", { vswitchId: vsw.ref() }));
        });

    test("a policy set to advisory reports at advisory", async () => {
        const diagnostics = await analyzeStack(twoOnOneEip(), { "eip-single-binding": "advisory" });
        expect(diagnostics.filter((d) => d.policyName === "eip-single-binding").map((d) => d.enforcementLevel)).toEqual(["advisory"]);
    });

    test("a disabled policy reports nothing", async () => {
        const diagnostics = await analyzeStack(twoOnOneEip(), { "eip-single-binding": "disabled" });
        expect(diagnostics.filter((d) => d.policyName === "eip-single-binding")).toEqual([]);
    });

    test("options reach the policy: maxEips raises the NAT gateway quota", async () => {
        const stack = planned((plan) => {
            const nat = plan.add("natGateway", "nat", { vswitchId: plan.vswitch("vsw").ref(), natType: "Enhanced" });
            for (let i = 0; i < 21; i++) {
                plan.associate(`assoc-${i}`, plan.eip(`eip-${i}`), nat);
            }
        });
        expect(namesOf(await analyzeStack(stack), stack, "nat-gateway-eip-limit")).toEqual(["nat"]);
        expect(namesOf(await analyzeStack(stack, { "nat-gateway-eip-limit": { maxEips: 25 } }), stack, "nat-gateway-eip-limit")).toEqual([]);
    });

    // The CLI refuses this configuration before the pack runs (test/protocol/config.test.ts); sent
    // unvalidated, it shows the pack's own tolerance, which the offline checker's --config relies on.
    test("an unusable option value is reported as advisory and the default applies", async () => {
        const stack = twoOnOneEip();
        const diagnostics = await analyzeStack(stack, { "nat-gateway-eip-limit": { maxEips: "lots" } }, true, { validate: false });
        const notes = diagnostics.filter((d) => d.policyName === "nat-gateway-eip-limit");
        expect(notes).toHaveLength(1);
        expect(notes[0].enforcementLevel).toBe("advisory");
        expect(notes[0].message).toContain("maxEips must be a whole number");
    });

    test("a note the pack could not decide is advisory even when the policy is mandatory", async () => {
        const stack = planned((plan) => {
            plan.associate("existing", "eip-outside01", plan.instance("vm", { vswitchId: plan.vswitch("vsw").ref() }));
        });
        const notes = (await analyzeStack(stack)).filter((d) => d.policyName === "eip-same-region");
        expect(notes.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        expect(notes[0].message).toContain("the EIP named by a literal allocation id");
        expect(notes[0].message).not.toContain("eip-outside01");
        const silenced = (await analyzeStack(stack, { "eip-same-region": { reportUndecided: false } })).filter((d) => d.policyName === "eip-same-region");
        expect(silenced).toEqual([]);
    });
});

describe("Analyze on inputs", () => {
    test("every resource of the catalogue is analyzed without a diagnostic or an error", async () => {
        const plan = new Plan("preview");
        everyViolation(plan);
        await client.open(identity);
        for (const resource of toEngineResources(plan.resources())) {
            const result = await client.analyze(resource);
            expect(result.diagnostics).toEqual([]);
        }
    });
});

describe("fast path", () => {
    test("a stack without any alicloud resource costs no policy a pass over it", async () => {
        await client.open(identity);
        const stack: EngineResource[] = Array.from({ length: 50 }, (_, i) => ({
            urn: `urn:pulumi:dev::guarded::aws:s3/bucket:Bucket::b${i}`,
            type: "aws:s3/bucket:Bucket",
            name: `b${i}`,
            properties: { bucket: `b${i}` },
        }));
        const result = await client.analyzeStack(stack);
        expect(result.diagnostics).toEqual([]);
        expect(result.notApplicable.map((n) => n.policyName).sort()).toEqual(RULES.map((rule) => rule.name).sort());
    });

    test("a stack with alicloud resources but no EIP association skips the association policies", async () => {
        const stack = planned((plan) => {
            plan.instance("vm", { vswitchId: plan.vswitch("vsw").ref() });
        });
        await client.open(identity);
        const result = await client.analyzeStack(stack);
        const skipped = result.notApplicable.map((n) => n.policyName);
        expect(skipped).toContain("ecs-single-eip");
        expect(skipped).not.toContain("alb-nlb-eip-per-zone");
        expect(result.diagnostics).toEqual([]);
    });
});
