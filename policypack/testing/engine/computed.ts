// What the alicloud provider leaves unknown in a preview.
//
// The bridged alicloud provider plans a new resource the way Terraform does: an Optional+Computed
// attribute the program did not set comes back unknown, an Optional one comes back absent, and every
// id is unknown. The mock provider of the test harness plays that part for the attributes the pack
// reads, so that programs run under mocks show the pack what `pulumi preview` would show it.
// Source: the schemas of aliyun/terraform-provider-alicloud (resource_alicloud_*.go), whose
// Computed flags agree with the output types of @pulumi/alicloud 3.108.0.

/** The two ENI resources share one schema (resourceAliCloudEcsNetworkInterface). */
const ENI_COMPUTED = [
    "primaryIpAddress",
    "privateIp",
    "privateIpAddresses",
    "privateIps",
    "secondaryPrivateIpAddressCount",
    "privateIpsCount",
    "networkInterfaceTrafficMode",
    "instanceType",
];

export const COMPUTED_AT_PREVIEW: Readonly<Record<string, readonly string[]>> = {
    "alicloud:ecs/eipAssociation:EipAssociation": ["instanceType", "mode"],
    "alicloud:ecs/eipAddress:EipAddress": ["resourceGroupId", "isp", "addressName", "ipAddress", "status"],
    "alicloud:ecs/eip:Eip": ["resourceGroupId", "isp", "addressName", "ipAddress", "status"],
    "alicloud:ecs/instance:Instance": [
        "vswitchId",
        "vpcId",
        "internetMaxBandwidthOut",
        "internetChargeType",
        "privateIp",
        "primaryIpAddress",
        "publicIp",
        "status",
        "resourceGroupId",
        "secondaryPrivateIps",
        "secondaryPrivateIpAddressCount",
        "networkInterfaceId",
    ],
    "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": ENI_COMPUTED,
    "alicloud:vpc/networkInterface:NetworkInterface": ENI_COMPUTED,
    "alicloud:vpc/natGateway:NatGateway": ["networkType", "natType", "eipBindMode", "specification", "internetChargeType", "forwardTableIds", "snatTableIds"],
    "alicloud:vpc/forwardEntry:ForwardEntry": ["forwardEntryName", "forwardEntryId", "status"],
    "alicloud:vpc/switch:Switch": ["cidrBlock", "vpcId", "zoneId"],
    "alicloud:slb/loadBalancer:LoadBalancer": ["addressType", "resourceGroupId", "address"],
    "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": ["addressType", "resourceGroupId", "address"],
    "alicloud:alb/loadBalancer:LoadBalancer": ["resourceGroupId", "dnsName"],
    "alicloud:nlb/loadBalancer:LoadBalancer": ["resourceGroupId", "dnsName"],
    "alicloud:vpc/haVipv2:HaVipv2": ["ipAddress"],
    "alicloud:vpc/hAVip:HAVip": ["ipAddress"],
};

/** Optional+Computed attributes inside each element of a list property. */
export const COMPUTED_IN_ELEMENTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
    "alicloud:alb/loadBalancer:LoadBalancer": { zoneMappings: ["allocationId", "eipType", "intranetAddress"] },
    "alicloud:nlb/loadBalancer:LoadBalancer": { zoneMappings: ["allocationId", "privateIpv4Address"] },
};
