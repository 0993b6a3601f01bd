// The recorder of inputs (policypack/crossguard/inputs.ts): what the engine's Analyze calls carry is
// kept by URN for the stack policies of the same deployment, and only for it.

import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { PACK_NAME } from "../../policypack/core/pack";
import { INPUTS_POLICY, INPUTS_POLICY_NAME, recordInputs, recordedInputsFor } from "../../policypack/crossguard/inputs";
import { POLICIES } from "../../policypack/crossguard/policies";
import { AnalyzeResult, EngineResource, readResult, receivedAnalyze, receivedAnalyzeStack } from "../../policypack/testing/engine/analyzer";
import { UNKNOWN_SENTINEL } from "../../policypack/testing/engine/sentinel";
import { toAnalyzeRequests, toEngineResources } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";

type Handler = (call: { request: unknown }, callback: (error: unknown, response: unknown) => void) => void;
const server = require("@pulumi/policy/server") as { makeAnalyzeRpcFun: (...args: unknown[]) => Handler; makeAnalyzeStackRpcFun: (...args: unknown[]) => Handler };
const { unknownCheckingProxy } = require("@pulumi/policy") as { unknownCheckingProxy: <T extends object>(target: T) => T };

function call(handler: Handler, request: unknown): Promise<AnalyzeResult> {
    return new Promise((resolve, reject) =>
        handler({ request }, (error, response) => (error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(readResult(response)))),
    );
}

const analyzeHandler = server.makeAnalyzeRpcFun(PACK_NAME, "0.0.0", "advisory", [...POLICIES, INPUTS_POLICY]);
const analyzeStackHandler = server.makeAnalyzeStackRpcFun(PACK_NAME, "0.0.0", "advisory", [...POLICIES, INPUTS_POLICY]);

/** One EIP copied into both zone mappings of an ALB, as the engine sends it at preview. */
function copiedEip(): { analyze: EngineResource[]; stack: EngineResource[] } {
    const plan = new Plan("preview");
    const eip = plan.eip("eip");
    plan.add("alb", "alb", {
        addressType: "Internet",
        zoneMappings: ["a", "b"].map((zone, i) => ({
            zoneId: `cn-hangzhou-${zone}`,
            vswitchId: plan.vswitch(`vsw-${zone}`, `10.0.${i}.0/24`, { zoneId: `cn-hangzhou-${zone}` }).ref(),
            allocationId: eip.ref(),
        })),
    });
    return { analyze: toAnalyzeRequests(plan.resources({ declared: true })), stack: toEngineResources(plan.resources()) };
}

const eipSingleBinding = (result: AnalyzeResult) => result.diagnostics.filter((d) => d.policyName === "eip-single-binding").map((d) => d.enforcementLevel);

describe("through the server's own handlers", () => {
    test("Analyze records, AnalyzeStack reads: one EIP in two zone mappings is a violation at preview", async () => {
        const { analyze, stack } = copiedEip();
        for (const resource of analyze) {
            expect(await call(analyzeHandler, receivedAnalyze(resource))).toEqual({ diagnostics: [], notApplicable: [] });
        }
        expect(eipSingleBinding(await call(analyzeStackHandler, receivedAnalyzeStack(stack)))).toEqual(["mandatory"]);
    });

    test("without Analyze calls the stack policies read outputs alone: a note", async () => {
        const { stack } = copiedEip();
        // Another request token and no record for these URNs: the previous test's records were read.
        const renamed = stack.map((resource) => ({
            ...resource,
            urn: `${resource.urn}-2`,
            propertyDependencies: Object.fromEntries(Object.entries(resource.propertyDependencies ?? {}).map(([key, urns]) => [key, urns.map((urn) => `${urn}-2`)])),
        }));
        expect(eipSingleBinding(await call(analyzeStackHandler, receivedAnalyzeStack(renamed)))).toEqual(["advisory"]);
    });

    test("the recorder reports nothing, and is not applicable to types the pack does not read", async () => {
        const bucket = { urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket", name: "b", properties: { bucket: "b" } };
        const result = await call(analyzeHandler, receivedAnalyze(bucket));
        expect(result.diagnostics).toEqual([]);
        expect(result.notApplicable.map((entry) => entry.policyName)).toEqual([INPUTS_POLICY_NAME]);
    });
});

describe("the records", () => {
    const args = (urn: string, token: object, props: Record<string, unknown>, type = "alicloud:ecs/eipAssociation:EipAssociation") =>
        ({ urn, type, props: unknownCheckingProxy(props), stackTags: token, notApplicable: () => undefined }) as unknown as ResourceValidationArgs;
    const stackArgs = (token: object) => ({ resources: [], stackTags: token }) as unknown as StackValidationArgs;

    test("are kept per deployment: another deployment's token finds none of them", () => {
        const first = new Map();
        const second = new Map();
        recordInputs(args("urn:a", first, { mode: UNKNOWN_SENTINEL }));
        expect(recordedInputsFor(stackArgs(second))("urn:a")).toBeUndefined();
        expect(recordedInputsFor(stackArgs(first))("urn:a")).toEqual({ mode: UNKNOWN_SENTINEL });
    });

    test("read by an AnalyzeStack, they are dropped when the next deployment in the same process records", () => {
        const token = new Map();
        recordInputs(args("urn:a", token, { mode: "NAT" }));
        const read = recordedInputsFor(stackArgs(token));
        expect(read("urn:a")).toEqual({ mode: "NAT" });
        expect(recordedInputsFor(stackArgs(token))("urn:a")).toEqual({ mode: "NAT" });
        recordInputs(args("urn:b", token, {}));
        expect(recordedInputsFor(stackArgs(token))("urn:a")).toBeUndefined();
        expect(recordedInputsFor(stackArgs(token))("urn:b")).toEqual({});
    });

    test("hold raw values past the framework's proxy, sentinels included; providers and other types are not kept", () => {
        const token = new Map();
        recordInputs(args("urn:z", token, { allocationId: UNKNOWN_SENTINEL, nested: [{ a: UNKNOWN_SENTINEL }] }));
        recordInputs(args("urn:p", token, { region: "cn-hangzhou" }, "pulumi:providers:alicloud"));
        recordInputs(args("urn:s", token, { bucket: "b" }, "aws:s3/bucket:Bucket"));
        const read = recordedInputsFor(stackArgs(token));
        expect(read("urn:z")).toEqual({ allocationId: UNKNOWN_SENTINEL, nested: [{ a: UNKNOWN_SENTINEL }] });
        expect([read("urn:p"), read("urn:s")]).toEqual([undefined, undefined]);
    });

    test("calls without a token share one set of records, still dropped once read", () => {
        const none = (urn: string) => ({ urn, type: "alicloud:ecs/eipAddress:EipAddress", props: {} }) as unknown as ResourceValidationArgs;
        recordInputs(none("urn:x"));
        const noToken = { resources: [] } as unknown as StackValidationArgs;
        expect(recordedInputsFor(noToken)("urn:x")).toEqual({});
        recordInputs(none("urn:y"));
        expect(recordedInputsFor(noToken)("urn:x")).toBeUndefined();
    });

    test("the policy: advisory, a resource policy only", () => {
        expect(INPUTS_POLICY.enforcementLevel).toBe("advisory");
        expect("validateStack" in INPUTS_POLICY).toBe(false);
        expect(INPUTS_POLICY.description).toMatch(/^[A-Z].*\.$/);
    });
});
