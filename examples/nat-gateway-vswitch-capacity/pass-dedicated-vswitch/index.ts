// A new Internet NAT gateway in NAT mode (eipBindMode "NAT") with 4 EIPs. In NAT mode each EIP
// associated with a newly created NAT gateway takes a private IP from the gateway's vSwitch, and the
// gateway takes one more. The gateway gets a
// dedicated /28 vSwitch (12 usable addresses, 5 needed); the servers live in their own /24.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "crawler", cidrBlock: "10.0.0.0/16" });
const natVsw = new alicloud.vpc.Switch("nat-vsw", { vpcId: vpc.id, cidrBlock: "10.0.0.0/28", zoneId: "cn-hangzhou-h" });
const appVsw = new alicloud.vpc.Switch("app-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("app-sg", { vpcId: vpc.id });

for (let n = 1; n <= 8; n++) {
    new alicloud.ecs.Instance(`crawler-${n}`, {
        instanceType: "ecs.g7.large",
        imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
        vswitchId: appVsw.id,
        securityGroups: [sg.id],
    });
}

const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: natVsw.id, natType: "Enhanced", paymentType: "PayAsYouGo", eipBindMode: "NAT" });
for (let n = 1; n <= 4; n++) {
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${n}`, { addressName: `crawler-${n}`, bandwidth: "50" });
    new alicloud.ecs.EipAssociation(`nat-eip-${n}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
}
