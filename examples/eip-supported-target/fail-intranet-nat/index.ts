// An EIP associated with a VPC NAT gateway (networkType "intranet"). A VPC NAT gateway uses NAT IP
// addresses from its vSwitch, not EIPs; only an Internet NAT gateway can hold EIPs.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "core", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("core-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });

const nat = new alicloud.vpc.NatGateway("vpc-nat", {
    vpcId: vpc.id,
    vswitchId: vswitch.id,
    natType: "Enhanced",
    networkType: "intranet",
    paymentType: "PayAsYouGo",
});

const ip = new alicloud.ecs.EipAddress("vpc-nat-ip", { addressName: "core-nat", bandwidth: "10" });
new alicloud.ecs.EipAssociation("vpc-nat-eip", { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
