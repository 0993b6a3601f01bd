// The model the rules read (references, regions, zone mappings, bindings), how messages name what
// they find, the facts read about targets, and the reporter that collects findings.

import {
    describe as describeResource,
    describeBinding,
    describeEip,
    describeRef,
    describeRegion,
    describeTarget,
    involvedIn,
    listOf,
    LISTED_AT_MOST,
    plural,
} from "../../policypack/core/describe";
import { Binding, Model } from "../../policypack/core/model";
import { ResourceInput, ResourceKind } from "../../policypack/core/resources";
import { Reporter } from "../../policypack/core/rule";
import { clbAddressType, eniAddresses, natNetworkType, secondaryIpCount } from "../../policypack/core/targets";
import { UNKNOWN } from "../../policypack/core/values";

function resource(kind: ResourceKind, name: string, props: Record<string, unknown> = {}, extra: Partial<ResourceInput> = {}): ResourceInput {
    return { address: `urn:${kind}::${name}`, name, kind, type: `t:${kind}`, props, ...extra };
}

describe("Model", () => {
    const hangzhou = resource("provider", "default_3_108_0", { region: " CN-Hangzhou " });
    const beijing = resource("provider", "beijing", { region: "cn-beijing" });
    const envRegion = resource("provider", "from-env", {});
    const eip = resource("eip", "eip", { id: "eip-1" }, { provider: hangzhou.address });
    const vm = resource("ecsInstance", "vm", { id: "i-1" }, { provider: beijing.address });

    test("resolves a known id to the planned resource of a fitting kind, else to a literal", () => {
        const model = new Model([hangzhou, eip, vm]);
        const association = resource("eipAssociation", "a", { allocationId: "eip-1", instanceId: "eip-1", vpcId: 5 });
        expect(model.resolve(association, "allocationId", ["eip"])).toEqual({ kind: "resource", resource: eip });
        expect(model.resolve(association, "instanceId", ["ecsInstance"])).toEqual({ kind: "literal", id: "eip-1" });
        expect(model.resolve(association, "missing", ["eip"])).toEqual({ kind: "absent" });
        expect(model.resolve(association, "vpcId", ["vpc"])).toEqual({ kind: "unresolved" });
    });

    test("resolves an unknown value through its dependencies only when exactly one fits", () => {
        const other = resource("eip", "other");
        const model = new Model([eip, other, vm]);
        const deps = (list: string[]) => resource("eipAssociation", "a", { allocationId: UNKNOWN }, { propertyDependencies: { allocationId: list } });
        expect(model.resolve(deps([eip.address, vm.address]), "allocationId", ["eip"])).toEqual({ kind: "resource", resource: eip, via: "dependency" });
        expect(model.resolve(deps([eip.address, eip.address]), "allocationId", ["eip"])).toEqual({ kind: "resource", resource: eip, via: "dependency" });
        expect(model.resolve(deps([eip.address, other.address]), "allocationId", ["eip"])).toEqual({ kind: "unresolved" });
        expect(model.resolve(deps([vm.address, "urn:nowhere"]), "allocationId", ["eip"])).toEqual({ kind: "unresolved" });
    });

    test("a provider's id names no resource", () => {
        const provider = resource("provider", "p", { id: "eip-9" });
        const model = new Model([provider]);
        expect(model.resolve(resource("eipAssociation", "a", { allocationId: "eip-9" }), "allocationId", ["provider", "eip"])).toEqual({ kind: "literal", id: "eip-9" });
    });

    test("the first resource with an address is the one found by it", () => {
        const second = { ...eip, name: "duplicate" };
        const model = new Model([eip, second]);
        expect(model.byAddress(eip.address)).toBe(eip);
        expect(model.byAddress(undefined)).toBeUndefined();
        expect(model.ofKind("eip")).toEqual([eip, second]);
        expect(model.ofKind("nlb")).toEqual([]);
    });

    test("a setting left unknown without dependencies is unset; with dependencies it stays unknown", () => {
        const model = new Model([]);
        const loose = resource("eipAssociation", "a", { mode: UNKNOWN });
        const computed = resource("eipAssociation", "b", { mode: UNKNOWN }, { propertyDependencies: { mode: ["urn:x"] } });
        const emptyDeps = resource("eipAssociation", "c", { mode: UNKNOWN }, { propertyDependencies: { mode: [] } });
        expect(model.setting(loose, "mode")).toBeUndefined();
        expect(model.setting(computed, "mode")).toBe(UNKNOWN);
        expect(model.setting(emptyDeps, "mode")).toBeUndefined();
        expect(model.setting(resource("eipAssociation", "d", { mode: "NAT" }), "mode")).toBe("NAT");
    });

    test("regions come from providers: trimmed and lower-cased, unknown when left to the environment", () => {
        const unplaced = resource("eip", "unplaced");
        const onEnv = resource("eip", "on-env", {}, { provider: envRegion.address });
        const model = new Model([hangzhou, beijing, envRegion, eip, vm, unplaced, onEnv]);
        expect(model.regionOf(eip)).toEqual({ provider: hangzhou, value: "cn-hangzhou" });
        expect(model.regionOf(unplaced)).toEqual({ value: UNKNOWN });
        expect(model.regionOf(onEnv)).toEqual({ provider: envRegion, value: UNKNOWN });
        expect(model.compareRegions(model.regionOf(eip), model.regionOf(vm))).toBe("different");
        expect(model.compareRegions(model.regionOf(eip), { value: "cn-hangzhou" })).toBe("same");
        expect(model.compareRegions(model.regionOf(onEnv), model.regionOf(onEnv))).toBe("same");
        expect(model.compareRegions(model.regionOf(onEnv), model.regionOf(eip))).toBe("unknown");
        expect(model.compareRegions(model.regionOf(unplaced), model.regionOf(unplaced))).toBe("unknown");
    });

    test("an ALB without zone mappings has none, and is complete", () => {
        expect(new Model([]).zoneMappingsOf(resource("alb", "lb"))).toEqual({ mappings: [], unplaced: [], complete: true });
    });

    test("an association without instanceId has no target kind and no instance type", () => {
        const association = resource("eipAssociation", "a", { allocationId: "eip-1" });
        const model = new Model([eip, association]);
        const [binding] = model.bindings;
        expect(binding.target).toEqual({ kind: "absent" });
        expect(binding.targetKind).toBeUndefined();
        expect(model.effectiveInstanceType(binding)).toBeUndefined();
    });

    test("identities: by id when known, else by address; none for what cannot be named", () => {
        const model = new Model([]);
        expect(model.identity({ kind: "resource", resource: eip })).toBe("id:eip-1");
        expect(model.identity({ kind: "resource", resource: resource("eip", "new") })).toBe("address:urn:eip::new");
        expect(model.identity({ kind: "literal", id: "eip-1" })).toBe("id:eip-1");
        expect(model.identity({ kind: "unresolved" })).toBeUndefined();
        expect(model.identity({ kind: "absent" })).toBeUndefined();
    });
});

describe("describe", () => {
    const lb = resource("alb", "lb");
    const eip = resource("eip", "e");
    const association = resource("eipAssociation", "a");
    const mapping = (index: number | undefined, target: Binding["target"] = { kind: "resource", resource: lb }): Binding => ({
        key: "k",
        source: "zoneMapping",
        via: lb,
        zoneMappingIndex: index,
        eip: { kind: "resource", resource: eip },
        target,
        targetKind: "alb",
        declaredInstanceType: undefined,
        mode: undefined,
        privateIpAddress: undefined,
        vpcId: undefined,
    });

    test("references are named by resource name, or by what they are", () => {
        expect(describeRef({ kind: "resource", resource: eip }, "EIP")).toBe('EIP "e"');
        expect(describeRef({ kind: "literal", id: "eip-secret" }, "EIP")).toBe("an EIP named by a literal id (not managed in this stack)");
        expect(describeRef({ kind: "unresolved" }, "EIP")).toBe("an EIP that cannot be resolved before deployment");
        expect(describeRef({ kind: "absent" }, "EIP")).toBe("no EIP");
    });

    test("bindings are named by their association or their zone mapping, counted from 1", () => {
        expect(describeBinding({ ...mapping(0), source: "association", via: association })).toBe('EIP association "a"');
        expect(describeBinding(mapping(0))).toBe('zone mapping 1 of ALB instance "lb"');
        expect(describeBinding(mapping(2))).toBe('zone mapping 3 of ALB instance "lb"');
        expect(describeBinding(mapping(undefined))).toBe('a zone mapping of ALB instance "lb"');
        expect(describeEip(mapping(0))).toBe('EIP "e"');
        expect(describeTarget(mapping(0, { kind: "absent" }))).toBe("no resource");
        expect(describeResource(resource("forwardEntry", "dnat"))).toBe('DNAT entry "dnat"');
    });

    test("involvedIn lists the binding's resources that are in the stack", () => {
        expect(involvedIn(mapping(0))).toEqual([lb, eip, lb]);
        expect(involvedIn({ ...mapping(0, { kind: "literal", id: "i-1" }), eip: { kind: "unresolved" } })).toEqual([lb]);
    });

    test("lists and counts", () => {
        expect(listOf([])).toBe("");
        expect(listOf(["a"])).toBe("a");
        expect(listOf(["a", "b"])).toBe("a and b");
        expect(listOf(["a", "b", "c"])).toBe("a, b and c");
        const many = Array.from({ length: LISTED_AT_MOST + 3 }, (_, n) => `n${n}`);
        expect(listOf(many.slice(0, LISTED_AT_MOST))).toBe(`${many.slice(0, LISTED_AT_MOST - 1).join(", ")} and n${LISTED_AT_MOST - 1}`);
        expect(listOf(many)).toBe(`${many.slice(0, LISTED_AT_MOST).join(", ")} and 3 more`);
        expect(listOf(many, 2)).toBe(`n0, n1 and ${LISTED_AT_MOST + 1} more`);
        expect(plural(0, "EIP")).toBe("0 EIPs");
        expect(plural(1, "EIP")).toBe("1 EIP");
        expect(plural(2, "EIP")).toBe("2 EIPs");
        expect(plural(1, "address", "addresses")).toBe("1 address");
        expect(plural(3, "address", "addresses")).toBe("3 addresses");
    });

    test("regions are named by their provider", () => {
        const byDefault = resource("provider", "default_3_108_0", { region: "cn-hangzhou" });
        const explicit = resource("provider", "beijing", { region: "cn-beijing" });
        const onDefault = resource("eip", "x", {}, { provider: byDefault.address });
        const onExplicit = resource("eip", "y", {}, { provider: explicit.address });
        const nowhere = resource("eip", "z");
        const model = new Model([byDefault, explicit, onDefault, onExplicit, nowhere]);
        expect(describeRegion(model, onDefault)).toBe('the stack\'s default region (alicloud:region, provider "default_3_108_0")');
        expect(describeRegion(model, onExplicit)).toBe('the region of provider "beijing"');
        expect(describeRegion(model, nowhere)).toBe("an unknown region");
    });
});

describe("targets", () => {
    const model = new Model([]);

    test("a CLB's address type: declared (any case), else Internet unless placed in a vSwitch", () => {
        expect(clbAddressType(model, resource("clb", "c", { addressType: "Intranet" }))).toBe("intranet");
        expect(clbAddressType(model, resource("clb", "c", { addressType: "INTERNET", vswitchId: "vsw-1" }))).toBe("internet");
        expect(clbAddressType(model, resource("clb", "c", { addressType: "public" }))).toBe(UNKNOWN);
        expect(clbAddressType(model, resource("clb", "c", {}))).toBe("internet");
        expect(clbAddressType(model, resource("clb", "c", { vswitchId: "vsw-1" }))).toBe("intranet");
        expect(clbAddressType(model, resource("clb", "c", { vswitchId: UNKNOWN }, { propertyDependencies: { vswitchId: ["urn:v"] } }))).toBe(UNKNOWN);
        expect(clbAddressType(model, resource("clb", "c", { addressType: UNKNOWN, vswitchId: UNKNOWN }))).toBe("internet");
    });

    test("a NAT gateway is Internet unless it says intranet", () => {
        expect(natNetworkType(model, resource("natGateway", "n", {}))).toBe("internet");
        expect(natNetworkType(model, resource("natGateway", "n", { networkType: "Intranet" }))).toBe("intranet");
        expect(natNetworkType(model, resource("natGateway", "n", { networkType: "internet" }))).toBe("internet");
        expect(natNetworkType(model, resource("natGateway", "n", { networkType: "vpc" }))).toBe(UNKNOWN);
    });

    test("secondary private IPs: a list's length, else a whole count from 0, else none", () => {
        const count = (props: Record<string, unknown>) =>
            secondaryIpCount(model, resource("eni", "e", props), ["privateIpAddresses", "privateIps"], ["secondaryPrivateIpAddressCount", "privateIpsCount"]);
        expect(count({})).toBe(0);
        expect(count({ privateIpAddresses: ["10.0.0.2", "10.0.0.3"] })).toBe(2);
        expect(count({ privateIps: ["10.0.0.2"], secondaryPrivateIpAddressCount: 5 })).toBe(1);
        expect(count({ privateIpAddresses: "10.0.0.2" })).toBe(UNKNOWN);
        expect(count({ secondaryPrivateIpAddressCount: 0 })).toBe(0);
        expect(count({ secondaryPrivateIpAddressCount: "3" })).toBe(3);
        expect(count({ privateIpsCount: 4 })).toBe(4);
        expect(count({ secondaryPrivateIpAddressCount: -1 })).toBe(UNKNOWN);
        expect(count({ secondaryPrivateIpAddressCount: 1.5 })).toBe(UNKNOWN);
        expect(count({ secondaryPrivateIpAddressCount: "many" })).toBe(UNKNOWN);
    });

    test("an ENI's addresses are known only when all of them are", () => {
        expect(eniAddresses(model, resource("eni", "e", { primaryIpAddress: "10.0.0.1" }))).toEqual(["10.0.0.1"]);
        expect(eniAddresses(model, resource("eni", "e", { privateIp: "10.0.0.1", privateIps: ["10.0.0.2"] }))).toEqual(["10.0.0.1", "10.0.0.2"]);
        expect(eniAddresses(model, resource("eni", "e", { primaryIpAddress: "10.0.0.1", secondaryPrivateIpAddressCount: 2 }))).toBe(UNKNOWN);
        expect(eniAddresses(model, resource("eni", "e", { primaryIpAddress: "10.0.0.1", privateIpAddresses: ["10.0.0.2", 7] }))).toBe(UNKNOWN);
        expect(eniAddresses(model, resource("eni", "e", {}))).toBe(UNKNOWN);
    });
});

describe("Reporter", () => {
    const a = resource("eipAssociation", "a");
    const b = resource("eipAssociation", "b");

    test("reports each thing once, with the attached resource first among the involved", () => {
        const report = new Reporter("eip-single-binding");
        report.violation(a, "Twice.", [b, a], "twice");
        report.violation(a, "Twice.", [b], "twice");
        report.undecided(a, "Twice.", [], "twice");
        report.violation(b, "Twice.", [], "twice");
        report.undecided(undefined, "For the stack.", [b], "stack");
        report.undecided(undefined, "For the stack.", [], "stack");
        expect(report.findings).toEqual([
            { policy: "eip-single-binding", outcome: "violation", resource: a.address, involved: [a.address, b.address], message: "Twice.", cause: "twice" },
            { policy: "eip-single-binding", outcome: "undecided", resource: a.address, involved: [a.address], message: "Twice.", cause: "twice" },
            { policy: "eip-single-binding", outcome: "violation", resource: b.address, involved: [b.address], message: "Twice.", cause: "twice" },
            { policy: "eip-single-binding", outcome: "undecided", resource: undefined, involved: [b.address], message: "For the stack.", cause: "stack" },
        ]);
    });

    test("capitalises a message that opens with a lower-case word, and leaves vSwitch and the like alone", () => {
        const report = new Reporter("eip-single-binding");
        report.violation(a, "the cn-hangzhou-a zone mapping holds two EIPs.", [], "text");
        report.violation(a, "zone, mapping", [], "text");
        report.violation(a, 'vSwitch "v" is full.', [], "text");
        report.violation(a, "lowercase", [], "text");
        report.violation(a, "an\tEIP", [], "text");
        expect(report.findings.map((finding) => finding.message)).toEqual([
            "The cn-hangzhou-a zone mapping holds two EIPs.",
            "Zone, mapping",
            'vSwitch "v" is full.',
            "lowercase",
            "An\tEIP",
        ]);
    });
});
