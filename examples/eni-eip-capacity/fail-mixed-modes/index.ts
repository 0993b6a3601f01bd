// Two EIPs on one secondary ENI, one in NAT mode and one in multi-EIP-to-ENI mode (MULTI_BINDED).
// One ENI cannot use both modes (OperationFailed.EipBindModeConflict): use one mode for every EIP
// on the ENI.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "gw", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("gw-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("gw-sg", { vpcId: vpc.id });

const gateway = new alicloud.ecs.Instance("gw", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const eni = new alicloud.ecs.EcsNetworkInterface("gw-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id], secondaryPrivateIpAddressCount: 1 });

const natIp = new alicloud.ecs.EipAddress("gw-ip-nat", { addressName: "gw-nat", bandwidth: "5" });
new alicloud.ecs.EipAssociation("gw-eip-nat", { allocationId: natIp.id, instanceId: eni.id, instanceType: "NetworkInterface", mode: "NAT" });

const multiIp = new alicloud.ecs.EipAddress("gw-ip-multi", { addressName: "gw-multi", bandwidth: "5" });
const multi = new alicloud.ecs.EipAssociation("gw-eip-multi", { allocationId: multiIp.id, instanceId: eni.id, instanceType: "NetworkInterface", mode: "MULTI_BINDED" });

// MULTI_BINDED takes only an ENI that is not attached yet: the attachment waits for the association.
new alicloud.ecs.EcsNetworkInterfaceAttachment("gw-eni-attach", { instanceId: gateway.id, networkInterfaceId: eni.id }, { dependsOn: [multi] });
