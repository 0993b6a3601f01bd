// Three EIPs in NAT mode (the default mode) on a secondary ENI that has only two private IPs: its
// primary one and one secondary (secondaryPrivateIpAddressCount: 1). In NAT mode an ENI takes one
// EIP per private IP, so the third association fails (InvalidEip.EipQuotaExceeded). The fix is
// secondaryPrivateIpAddressCount: 2.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "proxy", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("proxy-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("proxy-sg", { vpcId: vpc.id });

const proxy = new alicloud.ecs.Instance("proxy", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const eni = new alicloud.ecs.EcsNetworkInterface("proxy-eni", {
    vswitchId: vswitch.id,
    securityGroupIds: [sg.id],
    secondaryPrivateIpAddressCount: 1,
});
new alicloud.ecs.EcsNetworkInterfaceAttachment("proxy-eni-attach", { instanceId: proxy.id, networkInterfaceId: eni.id });

for (const n of [1, 2, 3]) {
    const ip = new alicloud.ecs.EipAddress(`egress-ip-${n}`, { addressName: `egress-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`egress-eip-${n}`, { allocationId: ip.id, instanceId: eni.id, instanceType: "NetworkInterface" });
}
