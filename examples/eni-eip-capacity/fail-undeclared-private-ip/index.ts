// An EIP in NAT mode bound to the private IP 10.0.1.50 of a secondary ENI whose addresses the system
// assigns at creation (no primaryIpAddress, one secondary IP by count). The association works only
// if the ENI happens to get exactly that address, which nothing here can know before deployment:
// an advisory note, not a violation. Declaring the address on the ENI (primaryIpAddress or
// privateIpAddresses) settles it.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "proxy", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("proxy-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("proxy-sg", { vpcId: vpc.id });

const eni = new alicloud.ecs.EcsNetworkInterface("proxy-eni", {
    vswitchId: vswitch.id,
    securityGroupIds: [sg.id],
    secondaryPrivateIpAddressCount: 1,
});

const ip = new alicloud.ecs.EipAddress("egress-ip", { addressName: "egress", bandwidth: "5" });
new alicloud.ecs.EipAssociation("egress-eip", {
    allocationId: ip.id,
    instanceId: eni.id,
    instanceType: "NetworkInterface",
    mode: "NAT",
    privateIpAddress: "10.0.1.50",
});
