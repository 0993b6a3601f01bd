// The NAT gateway shares a /28 vSwitch (12 usable addresses) with the 8 servers it serves. The
// servers take 8 addresses, the new gateway 1 and, in NAT mode (eipBindMode "NAT"), its 4 EIPs 4
// more: 13 in all, so the last EIP
// association fails (OperationDenied.NoAvailablePrivateIp). Give the gateway a vSwitch of its own,
// as in pass-dedicated-vswitch.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "crawler", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("crawler-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/28", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("crawler-sg", { vpcId: vpc.id });

for (let n = 1; n <= 8; n++) {
    new alicloud.ecs.Instance(`crawler-${n}`, {
        instanceType: "ecs.g7.large",
        imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
        vswitchId: vswitch.id,
        securityGroups: [sg.id],
    });
}

const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: vswitch.id, natType: "Enhanced", paymentType: "PayAsYouGo", eipBindMode: "NAT" });
for (let n = 1; n <= 4; n++) {
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${n}`, { addressName: `crawler-${n}`, bandwidth: "50" });
    new alicloud.ecs.EipAssociation(`nat-eip-${n}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
}
