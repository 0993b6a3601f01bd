// An internal-facing CLB (addressType "intranet") in a vSwitch, so in a VPC: the only kind of CLB an
// EIP can be associated with (instanceType "SlbInstance").
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "api", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("api-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });

const clb = new alicloud.slb.ApplicationLoadBalancer("api-clb", {
    loadBalancerName: "api",
    addressType: "intranet",
    vswitchId: vswitch.id,
    loadBalancerSpec: "slb.s2.small",
});

const ip = new alicloud.ecs.EipAddress("api-ip", { addressName: "api", bandwidth: "10" });
new alicloud.ecs.EipAssociation("api-clb-eip", { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
