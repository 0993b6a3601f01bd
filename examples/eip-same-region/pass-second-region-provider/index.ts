// A stack that serves from Hangzhou (the stack's alicloud:region) and from Beijing. The Beijing
// server, its EIP and its EipAssociation are all created with an explicit cn-beijing provider, so
// every EIP is bound in its own region.
import * as alicloud from "@pulumi/alicloud";

function site(name: string, zoneId: string, opts: { provider?: alicloud.Provider }) {
    const vpc = new alicloud.vpc.Network(`${name}-vpc`, { vpcName: name, cidrBlock: "10.0.0.0/16" }, opts);
    const vswitch = new alicloud.vpc.Switch(`${name}-vsw`, { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId }, opts);
    const sg = new alicloud.ecs.SecurityGroup(`${name}-sg`, { vpcId: vpc.id }, opts);
    const server = new alicloud.ecs.Instance(
        `${name}-web`,
        { instanceType: "ecs.g7.large", imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd", vswitchId: vswitch.id, securityGroups: [sg.id] },
        opts,
    );
    const eip = new alicloud.ecs.EipAddress(`${name}-ip`, { addressName: name, bandwidth: "10" }, opts);
    new alicloud.ecs.EipAssociation(`${name}-eip`, { allocationId: eip.id, instanceId: server.id }, opts);
}

// Hangzhou: the default provider (alicloud:region in Pulumi.dev.yaml).
site("hangzhou", "cn-hangzhou-h", {});

// Beijing: everything, the EIP and the association included, on the Beijing provider.
const beijing = new alicloud.Provider("beijing", { region: "cn-beijing" });
site("beijing", "cn-beijing-h", { provider: beijing });
