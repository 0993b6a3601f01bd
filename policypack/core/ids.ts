// Alibaba Cloud resource ids, the AssociateEipAddress `InstanceType` values, and how they relate.

import { ResourceKind } from "./resources";
import { Maybe, UNKNOWN, isKnown } from "./values";

/** The kinds of resource an EIP can be pointed at, rightly or wrongly. */
export type TargetKind = "ecsInstance" | "eni" | "clb" | "natGateway" | "havip" | "alb" | "nlb";

export const TARGET_KINDS: readonly TargetKind[] = ["ecsInstance", "eni", "clb", "natGateway", "havip", "alb", "nlb"];

export function isTargetKind(kind: ResourceKind): kind is TargetKind {
    return (TARGET_KINDS as readonly string[]).includes(kind);
}

/** The id prefix Alibaba Cloud gives each kind (`i-...`, `eni-...`). */
export const ID_PREFIX: Readonly<Record<TargetKind | "eip", string>> = {
    ecsInstance: "i-",
    eni: "eni-",
    clb: "lb-",
    natGateway: "ngw-",
    havip: "havip-",
    alb: "alb-",
    nlb: "nlb-",
    eip: "eip-",
};

/** The kind a literal id names, judged by its prefix; undefined when the prefix is not one we know. */
export function kindOfId(id: string): TargetKind | "eip" | undefined {
    // Longest prefixes first, so that "havip-" is not read as something shorter.
    const entries = Object.entries(ID_PREFIX).sort((a, b) => b[1].length - a[1].length);
    for (const [kind, prefix] of entries) {
        if (id.startsWith(prefix)) {
            return kind as TargetKind | "eip";
        }
    }
    return undefined;
}

/**
 * Kinds that some other output of a resource can name: an instance's `networkInterfaceId` is its
 * primary ENI, an HAVIP's `masterInstanceId` an instance, an NLB zone mapping's `eniId` an ENI. An
 * unknown value traced to such a resource is its id only as long as nothing says otherwise.
 */
export const KINDS_NAMED_BY_OUTPUTS: Readonly<Partial<Record<TargetKind, readonly TargetKind[]>>> = {
    ecsInstance: ["eni"],
    havip: ["ecsInstance", "eni"],
    nlb: ["eni"],
};

/** AssociateEipAddress `InstanceType` values. */
export type InstanceType = "EcsInstance" | "NetworkInterface" | "SlbInstance" | "Nat" | "HaVip" | "IpAddress";

export const INSTANCE_TYPES: readonly InstanceType[] = ["EcsInstance", "NetworkInterface", "SlbInstance", "Nat", "HaVip", "IpAddress"];

export function asInstanceType(value: string): InstanceType | undefined {
    return (INSTANCE_TYPES as readonly string[]).includes(value) ? (value as InstanceType) : undefined;
}

/** The `InstanceType` each kind must be associated with; ALB and NLB take EIPs only through zone mappings. */
export const REQUIRED_INSTANCE_TYPE: Readonly<Record<TargetKind, InstanceType | undefined>> = {
    ecsInstance: "EcsInstance",
    eni: "NetworkInterface",
    clb: "SlbInstance",
    natGateway: "Nat",
    havip: "HaVip",
    alb: undefined,
    nlb: undefined,
};

/**
 * What the alicloud provider sends when `instanceType` is omitted: it looks at the id it is given,
 * `lb-` means SlbInstance, `ngw-` means Nat, anything else EcsInstance.
 */
export function inferredInstanceType(idPrefixKind: Maybe<TargetKind | "eip" | "other">): Maybe<InstanceType> {
    if (!isKnown(idPrefixKind)) {
        return idPrefixKind === UNKNOWN ? UNKNOWN : undefined;
    }
    if (idPrefixKind === "clb") {
        return "SlbInstance";
    }
    if (idPrefixKind === "natGateway") {
        return "Nat";
    }
    return "EcsInstance";
}

/** Human names for messages. */
export const KIND_LABEL: Readonly<Record<ResourceKind, string>> = {
    provider: "provider",
    eip: "EIP",
    eipAssociation: "EIP association",
    ecsInstance: "ECS instance",
    eni: "ENI",
    eniAttachment: "ENI attachment",
    natGateway: "NAT gateway",
    forwardEntry: "DNAT entry",
    vswitch: "vSwitch",
    vpc: "VPC",
    clb: "CLB instance",
    alb: "ALB instance",
    nlb: "NLB instance",
    havip: "HAVIP",
};
