// Two EIPs associated directly with one ECS instance. An instance's primary network interface takes
// only one EIP; more EIPs need secondary ENIs (see pass-secondary-enis).
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "mail", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("mail-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("mail-sg", { vpcId: vpc.id });

const relay = new alicloud.ecs.Instance("relay", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
for (const n of ["a", "b"]) {
    const ip = new alicloud.ecs.EipAddress(`relay-ip-${n}`, { addressName: `relay-${n}`, bandwidth: "5" });
    new alicloud.ecs.EipAssociation(`relay-eip-${n}`, { allocationId: ip.id, instanceId: relay.id });
}
