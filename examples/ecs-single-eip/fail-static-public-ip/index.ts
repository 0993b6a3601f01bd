// The instance is created with internetMaxBandwidthOut > 0, which gives it a static public IP, and
// an EIP is then associated with it as well. An instance with a static public IP takes no EIP
// (Forbidden.InstanceBandwidthNotZero): drop internetMaxBandwidthOut to use the EIP.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });

const web = new alicloud.ecs.Instance("web", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
    internetChargeType: "PayByTraffic",
    internetMaxBandwidthOut: 10,
});

const ip = new alicloud.ecs.EipAddress("web-ip", { addressName: "web", bandwidth: "10" });
new alicloud.ecs.EipAssociation("web-eip", { allocationId: ip.id, instanceId: web.id });
