// The Pulumi front end on small documents: property values as the analyzer sees them (secrets,
// resource references, assets), URNs, and the resources and providers a stack export or a preview
// becomes, with the messages for a document it cannot check.

import { fromPreview, fromStackExport, nameOfUrn, plainValue, providerUrnOf } from "../../policypack/cli/formats/pulumi";
import { checkResources } from "../../policypack/cli/check";
import { RULES } from "../../policypack/core/rules";
import { UNKNOWN } from "../../policypack/core/values";
import { problemOf } from "./support";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";
const ASSET = "c44067f5952c0a294b673a41bacd8c17";

const STACK = "urn:pulumi:dev::web::pulumi:pulumi:Stack::web-dev";
const PROVIDER = "urn:pulumi:dev::web::pulumi:providers:alicloud::beijing";
const DEFAULT_PROVIDER = "urn:pulumi:dev::web::pulumi:providers:alicloud::default_1_240_0";
const EIP = "urn:pulumi:dev::web::alicloud:ecs/eipAddress:EipAddress::ip";
const ASSOCIATION = "urn:pulumi:dev::web::alicloud:ecs/eipAssociation:EipAssociation::ip-assoc";
const INSTANCE = "urn:pulumi:dev::web::alicloud:ecs/instance:Instance::web";

const exportOf = (resources: unknown[], version: unknown = 3) => ({ version, deployment: { manifest: {}, resources } });
const textOf = (doc: unknown) => JSON.stringify(doc, null, 2);
const loadExport = (resources: unknown[]) => {
    const doc = exportOf(resources);
    return fromStackExport("stack.json", doc, textOf(doc));
};

describe("plainValue", () => {
    test("plain JSON is kept; [secret] (how a preview prints a secret) is unknown, in any position", () => {
        expect(plainValue({ a: [1, "x", null, true, { b: "c" }] })).toEqual({ a: [1, "x", null, true, { b: "c" }] });
        expect(plainValue("[secret]")).toBe(UNKNOWN);
        expect(plainValue({ a: "[secret]", b: ["[secret]", "open"] })).toEqual({ a: UNKNOWN, b: [UNKNOWN, "open"] });
        expect(plainValue("secret")).toBe("secret");
    });

    test("a secret is opened when its plaintext or value is there, else unknown", () => {
        expect(plainValue({ [SIG]: SECRET, plaintext: '"cn-hangzhou"' })).toBe("cn-hangzhou");
        expect(plainValue({ [SIG]: SECRET, plaintext: '{"a":["[secret]",2]}' })).toEqual({ a: [UNKNOWN, 2] });
        expect(plainValue({ [SIG]: SECRET, plaintext: "not json" })).toBe(UNKNOWN);
        expect(plainValue({ [SIG]: SECRET, value: { region: "cn-beijing" } })).toEqual({ region: "cn-beijing" });
        expect(plainValue({ [SIG]: SECRET, value: null })).toBeNull();
        expect(plainValue({ [SIG]: SECRET, plaintext: 5, value: "v" })).toBe("v");
        expect(plainValue({ [SIG]: SECRET, ciphertext: "abc" })).toBe(UNKNOWN);
    });

    test("a resource reference is its id (a known, non-empty one), else its URN when it has no id field", () => {
        expect(plainValue({ [SIG]: REFERENCE, urn: EIP, id: "eip-123" })).toBe("eip-123");
        expect(plainValue({ [SIG]: REFERENCE, urn: EIP, id: "" })).toBe(UNKNOWN);
        expect(plainValue({ [SIG]: REFERENCE, urn: EIP, id: 7 })).toBe(UNKNOWN);
        expect(plainValue({ [SIG]: REFERENCE, urn: EIP, id: "[secret]" })).toBe(UNKNOWN);
        expect(plainValue({ [SIG]: REFERENCE, urn: EIP })).toBe(EIP);
        expect(plainValue({ [SIG]: REFERENCE })).toBe(UNKNOWN);
        expect(plainValue({ [SIG]: REFERENCE, urn: 3 })).toBe(UNKNOWN);
    });

    test("an asset or archive is left as it is; a signature that is not a string is an ordinary key", () => {
        const asset = { [SIG]: ASSET, path: "./x", hash: "[secret]" };
        expect(plainValue(asset)).toBe(asset);
        expect(plainValue({ [SIG]: 1, a: "[secret]" })).toEqual({ [SIG]: 1, a: UNKNOWN });
    });

    test("nesting deeper than 200 levels is unknown", () => {
        const nest = (value: unknown, levels: number): unknown => (levels === 0 ? value : [nest(value, levels - 1)]);
        const innermost = (value: unknown): unknown => (Array.isArray(value) ? innermost(value[0]) : value);
        expect(innermost(plainValue(nest("deep", 200)))).toBe("deep");
        expect(innermost(plainValue(nest("deep", 201)))).toBe(UNKNOWN);
        expect(plainValue("x", 201)).toBe(UNKNOWN);
        expect(plainValue("x", 200)).toBe("x");
    });
});

describe("URNs", () => {
    test("a provider reference <urn>::<id> is its URN", () => {
        expect(providerUrnOf(`${PROVIDER}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`)).toBe(PROVIDER);
        expect(providerUrnOf(PROVIDER)).toBe("urn:pulumi:dev::web::pulumi:providers:alicloud");
        expect(providerUrnOf("no-separator")).toBe("no-separator");
    });

    test("a resource's name is everything after its type", () => {
        expect(nameOfUrn(EIP)).toBe("ip");
        expect(nameOfUrn("urn:pulumi:dev::web::alicloud:ecs/eipAddress:EipAddress::odd::name")).toBe("odd::name");
        expect(nameOfUrn("urn:pulumi:dev::web::type")).toBe("urn:pulumi:dev::web::type");
        expect(nameOfUrn("plain")).toBe("plain");
    });
});

describe("stack export", () => {
    test("resources with outputs over inputs, ids, dependencies, and their providers with their inputs", () => {
        const loaded = loadExport([
            { urn: STACK, type: "pulumi:pulumi:Stack" },
            { urn: PROVIDER, type: "pulumi:providers:alicloud", id: "p-1", inputs: { region: "cn-beijing" }, outputs: { region: "cn-shanghai", version: "1.240.0" } },
            {
                urn: EIP,
                type: "alicloud:ecs/eipAddress:EipAddress",
                id: "eip-1",
                inputs: { bandwidth: "5", addressName: "ip" },
                outputs: { bandwidth: "10", ipAddress: { [SIG]: SECRET, plaintext: '"1.2.3.4"' } },
                provider: `${PROVIDER}::p-1`,
                propertyDependencies: { bandwidth: [STACK, 3], addressName: "not-a-list" },
            },
            { urn: ASSOCIATION, type: "alicloud:ecs/eipAssociation:EipAssociation", inputs: { allocationId: "eip-1", id: "assoc-from-inputs" }, provider: `${PROVIDER}::p-1` },
            { urn: INSTANCE, type: "alicloud:ecs/instance:Instance", inputs: { id: "" }, provider: "" },
        ]);
        expect(loaded.file).toBe("stack.json");
        expect(loaded.format).toBe("pulumi-export");
        expect(loaded.totalResources).toBe(3);
        expect(loaded.notes).toEqual([]);
        // The provider once (no second entry from the pass that lists providers no resource uses),
        // then the resources.
        expect(loaded.resources).toHaveLength(4);
        expect(loaded.resources[0]).toEqual({ address: PROVIDER, name: "beijing", kind: "provider", type: "pulumi:providers:alicloud", props: { region: "cn-beijing" } });
        expect(loaded.resources.slice(-3)).toEqual([
            {
                address: EIP,
                name: "ip",
                kind: "eip",
                type: "alicloud:ecs/eipAddress:EipAddress",
                props: { bandwidth: "10", addressName: "ip", ipAddress: "1.2.3.4", id: "eip-1" },
                provider: PROVIDER,
                propertyDependencies: { bandwidth: [STACK], addressName: [] },
            },
            {
                address: ASSOCIATION,
                name: "ip-assoc",
                kind: "eipAssociation",
                type: "alicloud:ecs/eipAssociation:EipAssociation",
                props: { allocationId: "eip-1", id: "assoc-from-inputs" },
                provider: PROVIDER,
                propertyDependencies: {},
            },
            { address: INSTANCE, name: "web", kind: "ecsInstance", type: "alicloud:ecs/instance:Instance", props: { id: UNKNOWN }, provider: undefined, propertyDependencies: {} },
        ]);
    });

    test("a resource's dependencies are kept (URNs only), and left out when there are none", () => {
        const loaded = loadExport([
            { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", id: "eip-1", inputs: {}, dependencies: "not-a-list" },
            { urn: ASSOCIATION, type: "alicloud:ecs/eipAssociation:EipAssociation", id: "a-1", inputs: { allocationId: "eip-1" }, dependencies: [EIP, 3, null, INSTANCE] },
        ]);
        const named = (name: string) => loaded.resources.find((resource) => resource.name === name);
        expect(named("ip-assoc")?.dependencies).toEqual([EIP, INSTANCE]);
        expect(named("ip")).not.toHaveProperty("dependencies");
    });

    test("a provider with no inputs takes its outputs; one the file does not list has no props", () => {
        const other = "urn:pulumi:dev::web::pulumi:providers:alicloud::unused";
        const loaded = loadExport([
            { urn: PROVIDER, type: "pulumi:providers:alicloud", outputs: { region: "cn-shanghai" } },
            { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", provider: `${PROVIDER}::x` },
            { urn: ASSOCIATION, type: "alicloud:ecs/eipAssociation:EipAssociation", provider: `${DEFAULT_PROVIDER}::y` },
            { urn: other, type: "pulumi:providers:alicloud", inputs: { region: "cn-hangzhou" } },
            { urn: "urn:pulumi:dev::web::pulumi:providers:aws::default", type: "pulumi:providers:aws", inputs: { region: "us-east-1" } },
        ]);
        // Providers in use first, then alicloud providers no resource uses (so that a region check
        // sees every region of the stack); other clouds' providers are not read.
        expect(loaded.resources.slice(0, 3)).toEqual([
            { address: PROVIDER, name: "beijing", kind: "provider", type: "pulumi:providers:alicloud", props: { region: "cn-shanghai" } },
            { address: DEFAULT_PROVIDER, name: "default_1_240_0", kind: "provider", type: "pulumi:providers:alicloud", props: {} },
            { address: other, name: "unused", kind: "provider", type: "pulumi:providers:alicloud", props: { region: "cn-hangzhou" } },
        ]);
        expect(loaded.resources).toHaveLength(5);
        expect(loaded.resources.slice(-2).map((resource) => [resource.address, resource.provider])).toEqual([
            [EIP, PROVIDER],
            [ASSOCIATION, DEFAULT_PROVIDER],
        ]);
        expect(loaded.totalResources).toBe(2);
    });

    test("resources pending deletion are left out; a type missing from the state is read from the URN, parent types dropped", () => {
        const child = "urn:pulumi:dev::web::my:component:Web$alicloud:ecs/eipAddress:EipAddress::child-ip";
        const loaded = loadExport([
            { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", id: "old", delete: true },
            { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", id: "new" },
            { urn: child, id: "c" },
            "not a resource",
            { type: "alicloud:ecs/eipAddress:EipAddress" },
            { urn: "urn:pulumi:dev::web::my:component:Web::web", type: "my:component:Web" },
        ]);
        expect(loaded.resources.map((resource) => [resource.address, resource.type, resource.props.id])).toEqual([
            [EIP, "alicloud:ecs/eipAddress:EipAddress", "new"],
            [child, "alicloud:ecs/eipAddress:EipAddress", "c"],
        ]);
        expect(loaded.totalResources).toBe(3);
    });

    test("resources read with .get() (external) are left out, as the engine never sends them to a policy", () => {
        const loaded = loadExport([
            { urn: INSTANCE, type: "alicloud:ecs/instance:Instance", id: "i-legacy", external: true, outputs: { vswitchId: "vsw-1" } },
            { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", id: "eip-1", external: false },
        ]);
        expect(loaded.resources.map((resource) => resource.address)).toEqual([EIP]);
        expect(loaded.totalResources).toBe(1);
    });

    test("a URN too short to have a type gives no type, and no resource", () => {
        const loaded = loadExport([{ urn: "urn:pulumi" }, { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" }]);
        expect(loaded.resources.map((resource) => resource.address)).toEqual([EIP]);
        expect(loaded.totalResources).toBe(2);
        expect(problemOf(() => loadExport([{ urn: "urn:pulumi" }]))).toMatch(/^stack\.json: is a Pulumi stack export of .*, with no alicloud resource \(1 resource\)\./);
    });

    test("a resource's line is the one with its URN", () => {
        const doc = exportOf([{ urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" }]);
        const text = textOf(doc);
        const loaded = fromStackExport("stack.json", doc, text);
        expect(text.split("\n")[loaded.locate(EIP)! - 1]).toContain(`"urn": "${EIP}"`);
        expect(loaded.locate(EIP)).toBe(7);
        expect(loaded.locate(INSTANCE)).toBeUndefined();
    });

    test("an empty or missing deployment has no resources", () => {
        expect(fromStackExport("s.json", { version: 3 }, "{}").resources).toEqual([]);
        expect(fromStackExport("s.json", { version: 3, deployment: { resources: {} } }, "{}").totalResources).toBe(0);
    });

    test.each([
        [4, "4"],
        [2, "2"],
        ["3", '"3"'],
        [null, "null"],
    ])("deployment version %j is refused", (version, shown) => {
        const doc = exportOf([], version);
        expect(problemOf(() => fromStackExport("stack.json", doc, "{}"))).toBe(
            `stack.json: is a Pulumi stack export of deployment version ${shown}, which this checker does not know: it reads version 3, what \`pulumi stack export\` writes.`,
        );
    });

    test("a stack of other providers only is refused, naming them and how many resources it has", () => {
        expect(
            problemOf(() =>
                loadExport([
                    { urn: STACK, type: "pulumi:pulumi:Stack" },
                    { urn: "urn:pulumi:dev::web::pulumi:providers:aws::default", type: "pulumi:providers:aws" },
                    { urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket" },
                    { urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::c", type: "aws:s3/bucket:Bucket" },
                    { urn: "urn:pulumi:dev::web::random:index/randomId:RandomId::r", type: "random:index/randomId:RandomId" },
                ]),
            ),
        ).toBe(
            "stack.json: is a Pulumi stack export of aws, random resources, with no alicloud resource (3 resources). This checker reads Alibaba Cloud (alicloud) infrastructure only.",
        );
        expect(problemOf(() => loadExport([{ urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket" }]))).toBe(
            "stack.json: is a Pulumi stack export of aws resources, with no alicloud resource (1 resource). This checker reads Alibaba Cloud (alicloud) infrastructure only.",
        );
    });

    test("an alicloud resource of a kind the rules do not read still makes it an alicloud stack; a stack and providers alone are not a foreign stack", () => {
        const loaded = loadExport([
            { urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket" },
            { urn: "urn:pulumi:dev::web::alicloud:oss/bucket:Bucket::o", type: "alicloud:oss/bucket:Bucket" },
        ]);
        expect({ resources: loaded.resources, total: loaded.totalResources }).toEqual({ resources: [], total: 2 });
        expect(
            loadExport([
                { urn: STACK, type: "pulumi:pulumi:Stack" },
                { urn: "urn:pulumi:dev::web::pulumi:providers:aws::default", type: "pulumi:providers:aws" },
            ]).totalResources,
        ).toBe(0);
        // An alicloud provider is not an alicloud resource.
        expect(
            problemOf(() =>
                loadExport([
                    { urn: PROVIDER, type: "pulumi:providers:alicloud" },
                    { urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket" },
                ]),
            ),
        ).toMatch(/^stack\.json: is a Pulumi stack export of aws resources, with no alicloud resource \(1 resource\)/);
    });
});

describe("preview", () => {
    const preview = (doc: Record<string, unknown>) => fromPreview("preview.json", doc, textOf(doc));

    test("each URN's last step counts; removing steps drop it; a step's provider stands in for the state's", () => {
        const loaded = preview({
            steps: [
                { op: "create", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", inputs: { bandwidth: "1" } } },
                { op: "update", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", inputs: { bandwidth: "2" } }, provider: `${PROVIDER}::p` },
                {
                    op: "create",
                    urn: INSTANCE,
                    newState: { urn: INSTANCE, type: "alicloud:ecs/instance:Instance", inputs: {}, provider: `${DEFAULT_PROVIDER}::d` },
                    provider: `${PROVIDER}::p`,
                },
                { op: "create", urn: ASSOCIATION, newState: { urn: ASSOCIATION, type: "alicloud:ecs/eipAssociation:EipAssociation", inputs: {} } },
                { op: "delete-replaced", urn: ASSOCIATION },
                "junk",
                { op: "same" },
                { op: "delete" },
            ],
            config: { "alicloud:region": "cn-hangzhou" },
        });
        expect(loaded.format).toBe("pulumi-preview");
        expect(loaded.notes).toEqual([]);
        expect(loaded.totalResources).toBe(2);
        expect(loaded.resources).toEqual([
            { address: PROVIDER, name: "beijing", kind: "provider", type: "pulumi:providers:alicloud", props: {} },
            { address: DEFAULT_PROVIDER, name: "default_1_240_0", kind: "provider", type: "pulumi:providers:alicloud", props: { region: "cn-hangzhou" } },
            {
                address: EIP,
                name: "ip",
                kind: "eip",
                type: "alicloud:ecs/eipAddress:EipAddress",
                props: { bandwidth: "2", id: UNKNOWN },
                provider: PROVIDER,
                propertyDependencies: {},
                declared: { bandwidth: "2" },
            },
            {
                address: INSTANCE,
                name: "web",
                kind: "ecsInstance",
                type: "alicloud:ecs/instance:Instance",
                props: { id: UNKNOWN },
                provider: DEFAULT_PROVIDER,
                propertyDependencies: {},
                declared: {},
            },
        ]);
    });

    test("a preview's inputs are what the program declared: an input left unset is absent, one not known yet unknown; a state without inputs declares nothing known", () => {
        const loaded = preview({
            steps: [
                {
                    op: "create",
                    urn: EIP,
                    newState: {
                        urn: EIP,
                        type: "alicloud:ecs/eipAddress:EipAddress",
                        inputs: { bandwidth: "2", addressName: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
                        outputs: { bandwidth: "2", addressName: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", isp: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
                    },
                },
                {
                    op: "create",
                    urn: INSTANCE,
                    newState: { urn: INSTANCE, type: "alicloud:ecs/instance:Instance", outputs: { privateIp: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } },
                },
            ],
        });
        const [eip, instance] = loaded.resources.filter((resource) => resource.kind !== "provider");
        expect(eip.declared).toEqual({ bandwidth: "2", addressName: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
        expect(instance.declared).toBeUndefined();
    });

    test.each(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "read-discard"])("a %s step removes the resource", (op) => {
        const loaded = preview({
            steps: [
                { op: "same", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" } },
                { op, urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" } },
            ],
        });
        expect(loaded.resources).toEqual([]);
    });

    // The engine sends policies no resource read with .get() (step_executor.go keeps reads out of
    // AnalyzeStack): the checker leaves them out as the pack never sees them.
    test.each(["read", "read-replacement"])("a %s step, or a step whose new state is external, leaves the resource out", (op) => {
        const read = { urn: INSTANCE, type: "alicloud:ecs/instance:Instance", id: "i-legacy", external: true, outputs: { vswitchId: "vsw-1" } };
        expect(preview({ steps: [{ op, urn: INSTANCE, newState: read }] }).resources).toEqual([]);
        expect(preview({ steps: [{ op: "same", urn: INSTANCE, newState: read }] }).resources).toEqual([]);
        expect(preview({ steps: [{ op: "same", urn: INSTANCE, newState: { ...read, external: false } }] }).resources.map((resource) => resource.address)).toEqual([INSTANCE]);
    });

    test("a step without an op (or with one that is not a string) keeps its new state; a removing step without a URN removes nothing", () => {
        const state = { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" };
        expect(preview({ steps: [{ op: 5, newState: state }] }).resources.map((resource) => resource.address)).toEqual([EIP]);
        expect(preview({ steps: [{ newState: state }, { op: "delete" }, { op: "delete", urn: 3 }] }).resources.map((resource) => resource.address)).toEqual([EIP]);
        expect(preview({ steps: [{ op: "create", newState: { type: "alicloud:ecs/eipAddress:EipAddress" } }] }).resources).toEqual([]);
    });

    test.each(["create", "update", "same", "replace", "create-replacement", "refresh", ""])("a %j step keeps its new state", (op) => {
        const loaded = preview({ steps: [{ op, urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" } }] });
        expect(loaded.resources.map((resource) => resource.address)).toEqual([EIP]);
    });

    // The engine sends such resources with no properties (provider_plugin.go Create/Update at
    // preview): the checker reads them the same way, and says once that it could not check them.
    test("a resource without outputs on a provider whose configuration is unknown has no properties, and the check says so once", () => {
        const unknownKey = { [SIG]: SECRET, value: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" };
        const provider = { urn: PROVIDER, type: "pulumi:providers:alicloud", inputs: { region: "cn-beijing", secretKey: unknownKey } };
        const onIt = { provider: `${PROVIDER}::p` };
        const loaded = preview({
            steps: [
                { op: "create", urn: PROVIDER, newState: provider },
                { op: "create", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", inputs: { bandwidth: "5" }, ...onIt } },
                { op: "create", urn: ASSOCIATION, newState: { urn: ASSOCIATION, type: "alicloud:ecs/eipAssociation:EipAssociation", inputs: { allocationId: "eip-1" }, ...onIt } },
                { op: "same", urn: INSTANCE, newState: { urn: INSTANCE, type: "alicloud:ecs/instance:Instance", id: "i-1", outputs: { vswitchId: "vsw-1" }, ...onIt } },
            ],
        });
        expect(loaded.resources.map((resource) => [resource.name, resource.props])).toEqual([
            ["beijing", { region: "cn-beijing", secretKey: unknownKey.value }],
            ["ip", {}],
            ["ip-assoc", {}],
            ["web", { vswitchId: "vsw-1", id: "i-1" }],
        ]);
        const notes = checkResources(loaded.resources, {}, new Date("2026-06-01T00:00:00Z")).filter((reported) => reported.detail.startsWith("Could not check 2 resources"));
        expect(notes.map((reported) => [reported.rule.name, reported.level, reported.address])).toEqual([[RULES[0].name, "advisory", undefined]]);
    });

    test("a default provider not in the preview takes the stack's alicloud:region, unless secret or absent; other providers do not", () => {
        const regionOf = (config: unknown, provider = DEFAULT_PROVIDER) =>
            preview({ steps: [{ op: "create", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress", provider: `${provider}::id` } }], config }).resources[0]
                .props;
        expect(regionOf({ "alicloud:region": "cn-beijing" })).toEqual({ region: "cn-beijing" });
        expect(regionOf({ "alicloud:region": "cn-beijing" }, "urn:pulumi:dev::web::pulumi:providers:alicloud::default")).toEqual({ region: "cn-beijing" });
        expect(regionOf({ "alicloud:region": "cn-beijing" }, "urn:pulumi:dev::web::pulumi:providers:alicloud::defaultish")).toEqual({});
        expect(regionOf({ "alicloud:region": "cn-beijing" }, PROVIDER)).toEqual({});
        expect(regionOf({ "alicloud:region": "[secret]" })).toEqual({});
        expect(regionOf({ "alicloud:region": 5 })).toEqual({});
        expect(regionOf({})).toEqual({});
        expect(regionOf(undefined)).toEqual({});
        expect(regionOf("cn-beijing")).toEqual({});
    });

    test("a preview without --show-sames says that the unchanged resources are not in it", () => {
        const step = { op: "create", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" } };
        expect(preview({ steps: [step], changeSummary: { create: 1, same: 4 } }).notes).toEqual([
            "The preview lists only the resources it changes; the 4 it leaves as they are are not in it and are treated as outside the stack. Run `pulumi preview --json --show-sames` to check the whole stack.",
        ]);
        expect(preview({ changeSummary: { same: 1 } }).notes).toHaveLength(1);
        expect(preview({ steps: [step, { op: "same", urn: INSTANCE }], changeSummary: { same: 1 } }).notes).toEqual([]);
        expect(preview({ steps: [step], changeSummary: { same: 0 } }).notes).toEqual([]);
        expect(preview({ steps: [step], changeSummary: { same: "4" } }).notes).toEqual([]);
        expect(preview({ steps: [step], changeSummary: [] }).notes).toEqual([]);
    });

    test("a resource's line is the one with its URN; a preview of other providers is refused", () => {
        const doc = { steps: [{ op: "create", urn: EIP, newState: { urn: EIP, type: "alicloud:ecs/eipAddress:EipAddress" } }] };
        const loaded = preview(doc);
        expect(loaded.locate(EIP)).toBe(5);
        expect(
            problemOf(() =>
                preview({
                    steps: [
                        {
                            op: "create",
                            urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b",
                            newState: { urn: "urn:pulumi:dev::web::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket" },
                        },
                    ],
                }),
            ),
        ).toBe("preview.json: is a Pulumi preview of aws resources, with no alicloud resource (1 resource). This checker reads Alibaba Cloud (alicloud) infrastructure only.");
    });
});
