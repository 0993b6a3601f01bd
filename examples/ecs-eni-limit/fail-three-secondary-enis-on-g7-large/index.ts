// A mail relay that wants four public addresses: one EIP on the instance and one on each of three
// secondary ENIs. An ecs.g7.large holds three ENIs, its primary ENI included, so the third
// attachment would fail at deploy time.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "mail", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("mail-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("mail-sg", { vpcId: vpc.id });

const relay = new alicloud.ecs.Instance("relay", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const primaryIp = new alicloud.ecs.EipAddress("relay-ip-0", { addressName: "relay-0", bandwidth: "5" });
new alicloud.ecs.EipAssociation("relay-eip-0", { allocationId: primaryIp.id, instanceId: relay.id });

for (const n of [1, 2, 3]) {
    const eni = new alicloud.ecs.EcsNetworkInterface(`relay-eni-${n}`, { vswitchId: vswitch.id, securityGroupIds: [sg.id] });
    new alicloud.ecs.EcsNetworkInterfaceAttachment(`relay-eni-${n}-attach`, { instanceId: relay.id, networkInterfaceId: eni.id });
    const ip = new alicloud.ecs.EipAddress(`relay-ip-${n}`, { addressName: `relay-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`relay-eip-${n}`, { allocationId: ip.id, instanceId: eni.id, instanceType: "NetworkInterface" });
}
