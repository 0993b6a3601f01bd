// An instance created on its own ENI (networkInterfaceId, provider 1.284.0 or later) with an
// instance-level EIP (instanceType "EcsInstance"), which Alibaba Cloud puts on the primary private
// IP of the primary ENI, and a NAT-mode EIP bound to that same private IP of the ENI. Two EIPs on
// one private IP are likely refused, though no error code documents it: an advisory note. Keep the
// NAT-mode EIPs on the secondary private IPs.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "relay", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("relay-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("relay-sg", { vpcId: vpc.id });

const addresses = ["10.0.1.10", "10.0.1.11"];
const eni = new alicloud.ecs.EcsNetworkInterface("relay-eni", {
    vswitchId: vswitch.id,
    securityGroupIds: [sg.id],
    primaryIpAddress: addresses[0],
    privateIpAddresses: addresses.slice(1),
});
// vswitchId names the ENI's own vSwitch; the provider takes the placement from the ENI anyway.
const relay = new alicloud.ecs.Instance("relay", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    networkInterfaceId: eni.id,
});

const instanceIp = new alicloud.ecs.EipAddress("relay-ip", { addressName: "relay", bandwidth: "5" });
new alicloud.ecs.EipAssociation("relay-eip", { allocationId: instanceIp.id, instanceId: relay.id });

addresses.forEach((address, n) => {
    const ip = new alicloud.ecs.EipAddress(`relay-nat-ip-${n}`, { addressName: `relay-nat-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`relay-nat-eip-${n}`, {
        allocationId: ip.id,
        instanceId: eni.id,
        instanceType: "NetworkInterface",
        mode: "NAT",
        privateIpAddress: address,
    });
});
