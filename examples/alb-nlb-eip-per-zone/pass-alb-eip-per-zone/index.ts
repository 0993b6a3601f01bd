// An Internet-facing ALB with fixed public addresses: one zone mapping per zone, each with its own
// vSwitch and its own EIP (zoneMappings[].allocationId). An ALB takes one EIP per zone.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "shop", cidrBlock: "10.0.0.0/16" });
const zones = ["cn-hangzhou-h", "cn-hangzhou-i"];

const zoneMappings = zones.map((zoneId, n) => {
    const vswitch = new alicloud.vpc.Switch(`alb-vsw-${n + 1}`, { vpcId: vpc.id, cidrBlock: `10.0.${n + 1}.0/24`, zoneId });
    const ip = new alicloud.ecs.EipAddress(`alb-ip-${n + 1}`, { addressName: `shop-${zoneId}`, bandwidth: "10" });
    return { zoneId, vswitchId: vswitch.id, allocationId: ip.id };
});

new alicloud.alb.LoadBalancer("shop-alb", {
    vpcId: vpc.id,
    addressType: "Internet",
    addressAllocatedMode: "Fixed",
    loadBalancerEdition: "Standard",
    loadBalancerBillingConfig: { payType: "PayAsYouGo" },
    zoneMappings,
});
