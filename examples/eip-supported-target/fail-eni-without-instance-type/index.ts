// An EIP associated with a secondary ENI, with instanceType left out. The provider infers the type
// only from lb- (SlbInstance) and ngw- (Nat) ids and sends anything else as EcsInstance, so the
// eni- id is sent as an ECS instance and the association fails. It needs
// instanceType: "NetworkInterface".
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "app", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("app-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("app-sg", { vpcId: vpc.id });

const server = new alicloud.ecs.Instance("app", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const eni = new alicloud.ecs.EcsNetworkInterface("app-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id] });
new alicloud.ecs.EcsNetworkInterfaceAttachment("app-eni-attach", { instanceId: server.id, networkInterfaceId: eni.id });

const ip = new alicloud.ecs.EipAddress("app-eni-ip", { addressName: "app-eni", bandwidth: "5" });
new alicloud.ecs.EipAssociation("app-eni-eip", { allocationId: ip.id, instanceId: eni.id });
