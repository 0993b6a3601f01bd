// An EIP associated with an ALB through an EipAssociation, the way one would for an ECS instance.
// ALB instances take EIPs only through their zone mappings (zoneMappings[].allocationId, one per
// zone); AssociateEipAddress has no instance type for them.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "shop", cidrBlock: "10.0.0.0/16" });
const vswH = new alicloud.vpc.Switch("vsw-h", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const vswI = new alicloud.vpc.Switch("vsw-i", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", zoneId: "cn-hangzhou-i" });

const alb = new alicloud.alb.LoadBalancer("shop-alb", {
    vpcId: vpc.id,
    addressType: "Internet",
    loadBalancerEdition: "Standard",
    loadBalancerBillingConfig: { payType: "PayAsYouGo" },
    zoneMappings: [
        { zoneId: "cn-hangzhou-h", vswitchId: vswH.id },
        { zoneId: "cn-hangzhou-i", vswitchId: vswI.id },
    ],
});

const ip = new alicloud.ecs.EipAddress("shop-ip", { addressName: "shop", bandwidth: "10" });
new alicloud.ecs.EipAssociation("shop-alb-eip", { allocationId: ip.id, instanceId: alb.id });
