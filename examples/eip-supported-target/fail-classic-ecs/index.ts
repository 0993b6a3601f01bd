// An old ECS instance definition without vswitchId: the instance is in the classic network, and an
// EIP can be associated only with an ECS instance in a VPC. Place it in a vSwitch instead.
import * as alicloud from "@pulumi/alicloud";

const sg = new alicloud.ecs.SecurityGroup("legacy-sg", { securityGroupName: "legacy" });
const server = new alicloud.ecs.Instance("legacy", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    availabilityZone: "cn-hangzhou-h",
    securityGroups: [sg.id],
});

const ip = new alicloud.ecs.EipAddress("legacy-ip", { addressName: "legacy", bandwidth: "5" });
new alicloud.ecs.EipAssociation("legacy-eip", { allocationId: ip.id, instanceId: server.id });
