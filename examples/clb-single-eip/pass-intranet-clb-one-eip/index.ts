// An internal-facing CLB in a VPC serving two backends, published on the Internet through one EIP
// (instanceType "SlbInstance"). An internal-facing CLB takes exactly one EIP.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "api", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("api-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("api-sg", { vpcId: vpc.id });

const backends = [1, 2].map(
    (n) =>
        new alicloud.ecs.Instance(`api-${n}`, {
            instanceType: "ecs.g7.large",
            imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
            vswitchId: vswitch.id,
            securityGroups: [sg.id],
        }),
);

const clb = new alicloud.slb.ApplicationLoadBalancer("api-clb", {
    loadBalancerName: "api",
    addressType: "intranet",
    vswitchId: vswitch.id,
    loadBalancerSpec: "slb.s2.small",
});
new alicloud.slb.BackendServer("api-backends", {
    loadBalancerId: clb.id,
    backendServers: backends.map((backend) => ({ serverId: backend.id, weight: 100 })),
});

const ip = new alicloud.ecs.EipAddress("api-ip", { addressName: "api", bandwidth: "10" });
new alicloud.ecs.EipAssociation("api-clb-eip", { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
