// A relay on an 8th-generation type the pack's documented table does not list. The team gives its
// ENI limit in the policy's instanceTypes option (see expected.json), as read for its own account
// and region (DescribeInstanceTypes, EniQuantity), so the three secondary ENIs are checked against
// it instead of leaving a note that the type could not be checked. The number there is the team's
// reading, not the pack's data.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "mail", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("mail-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("mail-sg", { vpcId: vpc.id });

const relay = new alicloud.ecs.Instance("relay", {
    instanceType: "ecs.g8i.xlarge",
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
