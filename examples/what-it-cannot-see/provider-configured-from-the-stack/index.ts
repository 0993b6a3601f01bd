// The web tier is deployed with the credentials of a RAM user the stack creates for it. The access
// key does not exist at preview, so the provider's configuration is unknown: the engine cannot
// configure it and plans every resource on it with no properties (new or already deployed). No
// policy can check them before the update; the pack says so once, naming the provider and how many
// resources it could not check. The binding itself is valid, and passes once the key exists.
import * as alicloud from "@pulumi/alicloud";

const user = new alicloud.ram.User("web-deployer", { name: "web-deployer" });
const key = new alicloud.ram.AccessKey("web-deployer-key", { userName: user.name });
const deployer = new alicloud.Provider("web-deployer", { region: "cn-hangzhou", accessKey: key.id, secretKey: key.secret });
const opts = { provider: deployer };

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" }, opts);
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" }, opts);
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id }, opts);
const server = new alicloud.ecs.Instance(
    "web",
    { instanceType: "ecs.g7.large", imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd", vswitchId: vswitch.id, securityGroups: [sg.id] },
    opts,
);
const ip = new alicloud.ecs.EipAddress("web-ip", { addressName: "web", bandwidth: "10" }, opts);
new alicloud.ecs.EipAssociation("web-eip", { allocationId: ip.id, instanceId: server.id }, opts);
