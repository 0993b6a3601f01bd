"use strict";
// A provider whose credentials come from an access key the stack creates: unknown at preview
// (test/examples/program.test.ts). The key's user comes from the stack config, so that a changed
// config replaces the key and leaves the provider unconfigured at the next preview too.
const pulumi = require("@pulumi/pulumi");
const alicloud = require("@pulumi/alicloud");

const key = new alicloud.ram.AccessKey("deployer-key", { userName: new pulumi.Config("web").require("user") });
const deployer = new alicloud.Provider("deployer", { region: "cn-hangzhou", accessKey: key.id, secretKey: key.secret });
const ip = new alicloud.ecs.EipAddress("ip", { addressName: "web", bandwidth: "5" }, { provider: deployer });
new alicloud.vpc.Network("vpc", { cidrBlock: "10.0.0.0/16", description: ip.ipAddress }, { provider: deployer });
// On the default provider, configured from the stack config: planned as usual.
new alicloud.ecs.EipAddress("other-ip", { bandwidth: "5" });
