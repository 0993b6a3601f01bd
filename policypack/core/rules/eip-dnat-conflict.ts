// eip-dnat-conflict: an ECS instance serves the Internet through an EIP or through DNAT, not both.
//
// FAQ: "If your ECS instance is already associated with an EIP, you cannot use the DNAT feature of a
// NAT Gateway to provide Internet services." and "If you have already added a DNAT entry for an ECS
// instance, you cannot associate an EIP with that ECS instance."
//
// A DNAT entry (alicloud.vpc.ForwardEntry) names its instance by private IP, `internalIp`: usually
// `instance.privateIp`, unknown at preview and traced through its dependency, or a literal equal to
// the instance's private IP in the gateway's VPC. Whichever of the two is declared first, the other
// one fails.

import { appendTo } from "../collections";
import { describe, describeBinding, listOf } from "../describe";
import { Binding } from "../model";
import { dnatTargetOf, instancesByPrivateIp } from "../network";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { bindingsOnto } from "./common";

export const eipDnatConflict = defineRule({
    name: "eip-dnat-conflict",
    description: "An ECS instance cannot both be associated with an EIP and be the target of a NAT gateway DNAT entry.",
    faq: "If your ECS instance is already associated with an EIP, you cannot use the DNAT feature of a NAT Gateway to provide Internet services. If you have already added a DNAT entry for an ECS instance, you cannot associate an EIP with that ECS instance.",
    rejects: [
        "An ECS instance with an EIP that is also the internal target of a DNAT entry (`alicloud.vpc.ForwardEntry`): `internalIp` computed from the instance (`instance.privateIp`), or a literal equal to the instance's private IP in the gateway's VPC. Reported on both the association and the DNAT entry, whichever was declared first.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Choose one way for the instance to serve the Internet. To use DNAT, remove the EipAssociation and keep the alicloud.vpc.ForwardEntry. To use the EIP, remove the DNAT entries that forward to the instance's private IP. To have both, attach a secondary ENI and bind the EIP to it.",
    tags: ["eip", "nat-gateway", "dnat", "ecs"],
    options: {},
    requires: ["eipAssociation"],
    check({ model, report }) {
        const eipsByInstance = new Map<ResourceInput, Binding[]>();
        for (const binding of bindingsOnto(model, "ecsInstance", "EcsInstance")) {
            if (binding.target.kind === "resource") {
                const instance = binding.target.resource;
                appendTo(eipsByInstance, instance, binding);
            }
        }
        if (eipsByInstance.size === 0) {
            return;
        }
        const byPrivateIp = instancesByPrivateIp(model);
        for (const entry of model.ofKind("forwardEntry")) {
            const instance = dnatTargetOf(model, entry, byPrivateIp);
            const bindings = instance === undefined ? undefined : eipsByInstance.get(instance);
            if (instance === undefined || bindings === undefined) {
                continue;
            }
            const associations = listOf(bindings.map((binding) => describeBinding(binding)));
            const message = `${describe(instance)} is associated with an EIP (${associations}) and is also the internal target of ${describe(entry)}. An ECS instance with an EIP cannot use a NAT gateway's DNAT, and an instance with a DNAT entry cannot take an EIP, whichever comes first. Remove the DNAT entry or the EIP association, or bind the EIP to a secondary ENI of the instance.`;
            const involved = [instance, entry, ...bindings.map((binding) => binding.via)];
            report.violation(entry, message, involved, "eip-and-dnat");
            for (const binding of bindings) {
                report.violation(binding.via, message, involved, "eip-and-dnat");
            }
        }
    },
});
