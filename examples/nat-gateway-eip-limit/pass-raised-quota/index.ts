// The account's quota natgw_quota_eip_num_per_nat was raised to 30 on request, and the policy is
// told so (expected.json policyConfig: nat-gateway-eip-limit maxEips 30, as with
// --policy-pack-config). 25 EIPs on one Internet NAT gateway are then within the limit.
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "egress", cidrBlock: "10.0.0.0/16" });
const natVsw = new alicloud.vpc.Switch("nat-vsw", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", zoneId: "cn-hangzhou-h" });
const appVsw = new alicloud.vpc.Switch("app-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });

const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: natVsw.id, natType: "Enhanced", paymentType: "PayAsYouGo" });

const EIP_COUNT = 25;
const addresses: pulumi.Output<string>[] = [];
for (let n = 1; n <= EIP_COUNT; n++) {
    const suffix = String(n).padStart(2, "0");
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${suffix}`, { addressName: `egress-${suffix}`, bandwidth: "100" });
    new alicloud.ecs.EipAssociation(`nat-eip-${suffix}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
    addresses.push(ip.ipAddress);
}

// The application vSwitch leaves the VPC through all of the gateway's EIPs.
new alicloud.vpc.SnatEntry("app-snat", { snatTableId: nat.snatTableIds, sourceVswitchId: appVsw.id, snatIp: pulumi.all(addresses).apply((ips) => ips.join(",")) });
