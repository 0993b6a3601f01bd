// What a program run under the harness's mocks looks like to an analyzer, against what the engine
// would send: URNs of resources inside nested components (pulumi/pulumi pkg/resource/deploy/
// deployment.go generateURN), and resource references given as inputs, which the engine marshals
// for analyzers as ids or, for a component, as its URN (pkg/resource/plugin/rpc.go
// MarshalPropertyValue with KeepResources off).

import * as path from "path";
import { engineView } from "../../tools/harness/engine";
import { runProgram } from "../../tools/harness/program";
import { UNKNOWN_SENTINEL } from "../../tools/harness/sentinel";

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
