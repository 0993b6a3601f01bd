// What a program run under the harness's mocks looks like to an analyzer, against what the engine
// would send: URNs of resources inside nested components (pulumi/pulumi pkg/resource/deploy/
// deployment.go generateURN), and resource references given as inputs, which the engine marshals
// for analyzers as ids or, for a component, as its URN (pkg/resource/plugin/rpc.go
// MarshalPropertyValue with KeepResources off).

import * as path from "path";
import { DEFAULT_RESOURCE_GROUP } from "../../policypack/testing/engine/deployed";
import { engineView } from "../../policypack/testing/engine/engine";
import { runProgram } from "../../policypack/testing/engine/program";
import { UNKNOWN_SENTINEL } from "../../policypack/testing/engine/sentinel";

const program = path.join(__dirname, "programs", "nested-components.js");
const urn = (qualifiedType: string, name: string) => `urn:pulumi:dev::examples::${qualifiedType}::${name}`;
const SITE = "acme:web:Site";
const TIER = "acme:web:Tier";

test("a resource two components deep carries the whole chain of its parents' types in its URN", async () => {
    const run = await runProgram(program, { preview: true });
    const byName = new Map(run.resources.map((resource) => [resource.name, resource]));
    expect(run.resources.map((resource) => resource.urn)).toEqual([
        urn("pulumi:pulumi:Stack", "examples-dev"),
        urn(SITE, "site"),
        urn(`${SITE}$${TIER}`, "site-tier"),
        urn(`${SITE}$${TIER}$alicloud:vpc/network:Network`, "site-tier-vpc"),
        urn(`${SITE}$${TIER}$alicloud:ecs/eipAddress:EipAddress`, "site-tier-eip"),
        urn("alicloud:vpc/switch:Switch", "vsw"),
    ]);
    expect(byName.get("site-tier-eip")?.parent).toBe(byName.get("site-tier")?.urn);
    expect(byName.get("site-tier")?.parent).toBe(byName.get("site")?.urn);
});

describe.each([
    ["at preview", true, UNKNOWN_SENTINEL],
    ["after the update", false, "eip-00000005"],
])("resource references given as inputs, %s", (_phase, preview, eipId) => {
    test("a component arrives as its URN, a custom resource as its id, in Analyze and AnalyzeStack", async () => {
        const view = engineView(await runProgram(program, { preview }));
        const tagsIn = (resources: typeof view.analyze) => resources.find((resource) => resource.name === "vsw")?.properties.tags;
        const expected = { site: urn(SITE, "site"), eip: eipId };
        expect(tagsIn(view.analyze)).toEqual(expected);
        expect(tagsIn(view.stack)).toEqual(expected);
    });
});

describe("resources read with .get()", () => {
    const readProgram = path.join(__dirname, "programs", "read-resources.js");
    const reads = ["legacy", "old-ip", "pending"];

    test.each([
        ["at preview", true],
        ["after the update", false],
    ])("are sent %s in neither Analyze nor AnalyzeStack", async (_phase, preview) => {
        const run = await runProgram(readProgram, { preview });
        const read = run.resources.filter((resource) => resource.read);
        expect(read.map((resource) => resource.name).sort()).toEqual(reads);
        const view = engineView(run);
        const names = (resources: typeof view.analyze) => resources.map((resource) => resource.name);
        expect(names(view.analyze).filter((name) => reads.includes(name))).toEqual([]);
        expect(names(view.stack).filter((name) => reads.includes(name))).toEqual([]);
        expect(names(view.stack)).toEqual(expect.arrayContaining(["ip", "to-legacy", "old-to-legacy", "vpc"]));
    });

    test("stay in the dependencies of what was computed from them, as the engine sends them; keys without dependencies are left out", async () => {
        const view = engineView(await runProgram(readProgram, { preview: true }));
        const byName = new Map(view.stack.map((resource) => [resource.name, resource]));
        const legacyUrn = urn("alicloud:ecs/instance:Instance", "legacy");
        const oldIpUrn = urn("alicloud:ecs/eipAddress:EipAddress", "old-ip");
        expect(byName.get("old-to-legacy")?.propertyDependencies).toEqual({ allocationId: [oldIpUrn], instanceId: [legacyUrn] });
        expect(byName.get("old-to-legacy")?.dependencies).toEqual(expect.arrayContaining([oldIpUrn, legacyUrn]));
        expect(byName.get("to-legacy")?.properties).toMatchObject({ instanceId: "i-bp1legacy0000001", allocationId: UNKNOWN_SENTINEL });
        expect(byName.get("ip")?.propertyDependencies).toEqual({});
    });

    test("are read at preview, so their outputs are known, unless the id is unknown: then they have none", async () => {
        const view = engineView(await runProgram(readProgram, { preview: true }));
        const vpc = view.analyze.find((resource) => resource.name === "vpc");
        expect(vpc?.properties).toMatchObject({ vpcName: "Available", description: UNKNOWN_SENTINEL });
    });
});

describe("a preview of a stack already deployed", () => {
    const stackProgram = path.join(__dirname, "programs", "deployed-stack.js");
    const config = (bandwidth: string) => ({ "web:bandwidth": bandwidth });

    test("the update fills every Optional+Computed attribute the program left unset, as the provider reads it back", async () => {
        const update = await runProgram(stackProgram, { preview: false, config: config("5") });
        const byName = new Map(update.resources.map((resource) => [resource.name, resource]));
        expect(byName.get("web")?.outputs).toMatchObject({ vpcId: byName.get("vpc")?.id, internetMaxBandwidthOut: 0, resourceGroupId: DEFAULT_RESOURCE_GROUP, status: "Running" });
        expect(byName.get("ip-assoc")?.outputs).toMatchObject({ instanceType: "EcsInstance", mode: "NAT" });
        expect(byName.get("ip")?.outputs).toMatchObject({ resourceGroupId: DEFAULT_RESOURCE_GROUP, isp: "BGP", status: "Available" });
    });

    test("an unchanged resource keeps its id and outputs, known to the program; a changed one, and what is computed from it, are planned anew", async () => {
        const update = await runProgram(stackProgram, { preview: false, config: config("5") });
        const before = new Map(update.resources.map((resource) => [resource.name, resource]));
        const same = await runProgram(stackProgram, { preview: true, config: config("5"), deployed: update });
        for (const resource of same.resources) {
            const old = before.get(resource.name);
            expect({ name: resource.name, id: resource.id, outputs: resource.outputs }).toEqual({ name: resource.name, id: old?.id, outputs: old?.outputs });
        }
        // The provider reference carries the provider's id, as the engine writes it.
        expect(same.resources.find((resource) => resource.name === "web")?.providerRef).toBe(`${urn("pulumi:providers:alicloud", "beijing")}::${before.get("beijing")?.id}`);

        const changed = await runProgram(stackProgram, { preview: true, config: config("10"), deployed: update });
        const after = new Map(changed.resources.map((resource) => [resource.name, resource]));
        expect(["vpc", "vsw", "web"].map((name) => after.get(name)?.id)).toEqual(["vpc", "vsw", "web"].map((name) => before.get(name)?.id));
        expect(after.get("ip")?.id).toBeUndefined();
        expect(after.get("ip-assoc")?.inputs.allocationId).toBe(UNKNOWN_SENTINEL);
        expect(after.get("ip-assoc")?.id).toBeUndefined();
    });
});

describe("a provider whose configuration is unknown at preview", () => {
    const unknownProgram = path.join(__dirname, "programs", "provider-config-unknown.js");
    const config = (user: string) => ({ "web:user": user, "alicloud:region": "cn-hangzhou" });
    const on = (view: ReturnType<typeof engineView>, part: "analyze" | "stack", name: string) => view[part].find((resource) => resource.name === name);

    test("every resource on it goes to AnalyzeStack with no properties, to Analyze with its inputs; the program sees no outputs", async () => {
        const view = engineView(await runProgram(unknownProgram, { preview: true, config: config("deployer") }));
        expect(on(view, "stack", "ip")?.properties).toEqual({});
        expect(on(view, "stack", "ip")?.provider?.properties.accessKey).toBe(UNKNOWN_SENTINEL);
        expect(on(view, "analyze", "ip")?.properties).toEqual({ addressName: "web", bandwidth: "5" });
        expect(on(view, "stack", "vpc")?.properties).toEqual({});
        expect(on(view, "analyze", "vpc")?.properties.description).toBe(UNKNOWN_SENTINEL);
        expect(on(view, "stack", "other-ip")?.properties).toMatchObject({ bandwidth: "5", id: UNKNOWN_SENTINEL });
    });

    test("after the update it is configured: outputs as usual", async () => {
        const view = engineView(await runProgram(unknownProgram, { preview: false, config: config("deployer") }));
        expect(on(view, "stack", "ip")?.properties).toMatchObject({ addressName: "web", bandwidth: "5", ipAddress: expect.any(String), id: expect.any(String) });
    });

    test("a deployed resource on it keeps its id, and still has no properties at preview", async () => {
        const update = await runProgram(unknownProgram, { preview: false, config: config("deployer") });
        const again = await runProgram(unknownProgram, { preview: true, config: config("deployer"), deployed: update });
        expect(on(engineView(again), "stack", "ip")?.properties).toMatchObject({ id: update.resources.find((resource) => resource.name === "ip")?.id });
        const replacedKey = await runProgram(unknownProgram, { preview: true, config: config("operator"), deployed: update });
        const ip = replacedKey.resources.find((resource) => resource.name === "ip");
        expect(ip?.id).toBe(update.resources.find((resource) => resource.name === "ip")?.id);
        expect(on(engineView(replacedKey), "stack", "ip")?.properties).toEqual({});
    });
});
