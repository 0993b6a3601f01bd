// The CrossGuard front end on inputs the framework may hand it in odd shapes, and the policies'
// metadata and reporting as the framework sees them.

import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { README_URL } from "../../policypack/core/pack";
import { fromPolicyResources } from "../../policypack/crossguard/adapter";
import { POLICIES, configSchemaOf, modelOf, policyFor } from "../../policypack/crossguard/policies";
import { RULES } from "../../policypack/core/rules";
import { ruleNamed } from "../support/verdicts";

const PROVIDER = { urn: "urn:pulumi:s::p::pulumi:providers:alicloud::default", type: "pulumi:providers:alicloud", name: "default", props: { region: "cn-hangzhou" } };

function policyResource(fields: Record<string, unknown>): PolicyResource {
    return { props: {}, propertyDependencies: {}, dependencies: [], opts: { aliases: [] }, ...fields } as unknown as PolicyResource;
}

function args(resources: PolicyResource[], getConfig: () => unknown = () => ({})): StackValidationArgs {
    return { resources, getConfig, stackTags: new Map() } as unknown as StackValidationArgs;
}

function record(): { calls: unknown[][]; report: ReportViolation } {
    const calls: unknown[][] = [];
    return { calls, report: (...call: unknown[]) => calls.push(call) };
}

describe("fromPolicyResources", () => {
    test("keeps only dependencies that are lists of resources with URNs", () => {
        const [input] = fromPolicyResources([
            policyResource({
                type: "alicloud:ecs/eipAssociation:EipAssociation",
                urn: "urn:a",
                name: "a",
                propertyDependencies: { allocationId: [{ urn: "urn:e" }, { urn: 5 }, null, "urn:x"], instanceId: "urn:i", vpcId: null },
            }),
        ]);
        expect(input.propertyDependencies).toEqual({ allocationId: ["urn:e"], instanceId: [], vpcId: [] });
    });

    test("dependencies (explicit and property ones, as the engine sends them) are kept as URNs, and left out when there are none", () => {
        const [input] = fromPolicyResources([
            policyResource({
                type: "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment",
                urn: "urn:t",
                name: "t",
                dependencies: [{ urn: "urn:a" }, { urn: 5 }, null, "urn:x", { urn: "urn:eni" }],
            }),
        ]);
        expect(input.dependencies).toEqual(["urn:a", "urn:eni"]);
        const [none] = fromPolicyResources([policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e", name: "e", dependencies: [] })]);
        expect(none).not.toHaveProperty("dependencies");
    });

    test("a resource without property dependencies has none", () => {
        for (const propertyDependencies of [undefined, null, "x"]) {
            const [input] = fromPolicyResources([policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e", name: "e", propertyDependencies })]);
            expect(input).toEqual({
                address: "urn:e",
                name: "e",
                kind: "eip",
                type: "alicloud:ecs/eipAddress:EipAddress",
                props: {},
                provider: undefined,
                propertyDependencies: {},
            });
        }
    });

    test("a provider referenced by several resources and missing from the stack is added once, after them", () => {
        const inputs = fromPolicyResources([
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e1", name: "e1", provider: PROVIDER }),
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e2", name: "e2", provider: PROVIDER }),
        ]);
        expect(inputs.map((input) => [input.name, input.kind, input.provider])).toEqual([
            ["e1", "eip", PROVIDER.urn],
            ["e2", "eip", PROVIDER.urn],
            ["default", "provider", undefined],
        ]);
        expect(inputs[2]).toEqual({ address: PROVIDER.urn, name: "default", kind: "provider", type: "pulumi:providers:alicloud", props: { region: "cn-hangzhou" } });
    });

    test("a provider listed in the stack is not added again", () => {
        const inputs = fromPolicyResources([
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e1", name: "e1", provider: PROVIDER }),
            policyResource({ type: PROVIDER.type, urn: PROVIDER.urn, name: "default", props: { region: "cn-beijing" } }),
        ]);
        expect(inputs.map((input) => [input.name, input.props.region])).toEqual([
            ["e1", undefined],
            ["default", "cn-beijing"],
        ]);
    });

    test("provider references without a URN or a type, or to another cloud's provider, add no provider", () => {
        const inputs = fromPolicyResources([
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e1", name: "e1", provider: { ...PROVIDER, urn: "" } }),
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e2", name: "e2", provider: { ...PROVIDER, urn: "urn:p2", type: undefined } }),
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e3", name: "e3", provider: { ...PROVIDER, urn: "urn:p3", type: "pulumi:providers:aws" } }),
            policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e4", name: "e4", provider: { ...PROVIDER, urn: 4 } }),
        ]);
        expect(inputs.map((input) => [input.name, input.provider])).toEqual([
            ["e1", undefined],
            ["e2", "urn:p2"],
            ["e3", "urn:p3"],
            ["e4", undefined],
        ]);
    });
});

describe("modelOf", () => {
    test("a request whose resources cannot be asked for a token gets a model of its own each time", () => {
        const odd = policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e", name: "e" });
        Object.defineProperty(odd, "opts", {
            get() {
                throw new Error("no opts");
            },
        });
        const first = modelOf(args([odd]));
        expect(first.resources.map((resource) => resource.name)).toEqual(["e"]);
        expect(modelOf(args([odd]))).not.toBe(first);
    });

    test("aliases that are not an object are no token", () => {
        const resource = policyResource({ type: "alicloud:ecs/eipAddress:EipAddress", urn: "urn:e", name: "e", opts: { aliases: "same" } });
        expect(modelOf(args([resource]))).not.toBe(modelOf(args([resource])));
    });
});

describe("policies", () => {
    test("each policy carries its rule's metadata and a link to its README section", () => {
        expect(POLICIES.map((policy) => policy.name)).toEqual(RULES.map((rule) => rule.name));
        const rule = ruleNamed("nat-gateway-vswitch-capacity");
        const policy = policyFor(rule);
        expect(policy).toEqual({
            name: "nat-gateway-vswitch-capacity",
            description: rule.description,
            enforcementLevel: "mandatory",
            severity: "medium",
            remediationSteps: rule.remediationSteps,
            url: "https://github.com/alicloud-eip-guard/alicloud-eip-guard/blob/main/docs/policies.md#nat-gateway-vswitch-capacity",
            tags: ["eip", "nat-gateway", "vswitch", "capacity"],
            configSchema: configSchemaOf(rule),
            validateStack: expect.any(Function),
        });
        expect(policy.tags).not.toBe(rule.tags);
        expect(README_URL).toBe("https://github.com/alicloud-eip-guard/alicloud-eip-guard/blob/main/README.md");
        expect(policyFor(ruleNamed("eip-clb-resource-group"))).toMatchObject({ enforcementLevel: "advisory", severity: "low" });
    });

    test("integer options become bounded integers in the schema, flags booleans, with their defaults", () => {
        const schema = configSchemaOf(ruleNamed("eni-eip-capacity"));
        expect(schema.properties.maxMultiBindedEips).toEqual({
            type: "integer",
            default: 10,
            minimum: 1,
            maximum: 1000,
            description: "The most EIPs one ENI may hold in multi-EIP-to-ENI mode (MULTI_BINDED).",
        });
        expect(schema.properties.reportUndecided).toEqual({ type: "boolean", default: true, description: expect.stringContaining("Set to false to keep only violations.") });
        expect(schema.properties.multiBindedAllowed).toEqual({ type: "boolean", default: false, description: expect.stringContaining("multi-EIP-to-ENI mode (MULTI_BINDED)") });
        expect(schema.required).toBeUndefined();
    });

    test("a configuration that cannot be read reports nothing rather than failing the preview", () => {
        const { calls, report } = record();
        const resources = [
            policyResource({ type: PROVIDER.type, urn: PROVIDER.urn, name: "default", props: PROVIDER.props }),
            policyResource({
                type: "alicloud:ecs/eipAssociation:EipAssociation",
                urn: "urn:a",
                name: "a",
                props: { allocationId: "eip-1", instanceId: "i-1" },
                provider: PROVIDER,
            }),
            policyResource({
                type: "alicloud:ecs/eipAssociation:EipAssociation",
                urn: "urn:b",
                name: "b",
                props: { allocationId: "eip-1", instanceId: "i-2" },
                provider: PROVIDER,
            }),
        ];
        const policy = POLICIES.find((candidate) => candidate.name === "eip-single-binding")!;
        void policy.validateStack(
            args(resources, () => {
                throw new Error("bad config");
            }),
            report,
        );
        expect(calls).toEqual([]);
        void policy.validateStack(args(resources), report);
        // One fault, once: the EIP is not in the stack, so it is shown on its first association.
        expect(calls.map((call) => call[1])).toEqual(["urn:a"]);
        const target = "\\(to a resource named by a literal id \\(not managed in this stack\\)\\)";
        expect(calls[0][0]).toMatch(
            new RegExp(
                `^An EIP named by a literal id \\(not managed in this stack\\) is bound 2 times: by EIP association "a" ${target} and EIP association "b" ${target}\\. Alibaba Cloud associates an EIP with only one cloud resource at a time, so all but one of these bindings will fail\\. Give each resource its own EIP, or remove the extra bindings\\.\nInvolved: EIP association "a" and EIP association "b"\\.$`,
            ),
        );
    });

    test("waivers are judged on ALICLOUD_EIP_GUARD_DATE when it is set", () => {
        const saved = process.env.ALICLOUD_EIP_GUARD_DATE;
        const resources = [
            policyResource({ type: "alicloud:ecs/eipAssociation:EipAssociation", urn: "urn:a", name: "a", props: { allocationId: "eip-1", instanceId: "i-1" } }),
            policyResource({ type: "alicloud:ecs/eipAssociation:EipAssociation", urn: "urn:b", name: "b", props: { allocationId: "eip-1", instanceId: "i-2" } }),
        ];
        const config = { exemptions: [{ resource: "a", reason: "moving", expires: "2030-01-01" }] };
        const policy = POLICIES.find((candidate) => candidate.name === "eip-single-binding")!;
        try {
            process.env.ALICLOUD_EIP_GUARD_DATE = "2029-12-31";
            const before = record();
            void policy.validateStack(
                args(resources, () => config),
                before.report,
            );
            expect(
                before.calls.map((call) =>
                    typeof call[0] === "string" ? ["violation", call[1]] : [(call[0] as { enforcementLevel: string }).enforcementLevel, (call[0] as { urn: string }).urn],
                ),
            ).toEqual([["advisory", "urn:a"]]);
            process.env.ALICLOUD_EIP_GUARD_DATE = "2030-01-02";
            const after = record();
            void policy.validateStack(
                args(resources, () => config),
                after.report,
            );
            expect(after.calls.filter((call) => typeof call[0] === "string").map((call) => call[1])).toEqual(["urn:a"]);
        } finally {
            if (saved === undefined) {
                delete process.env.ALICLOUD_EIP_GUARD_DATE;
            } else {
                process.env.ALICLOUD_EIP_GUARD_DATE = saved;
            }
        }
    });
});
