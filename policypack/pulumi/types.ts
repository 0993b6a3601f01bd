// Pulumi's names for the alicloud resources the rules read: the type tokens both Pulumi front ends
// (the CrossGuard pack and the checker's reader of stack exports and previews) map onto the core's
// kinds. The core itself names no front end's types.

import { ResourceKind } from "../core/resources";

/** Pulumi type tokens of the alicloud resources the rules read, and the kind each one is. */
export const PULUMI_TYPE_KINDS: Readonly<Record<string, ResourceKind>> = {
    "pulumi:providers:alicloud": "provider",
    "alicloud:ecs/eipAddress:EipAddress": "eip",
    "alicloud:ecs/eip:Eip": "eip",
    "alicloud:ecs/eipAssociation:EipAssociation": "eipAssociation",
    "alicloud:ecs/instance:Instance": "ecsInstance",
    "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": "eni",
    "alicloud:vpc/networkInterface:NetworkInterface": "eni",
    "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment": "eniAttachment",
    "alicloud:vpc/networkInterfaceAttachment:NetworkInterfaceAttachment": "eniAttachment",
    "alicloud:vpc/natGateway:NatGateway": "natGateway",
    "alicloud:vpc/forwardEntry:ForwardEntry": "forwardEntry",
    "alicloud:vpc/switch:Switch": "vswitch",
    "alicloud:vpc/network:Network": "vpc",
    "alicloud:slb/loadBalancer:LoadBalancer": "clb",
    "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": "clb",
    "alicloud:alb/loadBalancer:LoadBalancer": "alb",
    "alicloud:nlb/loadBalancer:LoadBalancer": "nlb",
    "alicloud:vpc/haVipv2:HaVipv2": "havip",
    "alicloud:vpc/hAVip:HAVip": "havip",
};

export const EIP_ASSOCIATION_TYPE = "alicloud:ecs/eipAssociation:EipAssociation";
export const ALICLOUD_PROVIDER_TYPE = "pulumi:providers:alicloud";

export function kindOfPulumiType(type: string): ResourceKind | undefined {
    return Object.prototype.hasOwnProperty.call(PULUMI_TYPE_KINDS, type) ? PULUMI_TYPE_KINDS[type] : undefined;
}
