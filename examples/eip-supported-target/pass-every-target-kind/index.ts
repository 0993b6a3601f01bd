// Every kind of resource an EIP can be associated with through an EipAssociation, each with the
// instanceType it takes: an ECS instance in a VPC (the default, EcsInstance), a secondary ENI
// (NetworkInterface), an internal-facing CLB (SlbInstance), an Internet NAT gateway (Nat) and an
// HAVIP (HaVip).
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "edge", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("edge-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("edge-sg", { vpcId: vpc.id });

const server = new alicloud.ecs.Instance("server", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const eni = new alicloud.ecs.EcsNetworkInterface("server-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id] });
new alicloud.ecs.EcsNetworkInterfaceAttachment("server-eni-attach", { instanceId: server.id, networkInterfaceId: eni.id });
const clb = new alicloud.slb.ApplicationLoadBalancer("intranet-clb", {
    loadBalancerName: "edge",
    addressType: "intranet",
    vswitchId: vswitch.id,
    loadBalancerSpec: "slb.s2.small",
});
const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: vswitch.id, natType: "Enhanced", paymentType: "PayAsYouGo" });
const havip = new alicloud.vpc.HaVipv2("havip", { vswitchId: vswitch.id, ipAddress: "10.0.1.100" });

const targets: [string, pulumi.Input<string>, string][] = [
    ["server", server.id, "EcsInstance"],
    ["server-eni", eni.id, "NetworkInterface"],
    ["intranet-clb", clb.id, "SlbInstance"],
    ["nat", nat.id, "Nat"],
    ["havip", havip.id, "HaVip"],
];
for (const [name, instanceId, instanceType] of targets) {
    const eip = new alicloud.ecs.EipAddress(`${name}-ip`, { addressName: name, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`${name}-eip`, { allocationId: eip.id, instanceId, instanceType });
}
