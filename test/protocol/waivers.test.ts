// Waivers through the real server path, on a fixed clock: the pack is started with
// ALICLOUD_EIP_GUARD_DATE, as a user would to see which waivers will have expired by a date.

import * as path from "path";
import { AnalyzerClient, Diagnostic, EngineResource, PackConfig } from "../../policypack/testing/engine/analyzer";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";
import { PACK_ONLY } from "../contract/contract";

const packDir = path.resolve(__dirname, "../..");
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(packDir, { env: { ...process.env, ALICLOUD_EIP_GUARD_DATE: "2026-06-15" } });
});

afterAll(async () => {
    await client?.close();
});

/** An instance with two EIPs: ecs-single-eip reports one fault, on "web", involving "assoc-a" and "assoc-b". */
function stack(tags?: Record<string, string>): EngineResource[] {
    const plan = new Plan("preview");
    const vm = plan.instance("web", { vswitchId: plan.vswitch("vsw").ref(), ...(tags ? { tags } : {}) });
    plan.associate("assoc-a", plan.eip("eip-a"), vm);
    plan.associate("assoc-b", plan.eip("eip-b"), vm);
    return toEngineResources(plan.resources());
}

async function diagnostics(config: PackConfig, tags?: Record<string, string>): Promise<{ level: string; resource: string; message: string }[]> {
    const resources = stack(tags);
    await client.open({ stack: "dev", project: "waivers", organization: "acme", dryRun: true }, config);
    const result = await client.analyzeStack(resources);
    const names = new Map(resources.map((r) => [r.urn, r.name]));
    return result.diagnostics
        .filter((d: Diagnostic) => d.policyName === "ecs-single-eip")
        .map((d) => ({ level: d.enforcementLevel, resource: names.get(d.urn) ?? "<stack>", message: d.message }))
        .sort((a, b) => `${a.resource}${a.level}`.localeCompare(`${b.resource}${b.level}`));
}

const summary = (ds: { level: string; resource: string }[]) => ds.map((d) => `${d.level}:${d.resource}`).sort();

test("the configSchema of every policy declares exemptions with their required fields", async () => {
    const info = await client.getAnalyzerInfo();
    // The pack-only policies (test/contract/pack-policies.json) report nothing, so take no waivers.
    for (const policy of info.policies.filter((p) => !PACK_ONLY.some((extra) => extra.name === p.name))) {
        const schema = policy.configSchema?.properties.exemptions;
        expect(schema?.type).toBe("array");
        expect(schema?.items?.required).toEqual(["resource", "reason", "expires"]);
    }
});

test("a waiver naming one resource of the fault: the violation becomes advisory with its reason", async () => {
    const ds = await diagnostics({ "ecs-single-eip": { exemptions: [{ resource: "assoc-a", reason: "ticket NET-7", expires: "2026-12-31" }] } });
    expect(summary(ds)).toEqual(["advisory:web"]);
    expect(ds.find((d) => d.level === "advisory")?.message).toContain('Waived by exemption 1 (resource "assoc-a") until 2026-12-31 (reason: ticket NET-7)');
});

test("a glob over URNs waives the fault", async () => {
    const ds = await diagnostics({ "ecs-single-eip": { exemptions: [{ resource: "urn:pulumi:*EipAssociation::assoc-*", reason: "accepted", expires: "2026-12-31" }] } });
    expect(summary(ds)).toEqual(["advisory:web"]);
});

test("on the fixed clock a waiver that expired yesterday is enforced again and reported", async () => {
    const ds = await diagnostics({ "ecs-single-eip": { exemptions: [{ resource: "assoc-*", reason: "until the migration", expires: "2026-06-14" }] } });
    expect(summary(ds)).toEqual(["advisory:web", "mandatory:web"]);
    expect(ds.find((d) => d.level === "advisory")?.message).toContain("expired on 2026-06-14");
});

test("a waiver carried by a tag of the instance", async () => {
    const ds = await diagnostics({}, { "eip-guard:exempt": "ecs-single-eip", "eip-guard:exempt-reason": "vendor appliance" });
    expect(summary(ds)).toEqual(["advisory:web"]);
    const without = await diagnostics({}, { "eip-guard:exempt": "ecs-single-eip" });
    expect(summary(without)).toEqual(["advisory:web", "mandatory:web"]);
});

test("a waiver that matches nothing is reported for the stack", async () => {
    const ds = await diagnostics({ "ecs-single-eip": { exemptions: [{ resource: "gone-*", reason: "old", expires: "2026-12-31" }] } });
    expect(summary(ds)).toEqual(["advisory:<stack>", "mandatory:web"]);
    expect(ds.find((d) => d.resource === "<stack>")?.message).toContain("matches no violation in this stack");
});
