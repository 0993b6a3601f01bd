// Two web servers share one EIP: Alibaba Cloud binds an EIP to one resource at a time, so the
// second association would fail half-way through the deployment.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });

const servers = ["web-1", "web-2"].map(
    (name) =>
        new alicloud.ecs.Instance(name, {
            instanceType: "ecs.g7.large",
            imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
            vswitchId: vswitch.id,
            securityGroups: [sg.id],
        }),
);

const shared = new alicloud.ecs.EipAddress("shared-eip", { addressName: "web", bandwidth: "10" });
servers.forEach((server, i) => new alicloud.ecs.EipAssociation(`web-${i + 1}-eip`, { allocationId: shared.id, instanceId: server.id }));
