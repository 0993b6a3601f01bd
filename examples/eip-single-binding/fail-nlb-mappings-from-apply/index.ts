// The NLB's zone mappings are built in one pulumi.all(...).apply(...) from the vSwitch and EIP ids,
// and the zone H mapping takes the EIP that is still associated with the web server. The EIP would
// be bound twice (to the server and to the NLB). At preview the whole zoneMappings list is unknown,
// but it is computed from exactly these EIPs, so the double binding can be told before deployment
// (only the zones of the mappings cannot, hence an advisory note from alb-nlb-eip-per-zone).
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "game", cidrBlock: "10.0.0.0/16" });
const sg = new alicloud.ecs.SecurityGroup("game-sg", { vpcId: vpc.id });
const zones = ["cn-hangzhou-h", "cn-hangzhou-i"];
const vswitches = zones.map((zoneId, n) => new alicloud.vpc.Switch(`game-vsw-${n + 1}`, { vpcId: vpc.id, cidrBlock: `10.0.${n + 1}.0/24`, zoneId }));
const ips = zones.map((zoneId, n) => new alicloud.ecs.EipAddress(`game-ip-${n + 1}`, { addressName: `game-${zoneId}`, bandwidth: "20" }));

// The old single-server setup, not yet removed: it holds the first EIP.
const web = new alicloud.ecs.Instance("game-server", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitches[0].id,
    securityGroups: [sg.id],
});
new alicloud.ecs.EipAssociation("game-server-eip", { allocationId: ips[0].id, instanceId: web.id });

new alicloud.nlb.LoadBalancer("game-nlb", {
    vpcId: vpc.id,
    addressType: "Internet",
    loadBalancerType: "Network",
    zoneMappings: pulumi
        .all([vswitches.map((vswitch) => vswitch.id), ips.map((ip) => ip.id)])
        .apply(([vswitchIds, allocationIds]) => zones.map((zoneId, n) => ({ zoneId, vswitchId: vswitchIds[n], allocationId: allocationIds[n] }))),
});
