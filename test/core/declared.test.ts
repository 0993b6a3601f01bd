// What the program declared (ResourceInput.declared, from the engine's Analyze calls in the pack and
// from a preview's inputs in the checker) settles the one thing outputs at preview cannot: whether
// an unknown value was set by the program or left to the provider.

import { Model } from "../../policypack/core/model";
import { ResourceInput } from "../../policypack/core/resources";
import { UNKNOWN } from "../../policypack/core/values";
import { UNKNOWN_SENTINEL } from "../../policypack/testing/engine/sentinel";
import { Handle, Plan } from "../support/plan";
import { undecided, violations } from "../support/verdicts";

function alb(plan: Plan, mappings: { zone: string; eip?: Handle }[]): Handle {
    return plan.add("alb", "alb", {
        addressType: "Internet",
        zoneMappings: mappings.map(({ zone, eip }, i) => ({
            zoneId: zone,
            vswitchId: plan.vswitch(`vsw-${i}`, `10.0.${i}.0/24`, { zoneId: zone }).ref(),
            allocationId: eip?.ref(),
        })),
    });
}

/** One EIP copied into both zone mappings of an ALB: examples/eip-single-binding/fail-same-eip-two-zones. */
function copiedEip(phase: "preview" | "update"): Plan {
    const plan = new Plan(phase);
    const eip = plan.eip("eip");
    alb(plan, [
        { zone: "cn-hangzhou-a", eip },
        { zone: "cn-hangzhou-b", eip },
    ]);
    return plan;
}

describe("Model.setting with declared inputs", () => {
    const base = {
        address: "urn:a",
        name: "a",
        kind: "eipAssociation" as const,
        type: "alicloud:ecs/eipAssociation:EipAssociation",
        props: { instanceType: UNKNOWN, mode: UNKNOWN_SENTINEL, vpcId: "vpc-1" },
    };

    test("an unknown the program did not declare is unset; one it declared stays unknown; known values are as they are", () => {
        const model = new Model([]);
        const declared: ResourceInput = { ...base, declared: { mode: UNKNOWN_SENTINEL, vpcId: "vpc-1", privateIpAddress: null } };
        expect(model.setting(declared, "instanceType")).toBeUndefined();
        expect(model.setting(declared, "mode")).toBe(UNKNOWN_SENTINEL);
        expect(model.setting(declared, "vpcId")).toBe("vpc-1");
        expect(model.declaredInputsOf(declared)).toBe(declared.declared);
    });

    test("declared wins over the guess from dependencies, both ways", () => {
        const model = new Model([]);
        const dependent: ResourceInput = { ...base, propertyDependencies: { instanceType: ["urn:other"] }, declared: {} };
        expect(model.setting(dependent, "instanceType")).toBeUndefined();
        // Computed from a resource outside the stack (a read the framework drops from the dependencies).
        const outside: ResourceInput = { ...base, propertyDependencies: { instanceType: [] }, declared: { instanceType: UNKNOWN_SENTINEL } };
        expect(model.setting(outside, "instanceType")).toBe(UNKNOWN);
    });

    test("without declared inputs (disabled recorder, a read, a resource kept by --target) the guess stays", () => {
        const model = new Model([]);
        expect(model.setting(base, "instanceType")).toBeUndefined();
        expect(model.setting({ ...base, propertyDependencies: { instanceType: ["urn:other"] } }, "instanceType")).toBe(UNKNOWN);
        expect(model.declaredInputsOf({ ...base, declared: "junk" as unknown as Record<string, unknown> })).toBeUndefined();
    });
});

describe("zone mappings with declared inputs", () => {
    test("one EIP copied into two zone mappings: a violation at preview, as after the update", () => {
        expect(violations(copiedEip("preview").resources({ declared: true }), "eip-single-binding")).toEqual(["eip"]);
        expect(violations(copiedEip("update").resources({ declared: true }), "eip-single-binding")).toEqual(["eip"]);
        expect(undecided(copiedEip("preview").resources({ declared: true }), "eip-single-binding")).toEqual([]);
        // From outputs alone it is a note (README, How it decides at preview).
        expect(violations(copiedEip("preview").resources(), "eip-single-binding")).toEqual([]);
        expect(undecided(copiedEip("preview").resources(), "eip-single-binding")).toEqual(["alb"]);
    });

    test("the zone mappings each hold the one EIP", () => {
        const resources = copiedEip("preview").resources({ declared: true });
        const model = new Model(resources);
        const lb = resources.find((resource) => resource.kind === "alb")!;
        const { mappings, unplaced, doubtful } = model.zoneMappingsOf(lb);
        expect(mappings.map((mapping) => (typeof mapping.eip === "object" && mapping.eip.kind === "resource" ? mapping.eip.resource.name : mapping.eip))).toEqual(["eip", "eip"]);
        expect({ unplaced, doubtful }).toEqual({ unplaced: [], doubtful: 0 });
    });

    test("two EIPs in two mappings are handed out in order, as before", () => {
        const plan = new Plan("preview");
        alb(plan, [
            { zone: "cn-hangzhou-a", eip: plan.eip("e1") },
            { zone: "cn-hangzhou-b", eip: plan.eip("e2") },
        ]);
        expect(violations(plan.resources({ declared: true }), "eip-single-binding")).toEqual([]);
        expect(undecided(plan.resources({ declared: true }), "eip-single-binding")).toEqual([]);
    });

    test("no mapping declares an EIP: none holds one, whatever the dependencies say", () => {
        const plan = new Plan("preview");
        const eip = plan.eip("eip");
        const lb = alb(plan, [{ zone: "cn-hangzhou-a" }, { zone: "cn-hangzhou-b" }]);
        const resources = plan
            .resources({ declared: true })
            .map((resource) =>
                resource.address === lb.address
                    ? { ...resource, propertyDependencies: { ...resource.propertyDependencies, zoneMappings: [...resource.propertyDependencies!.zoneMappings, eip.address] } }
                    : resource,
            );
        const model = new Model(resources);
        expect(model.bindings).toEqual([]);
        // Outputs alone: the EIP among the dependencies may be in either mapping.
        const outputsOnly = resources.map((resource) => ({ ...resource, declared: undefined }));
        expect(new Model(outputsOnly).zoneMappingsOf(outputsOnly.find((r) => r.address === lb.address)!).unplaced).toHaveLength(1);
    });

    test("every mapping declares an EIP that no EIP of the stack explains: unresolved, not unset", () => {
        const plan = new Plan("preview");
        const lb = alb(plan, [{ zone: "cn-hangzhou-a" }, { zone: "cn-hangzhou-b" }]);
        const resources = plan.resources({ declared: true }).map((resource) => {
            if (resource.address !== lb.address) {
                return resource;
            }
            const mappings = (resource.declared!.zoneMappings as Record<string, unknown>[]).map((mapping) => ({ ...mapping, allocationId: UNKNOWN_SENTINEL }));
            return { ...resource, declared: { ...resource.declared, zoneMappings: mappings } };
        });
        const model = new Model(resources);
        expect(model.bindings.map((binding) => binding.eip.kind)).toEqual(["unresolved", "unresolved"]);
        expect(undecided(resources, "eip-single-binding")).toEqual(["alb"]);
        expect(new Model(resources.map((resource) => ({ ...resource, declared: undefined }))).bindings).toEqual([]);
    });

    test("some mappings declare an EIP and some do not: which is which cannot be told (a set may come back in another order), so preview stays undecided", () => {
        const plan = new Plan("preview");
        const eip = plan.eip("eip");
        alb(plan, [{ zone: "cn-hangzhou-a", eip }, { zone: "cn-hangzhou-b", eip }, { zone: "cn-hangzhou-c" }]);
        expect(violations(plan.resources({ declared: true }), "eip-single-binding")).toEqual([]);
        expect(undecided(plan.resources({ declared: true }), "eip-single-binding")).toEqual(["alb"]);
    });

    test("declared inputs whose list does not match the outputs' are not used", () => {
        const resources = copiedEip("preview")
            .resources({ declared: true })
            .map((resource) => (resource.kind === "alb" ? { ...resource, declared: { ...resource.declared, zoneMappings: [{ allocationId: UNKNOWN_SENTINEL }] } } : resource));
        expect(violations(resources, "eip-single-binding")).toEqual([]);
        expect(undecided(resources, "eip-single-binding")).toEqual(["alb"]);
    });
});
