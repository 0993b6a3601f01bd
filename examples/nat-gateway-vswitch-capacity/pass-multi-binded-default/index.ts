// fail-tiny-vswitch without eipBindMode: the provider then leaves the mode to CreateNatGateway, whose
// default is MULTI_BINDED, and in that mode an EIP takes no private IP of the gateway's vSwitch. The
// gateway still takes one of the 4 usable addresses of its /29, and 5 EIPs fit. (A gateway created
// in the console is in NAT mode by default; only the API, Terraform and Pulumi default to
// MULTI_BINDED.)
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "crawler", cidrBlock: "10.0.0.0/16" });
const natVsw = new alicloud.vpc.Switch("nat-vsw", { vpcId: vpc.id, cidrBlock: "10.0.0.0/29", zoneId: "cn-hangzhou-h" });

const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: natVsw.id, natType: "Enhanced", paymentType: "PayAsYouGo" });
for (let n = 1; n <= 5; n++) {
    const ip = new alicloud.ecs.EipAddress(`nat-ip-${n}`, { addressName: `crawler-${n}`, bandwidth: "50" });
    new alicloud.ecs.EipAssociation(`nat-eip-${n}`, { allocationId: ip.id, instanceId: nat.id, instanceType: "Nat" });
}
