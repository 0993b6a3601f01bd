import { Model } from "../../policypack/core/model";
import { ResourceInput, ResourceKind } from "../../policypack/core/resources";
import { UNKNOWN } from "../../policypack/core/values";
import { compareKeys, setElements, setKey } from "../../policypack/core/zone-sets";

const parts = { zone: "cn-hangzhou-a", vswitch: "id:vsw-1", eip: "id:eip-1", eipType: undefined, intranetAddress: undefined };

describe("zone mapping sets", () => {
    test("an NLB's set is keyed by the zone alone; an ALB's by every field the user sets", () => {
        expect(setKey("nlb", parts)).toEqual(["cn-hangzhou-a"]);
        expect(setKey("alb", parts)).toEqual(["cn-hangzhou-a", "id:vsw-1", "id:eip-1", "absent", "absent"]);
        expect(setKey("alb", { ...parts, eipType: "Anycast", intranetAddress: UNKNOWN })).toEqual(["cn-hangzhou-a", "id:vsw-1", "id:eip-1", "Anycast", UNKNOWN]);
        // A mapping without a zone is no valid mapping: its zone is unknown, not a value.
        expect(setKey("nlb", { ...parts, zone: undefined })).toEqual([UNKNOWN]);
    });

    test("two keys are one element, two, or cannot be told", () => {
        expect(compareKeys(["a", "x"], ["a", "x"])).toBe("same");
        expect(compareKeys(["a", "x"], ["a", "y"])).toBe("different");
        expect(compareKeys(["a", UNKNOWN], ["b", "x"])).toBe("different");
        expect(compareKeys(["a", UNKNOWN], ["a", "x"])).toBe("unknown");
        expect(compareKeys([UNKNOWN], [UNKNOWN])).toBe("unknown");
    });

    test("elements: mappings with equal known keys share one; a key with an unknown part stands alone", () => {
        expect(setElements([["a"], ["b"], ["a"], [UNKNOWN], [UNKNOWN], ["b"]])).toEqual([[0, 2], [1, 5], [3], [4]]);
        expect(setElements([])).toEqual([]);
    });

    test("the model reads each mapping's key, and binds an EIP once per element", () => {
        const resource = (kind: ResourceKind, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): ResourceInput => ({
            address: `urn:${kind}::${name}`,
            name,
            kind,
            type: kind,
            props,
            propertyDependencies,
        });
        const eip = resource("eip", "e", { id: "eip-1" });
        const same = { zoneId: "cn-hangzhou-a", vswitchId: "vsw-1", allocationId: "eip-1" };
        for (const kind of ["alb", "nlb"] as const) {
            const lb = resource(kind, "lb", { id: `${kind}-1`, zoneMappings: [same, same, { ...same, zoneId: "cn-hangzhou-b" }] });
            const model = new Model([eip, lb]);
            expect(model.bindings.map((binding) => binding.zoneMappingIndex)).toEqual([0, 2]);
        }
        // An unknown eipType beside per-element dependencies that name none for it was left unset.
        const withDeps = resource(
            "alb",
            "lb",
            {
                id: "alb-1",
                zoneMappings: [
                    { ...same, eipType: UNKNOWN },
                    { ...same, eipType: UNKNOWN },
                ],
            },
            { "zoneMappings[0].allocationId": [eip.address] },
        );
        expect(new Model([eip, withDeps]).zoneMappingsOf(withDeps).mappings.map((mapping) => mapping.key[3])).toEqual(["absent", "absent"]);
        const noDeps = resource("alb", "lb", { id: "alb-1", zoneMappings: [{ ...same, eipType: UNKNOWN }] });
        expect(new Model([eip, noDeps]).zoneMappingsOf(noDeps).mappings[0].key[3]).toBe(UNKNOWN);
        expect(new Model([eip, noDeps]).bindings).toHaveLength(1);
    });
});
