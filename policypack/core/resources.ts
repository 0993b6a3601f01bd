// What a front end hands the core: resources with a kind, props and their links.
//
// The core knows nothing about gRPC, Pulumi proxies or Terraform JSON. A front end maps its own
// resource types onto the kinds below, writes props with the Pulumi (camelCase) property names,
// marks unknown values (see values.ts), and reports which resources each property was computed
// from. That last part is what lets the rules decide at preview time, when every new id is unknown.

export type ResourceKind =
    | "provider"
    | "eip"
    | "eipAssociation"
    | "ecsInstance"
    | "eni"
    | "eniAttachment"
    | "natGateway"
    | "forwardEntry"
    | "vswitch"
    | "vpc"
    | "clb"
    | "alb"
    | "nlb"
    | "havip";

export interface ResourceInput {
    /** A unique address: the URN for Pulumi, the resource address for Terraform. */
    readonly address: string;
    /** The name a user recognises (the Pulumi resource name); used in every message. */
    readonly name: string;
    readonly kind: ResourceKind;
    /** The front end's own type token, for messages and debugging. */
    readonly type: string;
    /** Props with Pulumi property names; unknown values marked as in values.ts. */
    readonly props: Readonly<Record<string, unknown>>;
    /** Address of the provider resource this resource is managed by, when known. */
    readonly provider?: string;
    /** For each property, the addresses of the resources its value was computed from. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

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
