// An Internet-facing NLB across three zones, each zone mapping with its own vSwitch and its own EIP.
// An NLB takes one EIP per zone.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "game", cidrBlock: "10.0.0.0/16" });
const zones = ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"];

new alicloud.nlb.LoadBalancer("game-nlb", {
    vpcId: vpc.id,
    addressType: "Internet",
    loadBalancerType: "Network",
    zoneMappings: zones.map((zoneId, n) => ({
        zoneId,
        vswitchId: new alicloud.vpc.Switch(`nlb-vsw-${n + 1}`, { vpcId: vpc.id, cidrBlock: `10.0.${n + 1}.0/24`, zoneId }).id,
        allocationId: new alicloud.ecs.EipAddress(`nlb-ip-${n + 1}`, { addressName: `game-${zoneId}`, bandwidth: "20" }).id,
    })),
});
