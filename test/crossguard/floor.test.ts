// The fast path (policypack/crossguard/floor.ts) in process, through the server's own AnalyzeStack
// handler: run in a request scope as the pack runs it, it answers the same as without one (the
// ordinary path), deserialising the stack once instead of once per policy; and it falls back to
// the ordinary path when it cannot vouch for its answers. Out of process, every harness test
// compares the two paths (test/support/compare-paths.ts), and test/protocol/floor.test.ts covers
// overlapping and failing requests and configurations.

import type { StackValidationPolicy } from "@pulumi/policy";
import { PACK_NAME } from "../../policypack/core/pack";
import { RULES } from "../../policypack/core/rules";
import { ORDINARY_VARIABLE, SERVING_HOOKS, ordinaryPath, scopes } from "../../policypack/crossguard/floor";
import { typeGateOf } from "../../policypack/crossguard/framework";
import { POLICIES } from "../../policypack/crossguard/policies";
import { EngineResource, readResult, receivedAnalyzeStack } from "../../policypack/testing/engine/analyzer";
import { everyViolation } from "../support/catalogue";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";

type Handler = (call: { request: unknown }, callback: (error: unknown, response: unknown) => void) => void;
const serverModule = require("@pulumi/policy/server") as { makeAnalyzeStackRpcFun: (name: string, version: string, level: string, policies: StackValidationPolicy[]) => Handler };
const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: (...args: unknown[]) => unknown };

function gateOf(policy: StackValidationPolicy): string | undefined {
    return typeGateOf(policy.validateStack);
}

/** The answer's bytes, and how many props objects the server deserialised for it. */
async function answer(policies: StackValidationPolicy[], resources: readonly EngineResource[], scoped: boolean): Promise<{ bytes: Buffer; deserialised: number }> {
    const handle = serverModule.makeAnalyzeStackRpcFun(PACK_NAME, "0.0.0", "advisory", policies);
    const counter = jest.spyOn(deserialize, "deserializeProperties");
    try {
        const response = await new Promise<{ serializeBinary(): Uint8Array }>((resolve, reject) => {
            const run = () =>
                handle({ request: receivedAnalyzeStack(resources) }, (error, result) =>
                    error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(result as { serializeBinary(): Uint8Array }),
                );
            if (scoped) {
                scopes.run(SERVING_HOOKS.scopeFor(), run);
            } else {
                run();
            }
        });
        return { bytes: Buffer.from(response.serializeBinary()), deserialised: counter.mock.calls.length };
    } finally {
        counter.mockRestore();
    }
}

/** Every violation of the catalogue, at preview: every policy has something to report. */
function noisy(): EngineResource[] {
    const plan = new Plan("preview");
    everyViolation(plan);
    return toEngineResources(plan.resources());
}

/** A stack where no policy has anything to report, and the EIP-association-gated ones do not apply. */
function quiet(): EngineResource[] {
    const plan = new Plan("preview");
    plan.instance("vm", { vswitchId: plan.vswitch("vsw").ref() });
    plan.eip("eip");
    return toEngineResources(plan.resources());
}

function configureRequest(entries: Record<string, Record<string, unknown>>): unknown {
    const policyDir = require("path").dirname(require.resolve("@pulumi/policy/server")) as string;
    const fromPolicy = (id: string) => require(require.resolve(id, { paths: [policyDir] }));
    const analyzerpb = fromPolicy("@pulumi/pulumi/proto/analyzer_pb");
    const structpb = fromPolicy("google-protobuf/google/protobuf/struct_pb");
    const request = new analyzerpb.ConfigureAnalyzerRequest();
    for (const [name, properties] of Object.entries(entries)) {
        const config = new analyzerpb.PolicyConfig();
        config.setEnforcementlevel(1);
        config.setProperties(structpb.Struct.fromJavaScript(properties));
        request.getPolicyconfigMap().set(name, config);
    }
    return request;
}

describe("the fast path against the ordinary one, in process", () => {
    test.each([
        ["every policy reports something", noisy],
        ["no policy reports anything", quiet],
    ])("%s: the same answer, byte for byte, from one deserialisation of the stack", async (_label, build) => {
        const resources = build();
        const ordinary = await answer(POLICIES, resources, false);
        const fast = await answer(POLICIES, resources, true);
        expect(fast.bytes.equals(ordinary.bytes)).toBe(true);
        const ran = POLICIES.filter((policy) => resources.some((resource) => resource.type === gateOf(policy))).length;
        expect(ran).toBeGreaterThan(1);
        expect(fast.deserialised * ran).toBe(ordinary.deserialised);
    });

    test("a policy with nothing to report is passed over as passed, not as not applicable; a gated one stays not applicable", async () => {
        const resources = quiet();
        const { bytes } = await answer(POLICIES, resources, true);
        const result = readResult(require("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService.analyzeStack.responseDeserialize(bytes));
        expect(result.diagnostics).toEqual([]);
        const gated = POLICIES.filter((policy) => !resources.some((resource) => resource.type === gateOf(policy)));
        expect(result.notApplicable.map((entry) => entry.policyName)).toEqual(gated.map((policy) => policy.name));
        expect(gated.length).toBeLessThan(POLICIES.length);
    });

    test("the first policy disabled: the next to run offers the model", async () => {
        const resources = noisy();
        const withoutFirst = POLICIES.map((policy, i) => (i === 0 ? Object.assign(Object.create(policy) as StackValidationPolicy, { enforcementLevel: "disabled" }) : policy));
        const ordinary = await answer(withoutFirst, resources, false);
        const fast = await answer(withoutFirst, resources, true);
        expect(fast.bytes.equals(ordinary.bytes)).toBe(true);
        expect(fast.deserialised).toBeLessThan(ordinary.deserialised / 2);
    });

    test("a mirrored configuration that is not the server's: every policy runs the ordinary way", async () => {
        const resources = noisy();
        const ordinary = await answer(POLICIES, resources, false);
        try {
            SERVING_HOOKS.configured(configureRequest({ [RULES[0].name]: { exemptions: [{ resource: "*", reason: "r", expires: "2999-01-01" }] } }));
            const fast = await answer(POLICIES, resources, true);
            expect(fast.bytes.equals(ordinary.bytes)).toBe(true);
            expect(fast.deserialised).toBe(ordinary.deserialised);
        } finally {
            SERVING_HOOKS.configured(configureRequest({}));
        }
    });

    test("a Configure in the middle of a request: the policies after it run the ordinary way", async () => {
        const resources = noisy();
        const configureBetween: StackValidationPolicy = {
            name: "configure-between",
            description: "Applies a Configure while the request is served.",
            enforcementLevel: "advisory",
            validateStack: () => SERVING_HOOKS.configured(configureRequest({})),
        };
        const policies = [POLICIES[0], configureBetween, ...POLICIES.slice(1)];
        const ordinary = await answer(policies, resources, false);
        const fast = await answer(policies, resources, true);
        expect(fast.bytes.equals(ordinary.bytes)).toBe(true);
        expect(fast.deserialised).toBe(ordinary.deserialised);
    });

    test("outside a request scope, and with EIP_GUARD_ORDINARY=1, the policies are the ordinary ones", () => {
        for (const policy of POLICIES) {
            expect(typeof policy.validateStack).toBe("function");
        }
        expect(ordinaryPath({ [ORDINARY_VARIABLE]: "1" })).toBe(true);
        expect(ordinaryPath({})).toBe(false);
    });
});
