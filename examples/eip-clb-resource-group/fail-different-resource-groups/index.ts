// The EIP is allocated in the network team's resource group, the CLB it is bound to in the
// application team's. The binding works, but the EIP console will not show the CLB as the EIP's
// bound instance (an advisory note, not a failure).
import * as alicloud from "@pulumi/alicloud";

const networkGroup = "rg-acfmzk2pn5ejd4q"; // the network team's resource group
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

const ip = new alicloud.ecs.EipAddress("api-ip", { addressName: "api", bandwidth: "10", resourceGroupId: networkGroup });
new alicloud.ecs.EipAssociation("api-clb-eip", { allocationId: ip.id, instanceId: clb.id, instanceType: "SlbInstance" });
