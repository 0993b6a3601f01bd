// The EIP is allocated with the Beijing provider (say, copied from the Beijing part of the stack),
// but the server and the association use the default Hangzhou provider. An EIP can only be bound
// to a resource in its own region, so the association fails.
import * as alicloud from "@pulumi/alicloud";

const beijing = new alicloud.Provider("beijing", { region: "cn-beijing" });

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });
const server = new alicloud.ecs.Instance("web", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});

const eip = new alicloud.ecs.EipAddress("web-ip", { addressName: "web", bandwidth: "10" }, { provider: beijing });
new alicloud.ecs.EipAssociation("web-eip", { allocationId: eip.id, instanceId: server.id });
