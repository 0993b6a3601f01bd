// Multi-EIP-to-ENI mode (MULTI_BINDED), which Alibaba Cloud no longer opens to new accounts: only
// accounts allowed before may use it, others are refused (Mode.NotSupport). No plan shows whether the
// account is allowed, so the policy adds an advisory note on the ENI, which a team whose account is
// allowed turns off with multiBindedAllowed (see pass-with-multi-binded-allowed). The associations
// themselves are valid: an ENI without secondary private IPs, attached after them (dependsOn).
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "lb", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("lb-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("lb-sg", { vpcId: vpc.id });

const server = new alicloud.ecs.Instance("lb", {
    instanceType: "ecs.g5.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});
const eni = new alicloud.ecs.EcsNetworkInterface("lb-eni", { vswitchId: vswitch.id, securityGroupIds: [sg.id] });

const associations = [0, 1, 2].map((n) => {
    const ip = new alicloud.ecs.EipAddress(`lb-ip-${n}`, { addressName: `lb-${n}`, bandwidth: "5" });
    return new alicloud.ecs.EipAssociation(`lb-eip-${n}`, { allocationId: ip.id, instanceId: eni.id, instanceType: "NetworkInterface", mode: "MULTI_BINDED" });
});

new alicloud.ecs.EcsNetworkInterfaceAttachment("lb-eni-attach", { instanceId: server.id, networkInterfaceId: eni.id }, { dependsOn: associations });
