// The NAT gateway belongs to the network team's stack; this stack adds a DNAT entry on its forward
// table, by id, to 10.0.1.20, the private IP this stack gives its app server, which also has an EIP.
// If the gateway is in the server's VPC the two conflict, but nothing in this stack proves that
// (the same private IP can exist in another VPC): an advisory note, not a violation.
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
});
const appIp = new alicloud.ecs.EipAddress("app-ip", { addressName: "app", bandwidth: "5" });
new alicloud.ecs.EipAssociation("app-eip", { allocationId: appIp.id, instanceId: app.id });

new alicloud.vpc.ForwardEntry("app-dnat", {
    forwardTableId: "ftb-bp1sharedgateway01",
    externalIp: "47.96.0.10",
    externalPort: "443",
    internalIp: "10.0.1.20",
    internalPort: "443",
    ipProtocol: "tcp",
});
