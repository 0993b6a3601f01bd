// The contract between the pack and @pulumi/policy: each internal policypack/crossguard/framework.ts
// relies on, checked against the installed version, with probe policies run through the server's own
// AnalyzeStack handler on requests encoded and decoded as the engine and gRPC do. A failure names
// the internal that changed; the header of framework.ts says what depends on it and what happens
// without it. After the contract: how framework.ts falls back, on stand-ins for the proxy.

import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { PACK_NAME } from "../../policypack/core/pack";
import { ALICLOUD_PROVIDER_TYPE, EIP_ASSOCIATION_TYPE } from "../../policypack/pulumi/types";
import {
    PROXY_TARGET_KEY,
    RequestScopes,
    appliedConfigOf,
    deploymentTokenOf,
    levelOf,
    propertiesOf,
    reportAs,
    servingWith,
    withSkip,
    ownDataPropsOf,
    proxyTargetOf,
    rawPropsOf,
    reportAdvisory,
    requestTokenOf,
    typeGateOf,
    withTypeGate,
} from "../../policypack/crossguard/framework";
import { AnalyzeResult, EngineResource, encodeAnalyzeStack, readResult, receivedAnalyze, receivedAnalyzeStack } from "../../policypack/testing/engine/analyzer";
import { UNKNOWN_SENTINEL } from "../../policypack/testing/engine/sentinel";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";

/** The @pulumi/policy whose server.js, proxy.js, policy.js and deserialize.js this contract was read against. */
const READ_AGAINST = "1.21.0";

const PINNED: string = require("../../package.json").devDependencies["@pulumi/policy"];
const INSTALLED = String(require("@pulumi/policy/package.json").version).replace(/^v/, "");

// Exported by @pulumi/policy but missing from its typings (marked @internal there).
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy") as {
    unknownCheckingProxy: <T extends object>(target: T) => T;
    UnknownValueError: new (...args: unknown[]) => Error;
};
// Internal modules, reached only from this test.
const proxyModule = require("@pulumi/policy/proxy") as { getSpecialProxyTarget?: unknown };
const policyModule = require("@pulumi/policy/policy") as { getPulumiType?: (obj: unknown) => string | undefined };
type Handler = (call: { request: unknown }, callback: (error: unknown, response: unknown) => void) => void;
const serverModule = require("@pulumi/policy/server") as {
    makeAnalyzeStackRpcFun?: (name: string, version: string, level: string, policies: StackValidationPolicy[]) => Handler;
    makeAnalyzeRpcFun?: (name: string, version: string, level: string, policies: ResourceValidationPolicy[]) => Handler;
};

/** Runs `check`; a failure says first which internal of @pulumi/policy no longer holds. */
async function holds(internal: string, check: () => void | Promise<void>): Promise<void> {
    try {
        await check();
    } catch (error) {
        throw new Error(
            `@pulumi/policy ${INSTALLED} no longer holds to: ${internal}\n` +
                "See the header of policypack/crossguard/framework.ts for what relies on it and what happens without it.\n\n" +
                (error instanceof Error ? error.message : String(error)),
            { cause: error },
        );
    }
}

/** `policies` through the server's own AnalyzeStack handler, in this process. */
function analyzeStack(policies: StackValidationPolicy[], resources: readonly EngineResource[]): Promise<AnalyzeResult> {
    const make = serverModule.makeAnalyzeStackRpcFun;
    if (typeof make !== "function") {
        throw new Error(`@pulumi/policy ${INSTALLED}: server.js no longer exports makeAnalyzeStackRpcFun, through which this test reaches the server's AnalyzeStack handler.`);
    }
    const handle = make(PACK_NAME, "0.0.0", "advisory", policies);
    return new Promise((resolve, reject) =>
        handle({ request: receivedAnalyzeStack(resources) }, (error, response) =>
            error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(readResult(response)),
        ),
    );
}

function probe(name: string, validateStack: StackValidation, enforcementLevel: "advisory" | "mandatory" = "mandatory"): StackValidationPolicy {
    return { name, description: `Probe ${name}.`, enforcementLevel, validateStack };
}

/** A preview: a provider, an EIP and an instance whose ids are unknown, and optionally an association of the two. */
function previewStack(withAssociation = true): { resources: EngineResource[]; eip: string; association: string } {
    const plan = new Plan("preview");
    const eip = plan.eip("eip");
    const vm = plan.instance("vm", { vswitchId: plan.vswitch("vsw").ref() });
    const association = withAssociation ? plan.associate("assoc", eip, vm).address : "";
    return { resources: toEngineResources(plan.resources()), eip: eip.address, association };
}

describe("the @pulumi/policy this contract was read against", () => {
    test("package.json pins it exactly, and it is the one installed", () => {
        if (PINNED !== READ_AGAINST) {
            throw new Error(
                `package.json pins @pulumi/policy at "${PINNED}"; this contract was read against ${READ_AGAINST}. Read server.js, proxy.js, policy.js and deserialize.js of the pinned version against the header of policypack/crossguard/framework.ts, run this test, then set READ_AGAINST to the pin.`,
            );
        }
        if (INSTALLED !== PINNED) {
            throw new Error(`node_modules holds @pulumi/policy ${INSTALLED}, package.json pins ${PINNED}: run npm ci.`);
        }
    });
});

describe("1. the proxy's target key", () => {
    test("proxy.js names the key framework.ts asks for", async () => {
        await holds(`proxy.js getSpecialProxyTarget is "${PROXY_TARGET_KEY}"`, () => expect(proxyModule.getSpecialProxyTarget).toBe(PROXY_TARGET_KEY));
    });

    test("the server hands out props that throw on an unknown, hand out their target, and read the same through descriptors", async () => {
        const { resources, eip } = previewStack();
        const seen: { urn: string; props: unknown; providerProps: unknown; threw: unknown }[] = [];
        const result = await analyzeStack(
            [
                probe("raw", (args) => {
                    for (const resource of args.resources) {
                        let threw: unknown;
                        try {
                            void (resource.props as Record<string, unknown>).id;
                        } catch (error) {
                            threw = error;
                        }
                        seen.push({ urn: resource.urn, props: resource.props, providerProps: resource.provider?.props, threw });
                    }
                }),
            ],
            resources,
        );
        expect(result.diagnostics).toEqual([]);
        const read = seen.find((entry) => entry.urn === eip)!;
        await holds("the server wraps props in unknownCheckingProxy, and reading an unknown throws UnknownValueError (the reason for the key)", () =>
            expect(read.threw).toBeInstanceOf(UnknownValueError),
        );
        await holds(`a props proxy answers "${PROXY_TARGET_KEY}" with its target, the raw props`, () => {
            expect(seen.map((entry) => proxyTargetOf(entry.props) !== undefined)).toEqual(seen.map(() => true));
            expect(proxyTargetOf(read.props)!.id).toBe(UNKNOWN_SENTINEL);
            expect(seen.filter((entry) => entry.providerProps !== undefined).map((entry) => proxyTargetOf(entry.providerProps)?.region)).toEqual(
                seen.filter((entry) => entry.providerProps !== undefined).map(() => "cn-hangzhou"),
            );
        });
        await holds("the props proxy traps only get: property descriptors read the raw values (the fallback)", () => {
            for (const entry of seen) {
                expect(ownDataPropsOf(entry.props as object)).toEqual(proxyTargetOf(entry.props));
            }
        });
        expect(rawPropsOf(read.props)).toBe(proxyTargetOf(read.props));
    });
});

describe("2. the type gate", () => {
    test("policy.js reads the gate where withTypeGate sets it", async () => {
        const gated = withTypeGate(() => undefined, EIP_ASSOCIATION_TYPE);
        expect(typeGateOf(gated)).toBe(EIP_ASSOCIATION_TYPE);
        await holds("policy.js getPulumiType reads the type a validation function is gated on", () => expect(policyModule.getPulumiType?.(gated)).toBe(EIP_ASSOCIATION_TYPE));
    });

    test("the server skips a gated policy when the stack has no resource of its type, and runs it when it has", async () => {
        let calls = 0;
        const policies = [
            probe(
                "gated",
                withTypeGate(() => void calls++, EIP_ASSOCIATION_TYPE),
            ),
            probe(
                "provider-gated",
                withTypeGate(() => void calls++, ALICLOUD_PROVIDER_TYPE),
            ),
        ];
        const without = await analyzeStack(policies, previewStack(false).resources);
        await holds("the server reads the gate of a stack policy and skips it, as not applicable, without calling it", () => {
            expect(without.notApplicable.map((entry) => entry.policyName)).toEqual(["gated"]);
            expect(calls).toBe(1);
        });
        calls = 0;
        const withIt = await analyzeStack(policies, previewStack(true).resources);
        await holds("the server runs a gated stack policy when a resource of its type is in the stack", () => {
            expect(withIt.notApplicable).toEqual([]);
            expect(calls).toBe(2);
        });
    });
});

describe("3. the object form of reportViolation", () => {
    test("an advisory report from a mandatory policy reaches the engine as advisory, its message alone", async () => {
        const { resources, association } = previewStack();
        const result = await analyzeStack(
            [
                probe("reports", (_args, report) => {
                    reportAdvisory(report, "a note", association);
                    report("a violation", association);
                }),
            ],
            resources,
        );
        const sent = result.diagnostics.map((d) => ({ policyName: d.policyName, message: d.message, urn: d.urn, enforcementLevel: d.enforcementLevel }));
        await holds("reportViolation takes {message, urn, enforcementLevel}, whose level overrides the policy's and whose message goes out as given", () =>
            expect(sent[0]).toEqual({ policyName: "reports", message: "a note", urn: association, enforcementLevel: "advisory" }),
        );
        expect(sent[1]).toEqual({ policyName: "reports", message: "Probe reports.\na violation", urn: association, enforcementLevel: "mandatory" });
    });
});

describe("4. the request token", () => {
    test("every policy of one AnalyzeStack request gets the same token, another request another one", async () => {
        const { resources } = previewStack();
        const tokens: (object | undefined)[][] = [];
        const record = (args: StackValidationArgs) => void tokens[tokens.length - 1].push(requestTokenOf(args));
        const policies = [probe("first", record), probe("second", record)];
        for (let request = 0; request < 2; request++) {
            tokens.push([]);
            await analyzeStack(policies, resources);
        }
        const [[a1, a2], [b1, b2]] = tokens;
        await holds("opts.aliases of a stack resource is an object, the request message's own array", () => {
            expect(typeof a1).toBe("object");
            expect(typeof b1).toBe("object");
        });
        await holds("opts.aliases of the first resource is the same object for every policy of one request", () => {
            expect(a2).toBe(a1);
            expect(b2).toBe(b1);
        });
        await holds("opts.aliases differs between two requests (else the model cache would serve an earlier stack)", () => expect(b1).not.toBe(a1));
    });
});

describe("5. the deployment token", () => {
    // That ConfigureStack replaces it is checked out of process, where ConfigureStack can be sent:
    // test/protocol/inputs.test.ts, two deployments in one process.
    test("every Analyze and AnalyzeStack call gets the same stackTags object until the next ConfigureStack", async () => {
        const make = serverModule.makeAnalyzeRpcFun;
        if (typeof make !== "function") {
            throw new Error(`@pulumi/policy ${INSTALLED}: server.js no longer exports makeAnalyzeRpcFun, through which this test reaches the server's Analyze handler.`);
        }
        const { resources } = previewStack();
        const tokens: (object | undefined)[] = [];
        const analyze = make(PACK_NAME, "0.0.0", "advisory", [
            {
                name: "resource",
                description: "Probe resource.",
                enforcementLevel: "advisory",
                validateResource: (args: ResourceValidationArgs) => void tokens.push(deploymentTokenOf(args)),
            },
        ]);
        for (const resource of resources.slice(0, 2)) {
            await new Promise((resolve, reject) =>
                analyze({ request: receivedAnalyze(resource) }, (error, response) =>
                    error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(response),
                ),
            );
        }
        await analyzeStack([probe("stack", (args) => void tokens.push(deploymentTokenOf(args)))], resources);
        await holds("args.stackTags is an object, the same for every Analyze and AnalyzeStack call between two ConfigureStack calls", () => {
            expect(tokens).toHaveLength(3);
            expect(typeof tokens[0]).toBe("object");
            expect(tokens[1]).toBe(tokens[0]);
            expect(tokens[2]).toBe(tokens[0]);
        });
    });
});

// The protocol stubs and grpc-js as @pulumi/policy resolves them (framework.ts 6).
const policyDir = require("path").dirname(require.resolve("@pulumi/policy/server")) as string;
const fromPolicy = (id: string) => require(require.resolve(id, { paths: [policyDir] }));
const analyzerpb = fromPolicy("@pulumi/pulumi/proto/analyzer_pb");
const analyzerrpc = fromPolicy("@pulumi/pulumi/proto/analyzer_grpc_pb");
const grpc = fromPolicy("@grpc/grpc-js");
const structpb = fromPolicy("google-protobuf/google/protobuf/struct_pb");

/** A Configure request: per policy a level (the enum's number) and properties. */
function configureRequest(entries: Record<string, [number, Record<string, unknown>]>): unknown {
    const request = new analyzerpb.ConfigureAnalyzerRequest();
    for (const [name, [level, properties]] of Object.entries(entries)) {
        const config = new analyzerpb.PolicyConfig();
        config.setEnforcementlevel(level);
        config.setProperties(structpb.Struct.fromJavaScript(properties));
        request.getPolicyconfigMap().set(name, config);
    }
    return request;
}

describe("6. the handlers", () => {
    test("new PolicyPack serves through addService, whose AnalyzeStack handler then runs in the pack's scope and whose applied Configure is reported", async () => {
        const { PolicyPack } = require("@pulumi/policy") as typeof import("@pulumi/policy");
        const prototype = grpc.Server.prototype as { addService: unknown };
        const before = prototype.addService;
        const servers: { forceShutdown(): void }[] = [];
        const capture = jest.spyOn(grpc.Server.prototype, "addService").mockImplementation(function (this: { forceShutdown(): void }, ...args: unknown[]) {
            servers.push(this);
            return (before as (...a: unknown[]) => unknown).apply(this, args);
        });
        let announce: (port: string) => void = () => undefined;
        const announced = new Promise<string>((resolve) => (announce = resolve));
        const log = jest.spyOn(console, "log").mockImplementation((line: unknown) => announce(String(line)));
        const scopes = new RequestScopes<{ id: number }>();
        const seen: { scope: unknown; config: unknown }[] = [];
        const configured: unknown[] = [];
        let requests = 0;
        let hooked = false;
        try {
            hooked = servingWith(
                scopes,
                { scopeFor: () => ({ id: ++requests }), configured: (request) => void configured.push(request) },
                () =>
                    new PolicyPack("framework-contract", {
                        policies: [
                            probe("scoped", (args) => void seen.push({ scope: scopes.current(), config: args.getConfig() })),
                            probe("scoped-too", (args) => void seen.push({ scope: scopes.current(), config: args.getConfig() })),
                        ],
                    }),
            );
            capture.mockRestore();
            await holds("@pulumi/policy's serve() calls addService of its grpc-js Server with @pulumi/pulumi's AnalyzerService while new PolicyPack runs", () => {
                expect(hooked).toBe(true);
                expect(servers).toHaveLength(1);
            });
            expect(prototype.addService).toBe(before);
            const port = await announced;
            const client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
            const call = (method: string, request: unknown) =>
                new Promise<unknown>((resolve, reject) => client[method](request, (error: Error | null, response: unknown) => (error ? reject(error) : resolve(response))));
            const configure = configureRequest({ scoped: [1, { exemptions: [], limit: 3 }], "scoped-too": [0, {}] });
            await call("configure", configure);
            const analyzeStackOnce = () =>
                new Promise((resolve, reject) =>
                    client.makeUnaryRequest(
                        analyzerrpc.AnalyzerService.analyzeStack.path,
                        (buffer: Buffer) => buffer,
                        analyzerrpc.AnalyzerService.analyzeStack.responseDeserialize,
                        encodeAnalyzeStack(previewStack().resources),
                        (error: Error | null, response: unknown) => (error ? reject(error) : resolve(response)),
                    ),
                );
            await Promise.all([analyzeStackOnce(), analyzeStackOnce()]);
            client.close();
            await holds("the server's Configure handler calls back without an error once it applied the configuration", () => expect(configured).toHaveLength(1));
            await holds("the AnalyzeStack handler runs every policy of a request in that request's scope, even when two requests overlap", () => {
                expect(seen).toHaveLength(4);
                const byScope = new Map<unknown, number>();
                for (const entry of seen) {
                    byScope.set(entry.scope, (byScope.get(entry.scope) ?? 0) + 1);
                }
                expect([...byScope.values()]).toEqual([2, 2]);
                expect([...byScope.keys()].every((scope) => scope !== undefined)).toBe(true);
            });
            await holds("9. the server gives a policy the properties Configure sent without the level, as appliedConfigOf reads them", () => {
                const applied = appliedConfigOf(configured[0]);
                expect(applied.get("scoped")).toEqual({ exemptions: [], limit: 3, enforcementLevel: "mandatory" });
                expect(seen[0].config).toEqual(propertiesOf(applied.get("scoped")));
                expect(seen[1].config).toEqual(propertiesOf(applied.get("scoped-too")));
            });
        } finally {
            capture.mockRestore();
            log.mockRestore();
            for (const server of servers) {
                server.forceShutdown();
            }
        }
    });
});

describe("7. the skip", () => {
    test("a policy whose validateStack reads as undefined is passed over: no call, no diagnostic, no not-applicable entry, no deserialisation", async () => {
        const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: unknown };
        const counter = jest.spyOn(deserialize as { deserializeProperties: (...args: unknown[]) => unknown }, "deserializeProperties");
        const { resources } = previewStack();
        let called = 0;
        let reads = 0;
        const skippable = (skip: boolean) =>
            withSkip(
                probe("skippable", () => void called++),
                () => {
                    reads++;
                    return skip;
                },
            );
        try {
            await analyzeStack([skippable(false)], resources);
            const once = counter.mock.calls.length;
            counter.mockClear();
            const result = await analyzeStack([skippable(true)], resources);
            await holds("the server reads validateStack once and passes over a policy whose validateStack is not a function, without deserialising the stack", () => {
                expect(once).toBeGreaterThan(0);
                expect(counter.mock.calls.length).toBe(0);
                expect(called).toBe(1);
                expect(result).toEqual({ diagnostics: [], notApplicable: [] });
            });
            reads = 0;
            const disabled = { ...probe("disabled", () => void called++), enforcementLevel: "disabled" as const };
            await analyzeStack(
                [
                    withSkip(disabled, () => {
                        reads++;
                        return false;
                    }),
                ],
                resources,
            );
            await holds("the server decides a disabled policy from its level alone, without reading validateStack", () => expect(reads).toBe(0));
        } finally {
            counter.mockRestore();
        }
        expect(
            withSkip(
                probe("throws", () => undefined),
                () => {
                    throw new Error("no");
                },
            ).validateStack,
        ).toBeInstanceOf(Function);
    });
});

describe("8. reporting for another policy", () => {
    test("reportAs gives the diagnostics the named policy gives itself, for each level and for advisory notes", async () => {
        const { resources, association } = previewStack();
        for (const level of ["mandatory", "advisory"] as const) {
            const self = await analyzeStack(
                [
                    {
                        ...probe(
                            "named",
                            (_args, report) => {
                                report("a violation", association);
                                report("", undefined);
                                reportAdvisory(report, "a note", association);
                            },
                            level,
                        ),
                        severity: "high",
                    },
                ],
                resources,
            );
            const as = { name: "named", description: "Probe named.", severity: "high", level };
            const other = await analyzeStack(
                [
                    {
                        ...probe(
                            "reporter",
                            (_args, report) => {
                                reportAs(report, as, "a violation", association, false);
                                reportAs(report, as, "", undefined, false);
                                reportAs(report, as, "a note", association, true);
                            },
                            "advisory",
                        ),
                        severity: "low",
                    },
                ],
                resources,
            );
            await holds("the object form of reportViolation takes name, description and severity besides message, urn and level", () => expect(other).toEqual(self));
        }
    });
});

describe("9. the configuration and the level", () => {
    test("levelOf is the server's: the configured level, else the policy's, else the pack's; remediate as mandatory", () => {
        expect(levelOf({ enforcementLevel: "advisory" }, "mandatory")).toBe("advisory");
        expect(levelOf({ enforcementLevel: "remediate" }, "advisory")).toBe("mandatory");
        expect(levelOf({}, "mandatory")).toBe("mandatory");
        expect(levelOf(undefined, undefined)).toBe("advisory");
        expect(propertiesOf(undefined)).toEqual({});
    });

    test("appliedConfigOf fails where the server's Configure would, on a level it does not know", () => {
        expect(() => appliedConfigOf(configureRequest({ odd: [7, {}] }))).toThrow();
    });
});

describe("the fallbacks, on stand-ins", () => {
    test("rawPropsOf returns the raw values, sentinels included, without tripping the proxy", () => {
        const props = unknownCheckingProxy({ id: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", nested: { a: 1 } });
        const raw = rawPropsOf(props);
        expect(raw.id).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
        expect(raw.nested).toEqual({ a: 1 });
        expect(rawPropsOf({ plain: true })).toEqual({ plain: true });
        expect(rawPropsOf(null)).toEqual({});
        expect(rawPropsOf("text")).toEqual({});
    });

    test("rawPropsOf copies through property descriptors when a proxy will not hand out its target", () => {
        const target = { a: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", b: 2 };
        const stubborn = new Proxy(target, {
            get: (obj, key) => {
                if (obj[key as keyof typeof obj] === "04da6b54-80e4-46f7-96ec-b56ff0331ba9") {
                    throw new Error("unknown");
                }
                return key === "__getSpecialProxyTarget" ? undefined : obj[key as keyof typeof obj];
            },
        });
        expect(rawPropsOf(stubborn)).toEqual(target);
    });

    test("rawPropsOf copies own data properties when asking for the proxy target throws", () => {
        const props = {
            a: 1,
            b: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            get __getSpecialProxyTarget(): unknown {
                throw new Error("no such key");
            },
            get computed(): unknown {
                return 2;
            },
        };
        expect(rawPropsOf(props)).toEqual({ a: 1, b: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
    });

    test("rawPropsOf copies when the target handed out is the props themselves, a list, or not an object", () => {
        const self: Record<string, unknown> = { a: 1 };
        self.__getSpecialProxyTarget = self;
        expect(rawPropsOf(self)).toEqual({ a: 1, __getSpecialProxyTarget: self });
        expect(rawPropsOf({ a: 1, __getSpecialProxyTarget: ["x"] })).toEqual({ a: 1, __getSpecialProxyTarget: ["x"] });
        expect(rawPropsOf({ a: 1, __getSpecialProxyTarget: "x" })).toEqual({ a: 1, __getSpecialProxyTarget: "x" });
        expect(rawPropsOf({ a: 1, __getSpecialProxyTarget: null })).toEqual({ a: 1, __getSpecialProxyTarget: null });
    });

    test("rawPropsOf returns the target itself when one is handed out", () => {
        const target = { z: 1 };
        expect(rawPropsOf({ __getSpecialProxyTarget: target })).toBe(target);
    });

    test("a request without resources, or whose options cannot be read, has no token", () => {
        const args = (resources: unknown[]) => ({ resources }) as unknown as StackValidationArgs;
        const unreadable = {} as PolicyResource;
        Object.defineProperty(unreadable, "opts", {
            get() {
                throw new Error("no opts");
            },
        });
        expect(requestTokenOf(args([]))).toBeUndefined();
        expect(requestTokenOf(args([unreadable]))).toBeUndefined();
        expect(requestTokenOf(args([{ opts: { aliases: "same" } }]))).toBeUndefined();
    });

    test("arguments without tags, or whose tags cannot be read, have no deployment token", () => {
        expect(deploymentTokenOf({} as unknown as StackValidationArgs)).toBeUndefined();
        const unreadable = {} as StackValidationArgs;
        Object.defineProperty(unreadable, "stackTags", {
            get() {
                throw new Error("no tags");
            },
        });
        expect(deploymentTokenOf(unreadable)).toBeUndefined();
    });

    test("an ungated validation function has no gate", () => {
        expect(typeGateOf(() => undefined)).toBeUndefined();
    });
});
