// An EIP associated with a CLB that is Internet-facing (addressType "internet"). Only an
// internal-facing CLB in a VPC can take an EIP; an Internet-facing one already has its own public
// address.
import * as alicloud from "@pulumi/alicloud";

const clb = new alicloud.slb.ApplicationLoadBalancer("public-clb", {
    loadBalancerName: "public",
    addressType: "internet",
    loadBalancerSpec: "slb.s2.small",
    internetChargeType: "PayByTraffic",
});

const ip = new alicloud.ecs.EipAddress("public-ip", { addressName: "public", bandwidth: "10" });
new alicloud.ecs.EipAssociation("public-clb-eip", { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
