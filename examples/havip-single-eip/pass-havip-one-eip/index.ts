// Two servers share a floating HAVIP, and the HAVIP is published on the Internet through one EIP
// (instanceType "HaVip"). An HAVIP takes exactly one EIP.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "ha", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("ha-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("ha-sg", { vpcId: vpc.id });

// A keepalived pair sharing a floating private address (the HAVIP).
const havip = new alicloud.vpc.HaVipv2("vip", { vswitchId: vswitch.id, ipAddress: "10.0.1.100", haVipName: "web-vip" });
for (const node of ["lb-primary", "lb-backup"]) {
    const server = new alicloud.ecs.Instance(node, {
        instanceType: "ecs.g7.large",
        imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
        vswitchId: vswitch.id,
        securityGroups: [sg.id],
    });
    new alicloud.vpc.HAVipAttachment(`${node}-vip`, { haVipId: havip.id, instanceId: server.id });
}

const ip = new alicloud.ecs.EipAddress("vip-ip", { addressName: "web-vip", bandwidth: "10" });
new alicloud.ecs.EipAssociation("vip-eip", { allocationId: ip.id, instanceId: havip.id, instanceType: "HaVip" });
