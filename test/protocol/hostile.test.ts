// Stacks of hostile values through the real server: the pack must answer every call, never throw,
// never let the framework skip a policy as "can't run during preview", and never report a mandatory
// violation it cannot prove.

import * as path from "path";
import { AnalyzerClient, Diagnostic, EngineResource } from "../../policypack/testing/engine/analyzer";
import { everyViolation } from "../support/catalogue";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";
import { SENTINELS } from "../support/sentinels";

const packDir = path.resolve(__dirname, "../..");
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(packDir);
    await client.open({ stack: "dev", project: "hostile", organization: "acme", dryRun: true });
});

afterAll(async () => {
    await client?.close();
});

const SECRET = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
// Resource references (signature 5cf8f730...) are left out: the engine downgrades them to ids before
// an analyzer sees them, and @pulumi/policy's own deserializer rejects them before any pack code runs.

function deep(depth: number): unknown {
    let value: unknown = { allocationId: "eip-deep" };
    for (let i = 0; i < depth; i++) {
        value = i % 2 ? { nested: value } : [value];
    }
    return value;
}

/** Values of every shape a property may hold, sensible or not. */
const HOSTILE: unknown[] = [
    null,
    "",
    "   ",
    0,
    -1,
    1e308,
    true,
    false,
    [],
    {},
    [null, "", 5, {}, []],
    { allocationId: 5 },
    "not-an-id",
    "eip-",
    "i-",
    "10.0.0.0/33",
    "999.1.1.1/24",
    ...SENTINELS,
    SENTINELS,
    Object.fromEntries(SENTINELS.map((s, i) => [`k${i}`, s])),
    SECRET("eip-secret-value"),
    SECRET(SENTINELS[0]),
    Array.from({ length: 2000 }, (_, i) => ({ zoneId: `z${i % 3}`, vswitchId: SENTINELS[0], allocationId: i % 2 ? SENTINELS[0] : `eip-${i}` })),
    deep(40),
    "x".repeat(100000),
];

/** A small deterministic generator, so that a failing case can be replayed from its seed. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

function mandatory(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter((d) => d.enforcementLevel === "mandatory");
}

function noSkips(diagnostics: readonly Diagnostic[]): void {
    expect(diagnostics.filter((d) => /can't run policy|could not finish evaluating/.test(d.message))).toEqual([]);
}

const ALICLOUD_TYPES = [
    "alicloud:ecs/eipAssociation:EipAssociation",
    "alicloud:ecs/eipAddress:EipAddress",
    "alicloud:ecs/eip:Eip",
    "alicloud:ecs/instance:Instance",
    "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface",
    "alicloud:vpc/natGateway:NatGateway",
    "alicloud:vpc/forwardEntry:ForwardEntry",
    "alicloud:vpc/switch:Switch",
    "alicloud:slb/loadBalancer:LoadBalancer",
    "alicloud:alb/loadBalancer:LoadBalancer",
    "alicloud:nlb/loadBalancer:LoadBalancer",
    "alicloud:vpc/haVipv2:HaVipv2",
    "pulumi:providers:alicloud",
];
const KEYS = [
    "id",
    "allocationId",
    "instanceId",
    "instanceType",
    "mode",
    "privateIpAddress",
    "vpcId",
    "vswitchId",
    "zoneMappings",
    "internetMaxBandwidthOut",
    "addressType",
    "networkType",
    "cidrBlock",
    "zoneId",
    "internalIp",
    "privateIp",
    "primaryIpAddress",
    "privateIpAddresses",
    "secondaryPrivateIpAddressCount",
    "resourceGroupId",
    "region",
];

test("a stack made only of hostile values: every call answers, nothing mandatory is invented", async () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const provider = { urn: "urn:pulumi:dev::hostile::pulumi:providers:alicloud::p", type: "pulumi:providers:alicloud", name: "p", properties: { region: SENTINELS[0] } };
    const stack: EngineResource[] = [];
    for (let i = 0; i < 60; i++) {
        const type = pick(ALICLOUD_TYPES);
        const properties: Record<string, unknown> = {};
        for (const key of KEYS) {
            if (next() < 0.5) {
                properties[key] = pick(HOSTILE);
            }
        }
        const urn = `urn:pulumi:dev::hostile::${type}::r${i}`;
        stack.push({
            urn,
            type,
            name: next() < 0.1 ? "" : `r${i}`,
            properties,
            dependencies: next() < 0.5 ? [`urn:pulumi:dev::hostile::gone::x${i}`] : [],
            propertyDependencies: Object.fromEntries(
                KEYS.filter(() => next() < 0.3).map((key) => [
                    key,
                    next() < 0.5 ? [urn] : [`urn:pulumi:dev::hostile::gone::y${i}`, stack[Math.floor(next() * (stack.length || 1))]?.urn ?? urn],
                ]),
            ),
            provider: next() < 0.8 ? provider : undefined,
        });
    }
    const { diagnostics } = await client.analyzeStack(stack);
    noSkips(diagnostics);
    expect(mandatory(diagnostics)).toEqual([]);
    for (const resource of stack.slice(0, 30)) {
        expect((await client.analyze(resource)).diagnostics).toEqual([]);
    }
});

test("the catalogue with hostile values swapped in: never a failed call or a skipped policy", async () => {
    for (let seed = 1; seed <= 25; seed++) {
        const next = random(seed);
        const plan = new Plan("preview");
        everyViolation(plan);
        const stack = toEngineResources(plan.resources()).map((resource) => {
            if (next() > 0.3) {
                return resource;
            }
            const properties = { ...resource.properties };
            const key = KEYS[Math.floor(next() * KEYS.length)];
            properties[key] = HOSTILE[Math.floor(next() * HOSTILE.length)];
            return { ...resource, properties };
        });
        const { diagnostics } = await client.analyzeStack(stack);
        expect({ seed, skipped: diagnostics.filter((d) => /can't run policy|could not finish evaluating/.test(d.message)).map((d) => d.message) }).toEqual({ seed, skipped: [] });
    }
}, 180000); // 25 requests, each also sent to the ordinary path's twin (test/support/compare-paths.ts)

test("associations whose every field is an unknown of another type, without dependencies", async () => {
    const provider = { urn: "urn:pulumi:dev::hostile::pulumi:providers:alicloud::default", type: "pulumi:providers:alicloud", name: "default", properties: {} };
    const stack: EngineResource[] = [{ ...provider, properties: {} }];
    SENTINELS.forEach((sentinel, i) => {
        stack.push({
            urn: `urn:pulumi:dev::hostile::alicloud:ecs/eipAssociation:EipAssociation::a${i}`,
            type: "alicloud:ecs/eipAssociation:EipAssociation",
            name: `a${i}`,
            properties: { id: sentinel, allocationId: sentinel, instanceId: sentinel, instanceType: sentinel, mode: sentinel },
            provider,
        });
    });
    const { diagnostics } = await client.analyzeStack(stack);
    noSkips(diagnostics);
    expect(mandatory(diagnostics)).toEqual([]);
});

test("resources without a provider, duplicate URNs and dangling references decide nothing by guess", async () => {
    const association = (name: string, allocationId: unknown, instanceId: unknown, deps: Record<string, string[]>): EngineResource => ({
        urn: "urn:pulumi:dev::hostile::alicloud:ecs/eipAssociation:EipAssociation::dup",
        type: "alicloud:ecs/eipAssociation:EipAssociation",
        name,
        properties: { allocationId, instanceId },
        propertyDependencies: deps,
    });
    const stack = [
        association("one", SENTINELS[0], SENTINELS[0], { allocationId: ["urn:nowhere"], instanceId: ["urn:nowhere"] }),
        association("two", SENTINELS[0], SENTINELS[0], { allocationId: ["urn:nowhere"], instanceId: ["urn:nowhere"] }),
    ];
    const { diagnostics } = await client.analyzeStack(stack);
    noSkips(diagnostics);
    expect(mandatory(diagnostics)).toEqual([]);
});
