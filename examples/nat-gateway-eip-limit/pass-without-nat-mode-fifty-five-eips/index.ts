// The account's quota natgw_quota_eip_num_per_nat was raised to 60, and the policy is told so
// (expected.json policyConfig: nat-gateway-eip-limit maxEips 60). The gateway is created without
// eipBindMode, so in MULTI_BINDED mode (the API default), to which the raised quota applies: 55 EIPs
// are within it. In NAT mode the same gateway could hold only 50 (fail-with-nat-mode-fifty-five-eips).
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "egress", cidrBlock: "10.0.0.0/16" });
const natVsw = new alicloud.vpc.Switch("nat-vsw", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", zoneId: "cn-hangzhou-h" });

const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: natVsw.id, natType: "Enhanced", paymentType: "PayAsYouGo" });

for (let n = 1; n <= 55; n++) {
    const suffix = String(n).padStart(2, "0");
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${suffix}`, { addressName: `egress-${suffix}`, bandwidth: "100" });
    new alicloud.ecs.EipAssociation(`nat-eip-${suffix}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
}
