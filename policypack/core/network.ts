// Where resources sit in the network, as far as the plan tells: VPCs and vSwitches, the NAT gateway
// that owns a forward table, the private IPs an instance declares. Answers built on the model, so
// that rules ask questions instead of reading props.

import { appendTo } from "./collections";
import { Comparison, Model } from "./model";
import { ResourceInput } from "./resources";
import { asList, asString, isKnown, isUnknown, prop } from "./values";

/** Where a resource sits: its VPC and its vSwitch, as identities, when they can be told. */
export function networkOf(model: Model, resource: ResourceInput): { vpc?: string; vswitch?: string } {
    const vswitch = model.vswitchOf(resource);
    const direct = model.identity(model.resolve(resource, "vpcId", ["vpc"], model.setting(resource, "vpcId")));
    const viaVswitch = vswitch.kind === "resource" ? model.identity(model.resolve(vswitch.resource, "vpcId", ["vpc"], model.setting(vswitch.resource, "vpcId"))) : undefined;
    return { vpc: direct ?? viaVswitch, vswitch: model.identity(vswitch) };
}

/**
 * Whether two resources are in one VPC: "same" (the same VPC, or the same vSwitch), "different" (two
 * VPCs), or "unknown" when the plan cannot tell (a VPC not named, two vSwitches of VPCs not named).
 */
export function compareNetworks(model: Model, a: ResourceInput, b: ResourceInput): Comparison {
    const x = networkOf(model, a);
    const y = networkOf(model, b);
    if (x.vpc !== undefined && y.vpc !== undefined) {
        return x.vpc === y.vpc ? "same" : "different";
    }
    return x.vswitch !== undefined && x.vswitch === y.vswitch ? "same" : "unknown";
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

function knownTexts(value: unknown): string[] {
    const list = asList(value);
    return isKnown(list) ? list.filter((item): item is string => typeof item === "string" && item !== "") : [];
}

/**
 * The other private IPs of an instance, when known: its secondary private IPs, and every address of
 * the ENIs attached to it in the plan (alicloud.ecs.EcsNetworkInterfaceAttachment).
 */
export function secondaryIpsOf(model: Model, instance: ResourceInput): string[] {
    const ips = [...knownTexts(model.setting(instance, "secondaryPrivateIps")), ...(attachedEniIpsOf(model).get(instance) ?? [])];
    return [...new Set(ips)];
}

/**
 * The addresses of the ENIs attached to each instance, in the order of the attachments: one pass
 * over the attachments per model, not one per instance (which made a large stack quadratic).
 */
const attachedEniIps = new WeakMap<Model, Map<ResourceInput, string[]>>();

function attachedEniIpsOf(model: Model): Map<ResourceInput, string[]> {
    const cached = attachedEniIps.get(model);
    if (cached !== undefined) {
        return cached;
    }
    const byInstance = new Map<ResourceInput, string[]>();
    for (const attachment of model.ofKind("eniAttachment")) {
        const target = model.resolve(attachment, "instanceId", ["ecsInstance"]);
        const eni = model.resolve(attachment, "networkInterfaceId", ["eni"]);
        if (target.kind !== "resource" || eni.kind !== "resource") {
            continue;
        }
        const ips = byInstance.get(target.resource) ?? [];
        for (const key of ["primaryIpAddress", "privateIp"]) {
            const ip = asString(model.setting(eni.resource, key));
            if (typeof ip === "string") {
                ips.push(ip);
            }
        }
        ips.push(...knownTexts(model.setting(eni.resource, "privateIpAddresses")), ...knownTexts(model.setting(eni.resource, "privateIps")));
        byInstance.set(target.resource, ips);
    }
    attachedEniIps.set(model, byInstance);
    return byInstance;
}

/** The planned ECS instances by address: their primary private IPs, and their other private IPs. */
export interface PrivateIpIndex {
    readonly primary: Map<string, ResourceInput[]>;
    readonly secondary: Map<string, ResourceInput[]>;
}

export function privateIpIndex(model: Model): PrivateIpIndex {
    const secondary = new Map<string, ResourceInput[]>();
    for (const instance of model.ofKind("ecsInstance")) {
        for (const ip of secondaryIpsOf(model, instance)) {
            appendTo(secondary, ip, instance);
        }
    }
    return { primary: instancesByPrivateIp(model), secondary };
}

/** An ECS instance a DNAT entry forwards to, as far as the plan tells. */
export interface DnatTarget {
    readonly instance: ResourceInput;
    /** Its primary private IP, or another private IP it has (secondary IP, attached ENI). */
    readonly address: "primary" | "secondary";
    /**
     * "proven"; or why the entry may forward to an address of another VPC instead (private IPs repeat
     * across VPCs): its forward table is not a NAT gateway's in the stack ("outside"), the two VPCs
     * cannot be compared ("network"), several planned instances declare the address ("ambiguous").
     */
    readonly certainty: "proven" | "outside" | "network" | "ambiguous";
}

/**
 * The ECS instances a DNAT entry may forward to. Its `internalIp` computed from one instance
 * (`instance.privateIp`, known yet or not) is that instance's primary private IP, unless the
 * instance's known address says otherwise (then it may be one of its other addresses). A literal
 * address is matched against the addresses planned instances declare: proven only for the one
 * instance with that primary private IP provably in the VPC of the entry's gateway.
 */
export function dnatTargetsOf(model: Model, entry: ResourceInput, index: PrivateIpIndex): DnatTarget[] {
    const value = prop(entry.props, "internalIp");
    const ip = asString(value);
    if (typeof ip !== "string" && !isUnknown(value)) {
        return []; // Not set, or not an address: the entry forwards to nothing that can be told.
    }
    const sources = model.dependencyCandidates(entry, "internalIp", ["ecsInstance"]);
    if (sources.length === 1) {
        const [instance] = sources;
        const known = privateIpsOf(model, instance);
        if (typeof ip !== "string" || known.length === 0 || known.includes(ip)) {
            return [{ instance, address: "primary", certainty: "proven" }];
        }
        return secondaryIpsOf(model, instance).includes(ip) ? [{ instance, address: "secondary", certainty: "proven" }] : [];
    }
    const table = prop(entry.props, "forwardTableId");
    if (typeof ip !== "string" || (!isUnknown(table) && typeof asString(table) !== "string")) {
        return []; // An entry with no forward table is refused by the provider: it forwards nowhere.
    }
    const gateway = gatewayOfForwardEntry(model, entry);
    const targets: DnatTarget[] = [];
    for (const address of ["primary", "secondary"] as const) {
        const owners = index[address].get(ip) ?? [];
        for (const instance of owners) {
            const network = gateway === undefined ? "unknown" : compareNetworks(model, instance, gateway);
            if (network === "different") {
                continue;
            }
            const certainty = gateway === undefined ? "outside" : owners.length > 1 ? "ambiguous" : network === "same" ? "proven" : "network";
            targets.push({ instance, address, certainty });
        }
    }
    return targets;
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
