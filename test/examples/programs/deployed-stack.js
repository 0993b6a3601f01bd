"use strict";
// A stack previewed again after its update (test/examples/program.test.ts): the EIP's bandwidth comes
// from the stack config, so changing it changes the EIP and what is computed from it, and nothing else.
const pulumi = require("@pulumi/pulumi");
const alicloud = require("@pulumi/alicloud");

const beijing = new alicloud.Provider("beijing", { region: "cn-beijing" });
const vpc = new alicloud.vpc.Network("vpc", { cidrBlock: "10.0.0.0/16" }, { provider: beijing });
const vswitch = new alicloud.vpc.Switch("vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-beijing-h" }, { provider: beijing });
const server = new alicloud.ecs.Instance("web", { instanceType: "ecs.g7.large", imageId: "ubuntu", vswitchId: vswitch.id }, { provider: beijing });
const ip = new alicloud.ecs.EipAddress("ip", { bandwidth: new pulumi.Config("web").require("bandwidth") }, { provider: beijing });
new alicloud.ecs.EipAssociation("ip-assoc", { allocationId: ip.id, instanceId: server.id }, { provider: beijing });
