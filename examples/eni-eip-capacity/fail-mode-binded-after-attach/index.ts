// A cut-through (BINDED) association that waits for the ENI's attachment (dependsOn): the ENI is
// attached to the instance by the time the EIP is associated, and Alibaba Cloud refuses it
// (Eni.Attached: the ENI must be detached when associating a cut-through EIP). Associate first and
// make the attachment depend on the association instead.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "edge", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("edge-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("edge-sg", { vpcId: vpc.id });

const server = new alicloud.ecs.Instance("edge", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const eni = new alicloud.ecs.EcsNetworkInterface("edge-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id] });
const attachment = new alicloud.ecs.EcsNetworkInterfaceAttachment("edge-eni-attach", { instanceId: server.id, networkInterfaceId: eni.id });

const ip = new alicloud.ecs.EipAddress("edge-ip", { addressName: "edge", bandwidth: "5" });
new alicloud.ecs.EipAssociation("edge-eip", { allocationId: ip.id, instanceId: eni.id, instanceType: "NetworkInterface", mode: "BINDED" }, { dependsOn: [attachment] });
