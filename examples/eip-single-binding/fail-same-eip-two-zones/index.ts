// The zone I mapping was copied from the zone H one and still names the same EIP. An EIP is bound
// to one zone mapping of one load balancer at a time, so the ALB cannot take it in both zones; each
// zone needs an EIP of its own.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "shop", cidrBlock: "10.0.0.0/16" });
const vswH = new alicloud.vpc.Switch("vsw-h", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const vswI = new alicloud.vpc.Switch("vsw-i", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", zoneId: "cn-hangzhou-i" });

const ip = new alicloud.ecs.EipAddress("shop-ip", { addressName: "shop", bandwidth: "10" });

new alicloud.alb.LoadBalancer("shop-alb", {
    vpcId: vpc.id,
    addressType: "Internet",
    addressAllocatedMode: "Fixed",
    loadBalancerEdition: "Standard",
    loadBalancerBillingConfig: { payType: "PayAsYouGo" },
    zoneMappings: [
        { zoneId: "cn-hangzhou-h", vswitchId: vswH.id, allocationId: ip.id },
        { zoneId: "cn-hangzhou-i", vswitchId: vswI.id, allocationId: ip.id },
    ],
});
