// The CrossGuard front end in-process, with props wrapped in the framework's own unknown-checking
// proxy exactly as server.js wraps them, so that any naive read of an unknown value would throw here
// as it would under `pulumi preview`.

import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { fromPolicyResources } from "../../policypack/crossguard/adapter";
import { typeGateOf } from "../../policypack/crossguard/framework";
import { EXEMPTIONS_SCHEMA, POLICIES, configSchemaOf, gateTypeOf, modelOf, reportFindings } from "../../policypack/crossguard/policies";
import { ResourceInput } from "../../policypack/core/resources";
import { RULES } from "../../policypack/core/rules";
import { UNKNOWN } from "../../policypack/core/values";
import { everyViolation } from "../support/catalogue";
import { wire } from "../../policypack/testing/engine/stack";
import { Plan } from "../support/plan";

// The framework's proxy (marked @internal in @pulumi/policy 1.21, so absent from its typings).
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy: <T extends object>(target: T) => T;
    UnknownValueError: new (...args: unknown[]) => Error;
};

/** PolicyResources as the framework builds them for one AnalyzeStack request. */
function policyResources(plan: Plan, aliases: string[] = []): PolicyResource[] {
    return policyResourcesOf(plan.resources(), aliases);
}

function policyResourcesOf(inputs: readonly ResourceInput[], aliases: string[] = []): PolicyResource[] {
    const byAddress = new Map<string, PolicyResource>();
    const resources = inputs.map((input) => {
        const provider = inputs.find((candidate) => candidate.address === input.provider);
        const resource = {
            type: input.type,
            urn: input.address,
            name: input.name,
            props: unknownCheckingProxy(wire(input.props) as Record<string, unknown>),
            opts: { protect: false, ignoreChanges: [], aliases, customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            dependencies: [],
            propertyDependencies: {},
            provider: provider && { type: provider.type, urn: provider.address, name: provider.name, props: unknownCheckingProxy(wire(provider.props) as Record<string, unknown>) },
            isType: () => false,
            asType: () => undefined,
        } as unknown as PolicyResource;
        byAddress.set(input.address, resource);
        return resource;
    });
    inputs.forEach((input, i) => {
        for (const [key, urns] of Object.entries(input.propertyDependencies ?? {})) {
            resources[i].propertyDependencies[key] = urns.map((urn) => byAddress.get(urn)!).filter(Boolean);
        }
    });
    return resources;
}

function args(resources: PolicyResource[], config: Record<string, unknown> = {}): StackValidationArgs {
    return {
        resources,
        getConfig: <T extends object>() => config as T,
        stackTags: new Map(),
        notApplicable: () => {
            throw new Error("not applicable");
        },
    };
}

interface Reported {
    message: string;
    urn?: string;
    level?: string;
}

function run(policyName: string, resources: PolicyResource[], config: Record<string, unknown> = {}): Reported[] {
    const reported: Reported[] = [];
    const report = ((message: unknown, urn?: string) => {
        if (typeof message === "string") {
            reported.push({ message, urn });
        } else {
            const diagnostic = message as { message: string; urn?: string; enforcementLevel: string };
            reported.push({ message: diagnostic.message, urn: diagnostic.urn, level: diagnostic.enforcementLevel });
        }
    }) as ReportViolation;
    void POLICIES.find((policy) => policy.name === policyName)!.validateStack(args(resources, config), report);
    return reported;
}

describe("reading props through the framework's proxy", () => {
    test("the proxy really throws on a naive read of an unknown", () => {
        const plan = new Plan("preview");
        plan.eip("eip");
        const [, eip] = policyResources(plan);
        expect(() => (eip.props as Record<string, unknown>).id).toThrow(UnknownValueError);
    });

    test("every policy runs on the all-unknown catalogue without throwing, and finds what it must", () => {
        const plan = new Plan("preview");
        const expected = everyViolation(plan);
        const resources = policyResources(plan);
        for (const rule of RULES) {
            const reported = run(rule.name, resources);
            const violated = new Set(reported.filter((r) => r.level === undefined).map((r) => r.urn?.split("::").pop()));
            expect({ policy: rule.name, violated: [...violated].sort() }).toEqual({ policy: rule.name, violated: [...expected[rule.name]].sort() });
        }
    });
});

describe("the adapter", () => {
    test("keeps alicloud resources and their providers, with property dependencies as addresses", () => {
        const plan = new Plan("preview");
        const eip = plan.eip("eip");
        const vm = plan.instance("vm", { vswitchId: plan.vswitch("vsw").ref() });
        plan.associate("assoc", eip, vm);
        const inputs = fromPolicyResources(policyResources(plan));
        const association = inputs.find((input) => input.name === "assoc")!;
        expect(association.kind).toBe("eipAssociation");
        expect(association.propertyDependencies?.allocationId).toEqual([eip.address]);
        expect(association.provider).toBe(plan.defaultProvider.address);
        expect(inputs.some((input) => input.kind === "provider")).toBe(true);
    });

    test("takes a provider from the resource's reference when the stack does not list it", () => {
        const plan = new Plan("preview");
        plan.eip("eip");
        const resources = policyResources(plan).filter((resource) => resource.type !== "pulumi:providers:alicloud");
        const inputs = fromPolicyResources(resources);
        expect(inputs.filter((input) => input.kind === "provider").map((input) => input.props.region)).toEqual(["cn-hangzhou"]);
    });

    test("leaves out resources of other clouds and resources it cannot read", () => {
        const odd = [
            { type: "aws:s3/bucket:Bucket", urn: "u1", name: "b", props: {} },
            { type: 42, urn: "u2", name: "n", props: {} },
            {
                get type(): string {
                    throw new Error("boom");
                },
                urn: "u3",
                name: "x",
                props: {},
            },
        ] as unknown as PolicyResource[];
        expect(fromPolicyResources(odd)).toEqual([]);
    });
});

describe("one model per AnalyzeStack request", () => {
    test("policies of one request share the model; another request gets its own", () => {
        const plan = new Plan("preview");
        everyViolation(plan);
        const aliases: string[] = [];
        const first = modelOf(args(policyResources(plan, aliases)));
        const second = modelOf(args(policyResources(plan, aliases)));
        const other = modelOf(args(policyResources(plan, [])));
        expect(second).toBe(first);
        expect(other).not.toBe(first);
    });

    test("without a request token every call builds its own model", () => {
        expect(modelOf(args([]))).not.toBe(modelOf(args([])));
    });
});

describe("resources no policy could check", () => {
    // A provider whose credentials are unknown at preview: the engine sends every resource on it
    // with no properties (policypack/core/coverage.ts).
    const providerType = "pulumi:providers:alicloud";
    const provider: ResourceInput = {
        address: `urn:pulumi:dev::web::${providerType}::deployer`,
        name: "deployer",
        kind: "provider",
        type: providerType,
        props: { accessKey: UNKNOWN },
    };
    const on = (type: string, kind: ResourceInput["kind"], name: string): ResourceInput => ({
        address: `urn:pulumi:dev::web::${type}::${name}`,
        name,
        kind,
        type,
        props: {},
        provider: provider.address,
    });
    const stack = [provider, on("alicloud:ecs/eipAddress:EipAddress", "eip", "ip"), on("alicloud:ecs/eipAssociation:EipAssociation", "eipAssociation", "ip-assoc")];
    const note = /^Could not check 2 resources at this preview: "ip" and "ip-assoc" on provider "deployer"/;

    test("are named in one advisory note per request, by the first policy that runs", () => {
        for (const request of [1, 2]) {
            const resources = policyResourcesOf(stack, [`request-${request}`]);
            const notes = POLICIES.flatMap((policy) => run(policy.name, resources).map((reported) => ({ policy: policy.name, ...reported })));
            expect(notes).toEqual([{ policy: POLICIES[0].name, message: expect.stringMatching(note), urn: undefined, level: "advisory" }]);
        }
    });
});

describe("diagnostics", () => {
    test("violations go out in the documented string form, everything else as advisory objects", () => {
        const calls: unknown[][] = [];
        const report = ((...call: unknown[]) => calls.push(call)) as unknown as ReportViolation;
        reportFindings(
            [
                { policy: "eip-single-binding", outcome: "violation", resource: "urn:a", involved: [], message: "bad" },
                { policy: "eip-single-binding", outcome: "undecided", resource: "urn:b", involved: [], message: "unsure" },
                { policy: "eip-single-binding", outcome: "waived", resource: "urn:c", involved: [], message: "waived" },
                { policy: "eip-single-binding", outcome: "notice", involved: [], message: "note" },
            ],
            report,
        );
        expect(calls).toEqual([
            ["bad", "urn:a"],
            [{ message: "unsure", urn: "urn:b", enforcementLevel: "advisory" }],
            [{ message: "waived", urn: "urn:c", enforcementLevel: "advisory" }],
            [{ message: "note", urn: undefined, enforcementLevel: "advisory" }],
        ]);
    });

    test("a waived violation reaches the framework as advisory", () => {
        const plan = new Plan("preview");
        const vm = plan.instance("web", { vswitchId: plan.vswitch("vsw").ref() });
        plan.associate("a", plan.eip("e1"), vm);
        plan.associate("b", plan.eip("e2"), vm);
        const reported = run("ecs-single-eip", policyResources(plan), { exemptions: [{ resource: "*", reason: "accepted", expires: "2999-01-01" }] });
        expect(reported.map((r) => r.level)).toEqual(["advisory"]);
    });
});

describe("policy metadata", () => {
    test("association policies gate on EipAssociation, the others on the alicloud provider", () => {
        expect(gateTypeOf(["eipAssociation"])).toBe("alicloud:ecs/eipAssociation:EipAssociation");
        expect(gateTypeOf(["alb", "nlb"])).toBe("pulumi:providers:alicloud");
        expect(gateTypeOf(["eipAssociation", "alb"])).toBe("pulumi:providers:alicloud");
        for (const policy of POLICIES) {
            const rule = RULES.find((candidate) => candidate.name === policy.name)!;
            expect(typeGateOf(policy.validateStack)).toBe(gateTypeOf(rule.requires));
        }
    });

    test("every option has its schema, and every policy takes exemptions", () => {
        for (const rule of RULES) {
            const schema = configSchemaOf(rule);
            expect(schema.properties.exemptions).toBe(EXEMPTIONS_SCHEMA);
            expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(rule.options), "exemptions"].sort());
        }
    });
});
