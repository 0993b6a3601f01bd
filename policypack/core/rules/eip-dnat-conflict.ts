// eip-dnat-conflict: an ECS instance serves the Internet through an EIP or through DNAT, not both.
//
// FAQ: "If your ECS instance is already associated with an EIP, you cannot use the DNAT feature of a
// NAT Gateway to provide Internet services." and "If you have already added a DNAT entry for an ECS
// instance, you cannot associate an EIP with that ECS instance."
//
// A DNAT entry (alicloud.vpc.ForwardEntry) names its instance by private IP, `internalIp`: usually
// `instance.privateIp`, unknown at preview and traced through its dependency, or a literal equal to
// the instance's private IP in the gateway's VPC. Whichever of the two is declared first, the other
// one fails.

import { appendTo } from "../collections";
import { describe, describeBinding, listOf } from "../describe";
import { Binding, Model } from "../model";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { asString, isUnknown, prop } from "../values";
import { bindingsOnto } from "./common";

/** Where a resource sits: its VPC and its vSwitch, as identities, when they can be told. */
function networkOf(model: Model, resource: ResourceInput): { vpc?: string; vswitch?: string } {
    const vswitch = model.vswitchOf(resource);
    const direct = model.identity(model.resolve(resource, "vpcId", ["vpc"], model.setting(resource, "vpcId")));
    const viaVswitch = vswitch.kind === "resource" ? model.identity(model.resolve(vswitch.resource, "vpcId", ["vpc"], model.setting(vswitch.resource, "vpcId"))) : undefined;
    return { vpc: direct ?? viaVswitch, vswitch: model.identity(vswitch) };
}

/** True when two resources are provably in one VPC: the same VPC, or the same vSwitch. */
function sameNetwork(model: Model, a: ResourceInput, b: ResourceInput): boolean {
    const x = networkOf(model, a);
    const y = networkOf(model, b);
    if (x.vpc !== undefined && y.vpc !== undefined) {
        return x.vpc === y.vpc;
    }
    return x.vswitch !== undefined && x.vswitch === y.vswitch;
}

/** The NAT gateway a DNAT entry belongs to, through its forward table. */
function gatewayOf(model: Model, entry: ResourceInput): ResourceInput | undefined {
    const value = prop(entry.props, "forwardTableId");
    if (isUnknown(value)) {
        const candidates = model.dependencyCandidates(entry, "forwardTableId", ["natGateway"]);
        return candidates.length === 1 ? candidates[0] : undefined;
    }
    const table = asString(value);
    if (typeof table !== "string") {
        return undefined;
    }
    const owners = model.ofKind("natGateway").filter((gateway) => {
        const tables = model.setting(gateway, "forwardTableIds");
        const list = Array.isArray(tables) ? tables : typeof tables === "string" ? tables.split(",") : [];
        return list.some((id) => typeof id === "string" && id.trim() === table);
    });
    return owners.length === 1 ? owners[0] : undefined;
}

/** The private IPs an instance declares or reports, when known. */
function knownIpsOf(model: Model, instance: ResourceInput): string[] {
    return ["privateIp", "primaryIpAddress"].map((key) => asString(model.setting(instance, key))).filter((ip): ip is string => typeof ip === "string");
}

/**
 * The one ECS instance whose private IP a DNAT entry forwards to, when it can be told: the instance
 * the address was computed from (`instance.privateIp`, whether its value is known yet or not, unless
 * the instance's known address says otherwise), or else the one planned instance that declares that
 * address and is provably in the VPC of the entry's gateway (private IPs repeat across VPCs).
 */
function dnatInstance(model: Model, entry: ResourceInput, byPrivateIp: Map<string, ResourceInput[]>): ResourceInput | undefined {
    const value = prop(entry.props, "internalIp");
    const ip = asString(value);
    if (typeof ip !== "string" && !isUnknown(value)) {
        return undefined; // Not set, or not an address: the entry forwards to nothing that can be told.
    }
    const sources = model.dependencyCandidates(entry, "internalIp", ["ecsInstance"]);
    if (sources.length === 1) {
        const known = knownIpsOf(model, sources[0]);
        return typeof ip !== "string" || known.length === 0 || known.includes(ip) ? sources[0] : undefined;
    }
    if (isUnknown(value)) {
        return undefined;
    }
    const gateway = gatewayOf(model, entry);
    if (typeof ip !== "string" || gateway === undefined) {
        return undefined;
    }
    const owners = byPrivateIp.get(ip) ?? [];
    return owners.length === 1 && sameNetwork(model, owners[0], gateway) ? owners[0] : undefined;
}

/** The planned ECS instances by the private IPs they declare or report. */
function instancesByPrivateIp(model: Model): Map<string, ResourceInput[]> {
    const byIp = new Map<string, ResourceInput[]>();
    for (const instance of model.ofKind("ecsInstance")) {
        for (const ip of new Set(knownIpsOf(model, instance))) {
            appendTo(byIp, ip, instance);
        }
    }
    return byIp;
}

export const eipDnatConflict = defineRule({
    name: "eip-dnat-conflict",
    description: "An ECS instance cannot both be associated with an EIP and be the target of a NAT gateway DNAT entry.",
    faq: "If your ECS instance is already associated with an EIP, you cannot use the DNAT feature of a NAT Gateway to provide Internet services. If you have already added a DNAT entry for an ECS instance, you cannot associate an EIP with that ECS instance.",
    rejects: [
        "An ECS instance with an EIP that is also the internal target of a DNAT entry (`alicloud.vpc.ForwardEntry`): `internalIp` computed from the instance (`instance.privateIp`), or a literal equal to the instance's private IP in the gateway's VPC. Reported on both the association and the DNAT entry, whichever was declared first.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Choose one way for the instance to serve the Internet. To use DNAT, remove the EipAssociation and keep the alicloud.vpc.ForwardEntry. To use the EIP, remove the DNAT entries that forward to the instance's private IP. To have both, attach a secondary ENI and bind the EIP to it.",
    tags: ["eip", "nat-gateway", "dnat", "ecs"],
    options: {},
    requires: ["eipAssociation"],
    check({ model, report }) {
        const eipsByInstance = new Map<ResourceInput, Binding[]>();
        for (const binding of bindingsOnto(model, "ecsInstance", "EcsInstance")) {
            if (binding.target.kind === "resource") {
                const instance = binding.target.resource;
                appendTo(eipsByInstance, instance, binding);
            }
        }
        if (eipsByInstance.size === 0) {
            return;
        }
        const byPrivateIp = instancesByPrivateIp(model);
        for (const entry of model.ofKind("forwardEntry")) {
            const instance = dnatInstance(model, entry, byPrivateIp);
            const bindings = instance === undefined ? undefined : eipsByInstance.get(instance);
            if (instance === undefined || bindings === undefined) {
                continue;
            }
            const associations = listOf(bindings.map((binding) => describeBinding(binding)));
            const message = `${describe(instance)} is associated with an EIP (${associations}) and is also the internal target of ${describe(entry)}. An ECS instance with an EIP cannot use a NAT gateway's DNAT, and an instance with a DNAT entry cannot take an EIP, whichever comes first. Remove the DNAT entry or the EIP association, or bind the EIP to a secondary ENI of the instance.`;
            const involved = [instance, entry, ...bindings.map((binding) => binding.via)];
            report.violation(entry, message, involved);
            for (const binding of bindings) {
                report.violation(binding.via, message, involved);
            }
        }
    },
});
