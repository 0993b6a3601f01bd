// The app server has a second private IP for a separate service, published through a DNAT entry,
// while the server itself has an EIP. Alibaba Cloud documents the EIP/DNAT conflict per ECS instance
// and says nothing of secondary private IPs, so the pack cannot tell whether this works: an advisory
// note. (A DNAT entry to the server's primary private IP would be a violation.)
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "app", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("app-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("app-sg", { vpcId: vpc.id });

const app = new alicloud.ecs.Instance("app", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
    privateIp: "10.0.1.20",
    secondaryPrivateIps: ["10.0.1.21"],
});
const appIp = new alicloud.ecs.EipAddress("app-ip", { addressName: "app", bandwidth: "5" });
new alicloud.ecs.EipAssociation("app-eip", { allocationId: appIp.id, instanceId: app.id });

// An Internet NAT gateway with one EIP; DNAT of its port 8443 to the server's secondary private IP.
const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: vswitch.id, natType: "Enhanced", paymentType: "PayAsYouGo" });
const natIp = new alicloud.ecs.EipAddress("nat-ip", { addressName: "app-nat", bandwidth: "20" });
new alicloud.ecs.EipAssociation("nat-eip", { allocationId: natIp.id, instanceId: nat.id, instanceType: "Nat" });
new alicloud.vpc.ForwardEntry("admin-dnat", {
    forwardTableId: nat.forwardTableIds,
    externalIp: natIp.ipAddress,
    externalPort: "8443",
    internalIp: "10.0.1.21",
    internalPort: "8443",
    ipProtocol: "tcp",
});
