import * as path from "path";
import { AnalyzerClient, EngineResource } from "../../tools/harness/analyzer";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const packDir = path.resolve(__dirname, "../..");

test("smoke", async () => {
    const client = await AnalyzerClient.start(packDir);
    try {
        const info = await client.open({ stack: "dev", project: "p", organization: "o", dryRun: true });
        expect(info.policies.map((p) => p.name)).toContain("eip-single-binding");
        const prov = { urn: "urn:pulumi:dev::p::pulumi:providers:alicloud::default_3_108_0", type: "pulumi:providers:alicloud", name: "default_3_108_0", properties: { region: "cn-hangzhou" } };
        const r = (type: string, name: string, properties: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): EngineResource => ({
            urn: `urn:pulumi:dev::p::${type}::${name}`, type, name, properties, propertyDependencies, provider: prov,
        });
        const eip = r("alicloud:ecs/eipAddress:EipAddress", "eip", { id: U });
        const a = r("alicloud:ecs/instance:Instance", "a", { id: U, vswitchId: "vsw-1" });
        const b = r("alicloud:ecs/instance:Instance", "b", { id: U, vswitchId: "vsw-1" });
        const resources = [
            { urn: prov.urn, type: prov.type, name: prov.name, properties: prov.properties },
            eip, a, b,
            r("alicloud:ecs/eipAssociation:EipAssociation", "assoc-a", { allocationId: U, instanceId: U, instanceType: U, mode: U }, { allocationId: [eip.urn], instanceId: [a.urn] }),
            r("alicloud:ecs/eipAssociation:EipAssociation", "assoc-b", { allocationId: U, instanceId: U, instanceType: U, mode: U }, { allocationId: [eip.urn], instanceId: [b.urn] }),
        ];
        const result = await client.analyzeStack(resources);
        console.log(JSON.stringify(result, null, 1));
        expect(result.diagnostics.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.policyName)).toEqual(["eip-single-binding", "eip-single-binding"]);
    } finally {
        await client.close();
    }
});
