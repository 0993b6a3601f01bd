// Moving a site behind an ALB: the web server's EIP is reused in the ALB's zone mapping, but the
// old EipAssociation to the server is still in the program. The EIP would be bound twice (to the
// server and to the ALB), so whichever binding Alibaba Cloud processes second fails.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "shop", cidrBlock: "10.0.0.0/16" });
const vswH = new alicloud.vpc.Switch("vsw-h", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const vswI = new alicloud.vpc.Switch("vsw-i", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", zoneId: "cn-hangzhou-i" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });

const web = new alicloud.ecs.Instance("web", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswH.id,
    securityGroups: [sg.id],
});

// The site's well-known address, still associated with the old server...
const siteIp = new alicloud.ecs.EipAddress("site-ip", { addressName: "shop", bandwidth: "10" });
new alicloud.ecs.EipAssociation("web-eip", { allocationId: siteIp.id, instanceId: web.id });

// ...and now also put on the ALB in zone H. Zone I gets a new EIP.
const zoneIIp = new alicloud.ecs.EipAddress("alb-ip-i", { addressName: "shop-i", bandwidth: "10" });
new alicloud.alb.LoadBalancer("shop-alb", {
    vpcId: vpc.id,
    addressType: "Internet",
    loadBalancerEdition: "Standard",
    loadBalancerBillingConfig: { payType: "PayAsYouGo" },
    zoneMappings: [
        { zoneId: "cn-hangzhou-h", vswitchId: vswH.id, allocationId: siteIp.id },
        { zoneId: "cn-hangzhou-i", vswitchId: vswI.id, allocationId: zoneIIp.id },
    ],
});
