// Several EIPs on one ECS instance in NAT mode: a secondary ENI with a primary and two secondary
// private IPs, and one EIP associated with each private IP (instanceType "NetworkInterface",
// mode "NAT", privateIpAddress set to a different address of the ENI each time).
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

const addresses = ["10.0.1.10", "10.0.1.11", "10.0.1.12"];
const eni = new alicloud.ecs.EcsNetworkInterface("proxy-eni", {
    vswitchId: vswitch.id,
    securityGroupIds: [sg.id],
    primaryIpAddress: addresses[0],
    privateIpAddresses: addresses.slice(1),
});
new alicloud.ecs.EcsNetworkInterfaceAttachment("proxy-eni-attach", { instanceId: proxy.id, networkInterfaceId: eni.id });

addresses.forEach((address, n) => {
    const ip = new alicloud.ecs.EipAddress(`egress-ip-${n}`, { addressName: `egress-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`egress-eip-${n}`, {
        allocationId: ip.id,
        instanceId: eni.id,
        instanceType: "NetworkInterface",
        mode: "NAT",
        privateIpAddress: address,
    });
});
