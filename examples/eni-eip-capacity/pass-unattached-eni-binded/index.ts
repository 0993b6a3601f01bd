// Cut-through mode (BINDED) takes a secondary ENI that is not attached to an instance yet: the EIP is
// associated first and the attachment waits for the association (dependsOn), as Alibaba Cloud's
// guide asks ("Associate the EIP with the ENI first, then attach the ENI to the ECS instance").
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
// Cut-through mode takes an ENI without secondary private IPs.
const eni = new alicloud.ecs.EcsNetworkInterface("edge-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id] });

const ip = new alicloud.ecs.EipAddress("edge-ip", { addressName: "edge", bandwidth: "5" });
const association = new alicloud.ecs.EipAssociation("edge-eip", { allocationId: ip.id, instanceId: eni.id, instanceType: "NetworkInterface", mode: "BINDED" });

new alicloud.ecs.EcsNetworkInterfaceAttachment("edge-eni-attach", { instanceId: server.id, networkInterfaceId: eni.id }, { dependsOn: [association] });
