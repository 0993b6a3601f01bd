// To get a second public address, a second zone mapping with its own EIP was added in the same zone
// (on another vSwitch). Each zone of an ALB supports one EIP, so the ALB cannot be created this way;
// put the second EIP in a mapping of another zone.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "shop", cidrBlock: "10.0.0.0/16" });

const zoneMappings = [1, 2].map((n) => {
    const vswitch = new alicloud.vpc.Switch(`alb-vsw-${n}`, { vpcId: vpc.id, cidrBlock: `10.0.${n}.0/24`, zoneId: "cn-hangzhou-h" });
    const ip = new alicloud.ecs.EipAddress(`alb-ip-${n}`, { addressName: `shop-${n}`, bandwidth: "10" });
    return { zoneId: "cn-hangzhou-h", vswitchId: vswitch.id, allocationId: ip.id };
});

new alicloud.alb.LoadBalancer("shop-alb", {
    vpcId: vpc.id,
    addressType: "Internet",
    addressAllocatedMode: "Fixed",
    loadBalancerEdition: "Standard",
    loadBalancerBillingConfig: { payType: "PayAsYouGo" },
    zoneMappings,
});
