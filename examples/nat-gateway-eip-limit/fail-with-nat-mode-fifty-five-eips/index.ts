// pass-without-nat-mode-fifty-five-eips with eipBindMode "NAT". The raised quota (maxEips 60 in
// expected.json) does not help: a NAT gateway in NAT mode can be associated with at most 50 EIPs,
// so five associations fail. Spread the EIPs over two gateways, or leave eipBindMode unset.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "egress", cidrBlock: "10.0.0.0/16" });
const natVsw = new alicloud.vpc.Switch("nat-vsw", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", zoneId: "cn-hangzhou-h" });

const nat = new alicloud.vpc.NatGateway("nat", {
    vpcId: vpc.id,
    vswitchId: natVsw.id,
    natType: "Enhanced",
    paymentType: "PayAsYouGo",
    eipBindMode: "NAT",
});

for (let n = 1; n <= 55; n++) {
    const suffix = String(n).padStart(2, "0");
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${suffix}`, { addressName: `egress-${suffix}`, bandwidth: "100" });
    new alicloud.ecs.EipAssociation(`nat-eip-${suffix}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
}
