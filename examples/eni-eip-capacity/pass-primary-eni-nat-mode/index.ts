// Several EIPs on one ECS instance without a secondary ENI: the instance is created on an ENI of its
// own making (networkInterfaceId, provider 1.284.0 or later), which becomes its primary ENI, and one
// EIP is associated in NAT mode with each of that ENI's three private IPs. Alibaba Cloud's guides
// support NAT mode on primary ENIs as well as on secondary ones.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "relay", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("relay-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("relay-sg", { vpcId: vpc.id });

const addresses = ["10.0.1.10", "10.0.1.11", "10.0.1.12"];
const eni = new alicloud.ecs.EcsNetworkInterface("relay-eni", {
    vswitchId: vswitch.id,
    securityGroupIds: [sg.id],
    primaryIpAddress: addresses[0],
    privateIpAddresses: addresses.slice(1),
});
// The instance takes its vSwitch, security groups and primary private IP from the ENI.
new alicloud.ecs.Instance("relay", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    networkInterfaceId: eni.id,
});

addresses.forEach((address, n) => {
    const ip = new alicloud.ecs.EipAddress(`relay-ip-${n}`, { addressName: `relay-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`relay-eip-${n}`, {
        allocationId: ip.id,
        instanceId: eni.id,
        instanceType: "NetworkInterface",
        mode: "NAT",
        privateIpAddress: address,
    });
});
