// The NAT gateway's vSwitch is a /29, the smallest there is: 4 usable addresses (Alibaba Cloud keeps
// 4 of the 8). The new gateway is in NAT mode (eipBindMode "NAT"), so it takes one and each of its 4
// EIPs takes another, 5 in all, and the fourth association fails
// (OperationDenied.NoAvailablePrivateIp). A /28 would do, or the default MULTI_BINDED mode, as in
// pass-multi-binded-default.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "crawler", cidrBlock: "10.0.0.0/16" });
const natVsw = new alicloud.vpc.Switch("nat-vsw", { vpcId: vpc.id, cidrBlock: "10.0.0.0/29", zoneId: "cn-hangzhou-h" });

const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: natVsw.id, natType: "Enhanced", paymentType: "PayAsYouGo", eipBindMode: "NAT" });
for (let n = 1; n <= 4; n++) {
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${n}`, { addressName: `crawler-${n}`, bandwidth: "50" });
    new alicloud.ecs.EipAssociation(`nat-eip-${n}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
}
