// An ECS instance created on an ENI of its own making as its primary ENI (networkInterfaceId, settable
// since provider 1.284.0). It names no vswitchId, yet it is in a VPC: every ENI lives in a vSwitch,
// and the instance takes the ENI's vSwitch, security groups and private IP. An EIP can be associated
// with it like with any ECS instance in a VPC.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });

const primary = new alicloud.ecs.EcsNetworkInterface("web-primary-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id] });
const server = new alicloud.ecs.Instance("web", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    networkInterfaceId: primary.id,
});

const ip = new alicloud.ecs.EipAddress("web-ip", { addressName: "web", bandwidth: "5" });
new alicloud.ecs.EipAssociation("web-eip", { allocationId: ip.id, instanceId: server.id });
