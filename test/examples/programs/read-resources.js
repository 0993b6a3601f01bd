"use strict";
// Resources read with `.get()` next to managed ones: what the engine sends an analyzer for them
// (test/examples/program.test.ts).
const alicloud = require("@pulumi/alicloud");

// Reads of resources that live outside the stack, by literal id.
const legacy = alicloud.ecs.Instance.get("legacy", "i-bp1legacy0000001");
const oldIp = alicloud.ecs.EipAddress.get("old-ip", "eip-bp1old000000001");

const ip = new alicloud.ecs.EipAddress("ip", { addressName: "web", bandwidth: "5" });
new alicloud.ecs.EipAssociation("to-legacy", { allocationId: ip.id, instanceId: legacy.id });
new alicloud.ecs.EipAssociation("old-to-legacy", { allocationId: oldIp.id, instanceId: legacy.id });

// A read of a resource the stack is creating: its id is unknown at preview.
const pending = alicloud.ecs.EipAddress.get("pending", ip.id);
new alicloud.vpc.Network("vpc", { cidrBlock: "10.0.0.0/16", description: pending.status, vpcName: oldIp.status });
