// To get a second public address in zone H, a second zone mapping with its own EIP was added in that
// zone. The provider keeps an NLB's zone mappings as a set keyed by zoneId, so the two mappings of
// zone H collapse into one: the NLB is created, but one of the two EIPs is silently never bound. Put
// the second EIP in a mapping of another zone.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "game", cidrBlock: "10.0.0.0/16" });

const zoneMappings = ["cn-hangzhou-h", "cn-hangzhou-h", "cn-hangzhou-i"].map((zoneId, n) => ({
    zoneId,
    vswitchId: new alicloud.vpc.Switch(`nlb-vsw-${n + 1}`, { vpcId: vpc.id, cidrBlock: `10.0.${n + 1}.0/24`, zoneId }).id,
    allocationId: new alicloud.ecs.EipAddress(`nlb-ip-${n + 1}`, { addressName: `game-${n + 1}`, bandwidth: "20" }).id,
}));

new alicloud.nlb.LoadBalancer("game-nlb", {
    vpcId: vpc.id,
    addressType: "Internet",
    loadBalancerType: "Network",
    zoneMappings,
});
