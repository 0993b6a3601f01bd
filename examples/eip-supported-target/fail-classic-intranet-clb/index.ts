// pass-intranet-clb-in-vswitch without the vSwitch: addressType "intranet" alone does not put a CLB
// in a VPC. CreateLoadBalancer deploys a CLB in a VPC only when it is given a vSwitch; this one is an
// internal-facing CLB of the classic network, and an EIP can be associated only with an
// internal-facing CLB in a VPC. Set vswitchId.
import * as alicloud from "@pulumi/alicloud";

const clb = new alicloud.slb.ApplicationLoadBalancer("api-clb", {
    loadBalancerName: "api",
    addressType: "intranet",
    loadBalancerSpec: "slb.s2.small",
});

const ip = new alicloud.ecs.EipAddress("api-ip", { addressName: "api", bandwidth: "10" });
new alicloud.ecs.EipAssociation("api-clb-eip", { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
