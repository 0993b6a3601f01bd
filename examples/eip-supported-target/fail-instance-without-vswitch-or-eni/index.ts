// pass-instance-on-primary-eni without its ENI: the instance names neither a primary ENI
// (networkInterfaceId) nor a vSwitch (vswitchId) nor a launch template, so it is created in the
// classic network, and an EIP can be associated only with an ECS instance in a VPC (Alibaba Cloud
// answers OperationDenied, "Specified instance is not in VPC"). Give it networkInterfaceId or
// vswitchId.
import * as alicloud from "@pulumi/alicloud";

const sg = new alicloud.ecs.SecurityGroup("web-sg", { securityGroupName: "web" });
const server = new alicloud.ecs.Instance("web", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    availabilityZone: "cn-hangzhou-h",
    securityGroups: [sg.id],
});

const ip = new alicloud.ecs.EipAddress("web-ip", { addressName: "web", bandwidth: "5" });
new alicloud.ecs.EipAssociation("web-eip", { allocationId: ip.id, instanceId: server.id });
