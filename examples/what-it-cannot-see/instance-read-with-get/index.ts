// A server created outside Pulumi is read into the program with `.get()` so that a new EIP can be
// bound to it. The engine runs the read at preview but sends policies neither the read nor its
// URN (it is not in AnalyzeStack, and @pulumi/policy drops dependencies on it): to the pack the
// association names a literal instance id of a resource outside the stack. Nothing is wrong with
// the binding; its region cannot be checked, which eip-same-region says in an advisory note.
import * as alicloud from "@pulumi/alicloud";

const legacy = alicloud.ecs.Instance.get("legacy-web", "i-bp1legacyweb00001");

const ip = new alicloud.ecs.EipAddress("legacy-web-ip", { addressName: "legacy-web", bandwidth: "5" });
new alicloud.ecs.EipAssociation("legacy-web-eip", { allocationId: ip.id, instanceId: legacy.id });
