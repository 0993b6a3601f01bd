// An internal-facing NLB (addressType "Intranet") whose zone mappings were copied from an
// Internet-facing one and still carry an EIP each. Alibaba Cloud documents zoneMappings[].allocationId
// only for Internet-facing NLB and ALB instances; no error code for this case is documented, so the
// pack cannot say whether the call is refused or the EIPs are left unused: an advisory note.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "game", cidrBlock: "10.0.0.0/16" });
const zones = ["cn-hangzhou-h", "cn-hangzhou-i"];

new alicloud.nlb.LoadBalancer("game-nlb", {
    vpcId: vpc.id,
    addressType: "Intranet",
    loadBalancerType: "Network",
    zoneMappings: zones.map((zoneId, n) => ({
        zoneId,
        vswitchId: new alicloud.vpc.Switch(`nlb-vsw-${n + 1}`, { vpcId: vpc.id, cidrBlock: `10.0.${n + 1}.0/24`, zoneId }).id,
        allocationId: new alicloud.ecs.EipAddress(`nlb-ip-${n + 1}`, { addressName: `game-${zoneId}`, bandwidth: "20" }).id,
    })),
});
