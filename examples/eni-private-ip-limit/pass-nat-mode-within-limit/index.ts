// The egress gateway of fail-seven-private-ips-on-c7-large with six public addresses: its secondary
// ENI gets six private IPs (its primary and five secondary), one NAT-mode EIP on each, exactly what
// an ecs.c7.large holds per ENI.
import * as alicloud from "@pulumi/alicloud";

const SECONDARY = 5;

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "egress", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("egress-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("egress-sg", { vpcId: vpc.id });

const gateway = new alicloud.ecs.Instance("gateway", {
    instanceType: "ecs.c7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});

const addresses = Array.from({ length: SECONDARY }, (_, i) => `10.0.1.${21 + i}`);
const eni = new alicloud.ecs.EcsNetworkInterface("egress-eni", {
    vswitchId: vswitch.id,
    securityGroupIds: [sg.id],
    primaryIpAddress: "10.0.1.20",
    privateIpAddresses: addresses,
});
new alicloud.ecs.EcsNetworkInterfaceAttachment("egress-eni-attach", { instanceId: gateway.id, networkInterfaceId: eni.id });

["10.0.1.20", ...addresses].forEach((privateIpAddress, n) => {
    const ip = new alicloud.ecs.EipAddress(`egress-ip-${n}`, { addressName: `egress-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`egress-eip-${n}`, { allocationId: ip.id, instanceId: eni.id, instanceType: "NetworkInterface", privateIpAddress });
});
