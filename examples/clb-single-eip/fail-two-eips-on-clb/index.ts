// Two EIPs (one per carrier, say) associated with one internal-facing CLB. An internal-facing CLB
// takes only one EIP; for several public addresses use one CLB per EIP, or an ALB/NLB with one EIP
// per zone.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "api", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("api-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });

const clb = new alicloud.slb.ApplicationLoadBalancer("api-clb", {
    loadBalancerName: "api",
    addressType: "intranet",
    vswitchId: vswitch.id,
    loadBalancerSpec: "slb.s2.small",
});

for (const carrier of ["telecom", "unicom"]) {
    const ip = new alicloud.ecs.EipAddress(`api-ip-${carrier}`, { addressName: `api-${carrier}`, bandwidth: "10" });
    new alicloud.ecs.EipAssociation(`api-eip-${carrier}`, { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
}
