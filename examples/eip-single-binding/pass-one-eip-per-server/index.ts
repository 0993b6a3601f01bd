// Two web servers, each with an EIP of its own: one EIP, one EipAssociation, one resource. This is
// the supported way to give several resources public addresses.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });

for (const name of ["web-1", "web-2"]) {
    const server = new alicloud.ecs.Instance(name, {
        instanceType: "ecs.g7.large",
        imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
        vswitchId: vswitch.id,
        securityGroups: [sg.id],
    });
    const eip = new alicloud.ecs.EipAddress(`${name}-ip`, { addressName: name, bandwidth: "10" });
    new alicloud.ecs.EipAssociation(`${name}-eip`, { allocationId: eip.id, instanceId: server.id });
}
