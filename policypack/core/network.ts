// Where resources sit in the network, as far as the plan tells: VPCs and vSwitches, the NAT gateway
// that owns a forward table, the private IPs an instance declares. Answers built on the model, so
// that rules ask questions instead of reading props.

import { appendTo } from "./collections";
import { Model } from "./model";
import { ResourceInput } from "./resources";
import { asString, isUnknown, prop } from "./values";

/** Where a resource sits: its VPC and its vSwitch, as identities, when they can be told. */
export function networkOf(model: Model, resource: ResourceInput): { vpc?: string; vswitch?: string } {
    const vswitch = model.vswitchOf(resource);
    const direct = model.identity(model.resolve(resource, "vpcId", ["vpc"], model.setting(resource, "vpcId")));
    const viaVswitch = vswitch.kind === "resource" ? model.identity(model.resolve(vswitch.resource, "vpcId", ["vpc"], model.setting(vswitch.resource, "vpcId"))) : undefined;
    return { vpc: direct ?? viaVswitch, vswitch: model.identity(vswitch) };
}

/** True when two resources are provably in one VPC: the same VPC, or the same vSwitch. */
export function sameNetwork(model: Model, a: ResourceInput, b: ResourceInput): boolean {
    const x = networkOf(model, a);
    const y = networkOf(model, b);
    if (x.vpc !== undefined && y.vpc !== undefined) {
        return x.vpc === y.vpc;
    }
    return x.vswitch !== undefined && x.vswitch === y.vswitch;
}

/** The NAT gateway a DNAT entry belongs to, through its forward table. */
export function gatewayOfForwardEntry(model: Model, entry: ResourceInput): ResourceInput | undefined {
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
export function privateIpsOf(model: Model, instance: ResourceInput): string[] {
    return ["privateIp", "primaryIpAddress"].map((key) => asString(model.setting(instance, key))).filter((ip): ip is string => typeof ip === "string");
}

/**
 * The one ECS instance whose private IP a DNAT entry forwards to, when it can be told: the instance
 * the address was computed from (`instance.privateIp`, whether its value is known yet or not, unless
 * the instance's known address says otherwise), or else the one planned instance that declares that
 * address and is provably in the VPC of the entry's gateway (private IPs repeat across VPCs).
 */
export function dnatTargetOf(model: Model, entry: ResourceInput, byPrivateIp: Map<string, ResourceInput[]>): ResourceInput | undefined {
    const value = prop(entry.props, "internalIp");
    const ip = asString(value);
    if (typeof ip !== "string" && !isUnknown(value)) {
        return undefined; // Not set, or not an address: the entry forwards to nothing that can be told.
    }
    const sources = model.dependencyCandidates(entry, "internalIp", ["ecsInstance"]);
    if (sources.length === 1) {
        const known = privateIpsOf(model, sources[0]);
        return typeof ip !== "string" || known.length === 0 || known.includes(ip) ? sources[0] : undefined;
    }
    if (isUnknown(value)) {
        return undefined;
    }
    const gateway = gatewayOfForwardEntry(model, entry);
    if (typeof ip !== "string" || gateway === undefined) {
        return undefined;
    }
    const owners = byPrivateIp.get(ip) ?? [];
    return owners.length === 1 && sameNetwork(model, owners[0], gateway) ? owners[0] : undefined;
}

/** The planned ECS instances by the private IPs they declare or report. */
export function instancesByPrivateIp(model: Model): Map<string, ResourceInput[]> {
    const byIp = new Map<string, ResourceInput[]>();
    for (const instance of model.ofKind("ecsInstance")) {
        for (const ip of new Set(privateIpsOf(model, instance))) {
            appendTo(byIp, ip, instance);
        }
    }
    return byIp;
}
