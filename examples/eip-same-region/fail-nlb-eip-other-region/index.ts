// The NLB and its VPC are built with a cn-shanghai provider, but its EIPs were left on the default
// Hangzhou provider. An NLB takes EIPs only from its own region, so both zone mappings fail.
import * as alicloud from "@pulumi/alicloud";

const shanghai = new alicloud.Provider("shanghai", { region: "cn-shanghai" });
const opts = { provider: shanghai };

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "game", cidrBlock: "10.0.0.0/16" }, opts);
const vswL = new alicloud.vpc.Switch("vsw-l", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-shanghai-l" }, opts);
const vswM = new alicloud.vpc.Switch("vsw-m", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", zoneId: "cn-shanghai-m" }, opts);

// Missing `opts`: these EIPs are allocated in Hangzhou.
const ipL = new alicloud.ecs.EipAddress("game-ip-l", { addressName: "game-l", bandwidth: "20" });
const ipM = new alicloud.ecs.EipAddress("game-ip-m", { addressName: "game-m", bandwidth: "20" });

new alicloud.nlb.LoadBalancer(
    "game-nlb",
    {
        vpcId: vpc.id,
        addressType: "Internet",
        loadBalancerType: "Network",
        zoneMappings: [
            { zoneId: "cn-shanghai-l", vswitchId: vswL.id, allocationId: ipL.id },
            { zoneId: "cn-shanghai-m", vswitchId: vswM.id, allocationId: ipM.id },
        ],
    },
    opts,
);
