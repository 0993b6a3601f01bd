// An internal-facing CLB and the EIP that publishes it, both in the application team's resource
// group, so the EIP console shows the CLB as the EIP's bound instance.
import * as alicloud from "@pulumi/alicloud";

const appGroup = "rg-aek2ya3kql7thxa"; // the application team's resource group

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "api", cidrBlock: "10.0.0.0/16", resourceGroupId: appGroup });
const vswitch = new alicloud.vpc.Switch("api-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });

const clb = new alicloud.slb.ApplicationLoadBalancer("api-clb", {
    loadBalancerName: "api",
    addressType: "intranet",
    vswitchId: vswitch.id,
    loadBalancerSpec: "slb.s2.small",
    resourceGroupId: appGroup,
});

const ip = new alicloud.ecs.EipAddress("api-ip", { addressName: "api", bandwidth: "10", resourceGroupId: appGroup });
new alicloud.ecs.EipAssociation("api-clb-eip", { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
