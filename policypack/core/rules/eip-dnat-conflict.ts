// eip-dnat-conflict: an ECS instance serves the Internet through an EIP or through DNAT, not both.
//
// FAQ: "If your ECS instance is already associated with an EIP, you cannot use the DNAT feature of a
// NAT Gateway to provide Internet services." and "If you have already added a DNAT entry for an ECS
// instance, you cannot associate an EIP with that ECS instance."
//
// What each order does, from Alibaba Cloud's references:
// - DNAT first: AssociateEipAddress refuses the EIP with BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP (the
//   instance already has a port forwarding entry); AssociateEipAddress API reference,
//   https://www.alibabacloud.com/help/en/eip/developer-reference/api-vpc-2016-04-28-associateeipaddress-eips
// - EIP first: the DNAT entry is created, but external users cannot reach the instance through it
//   (NAT Gateway FAQ, "If an ECS instance is associated with an EIP, can I create a DNAT entry for
//   it?"; the CreateForwardEntry reference: an entry takes effect only for an instance without an EIP).
// Either way the deployment does not give what it declares, so it is a violation whichever comes first.
//
// A DNAT entry (alicloud.vpc.ForwardEntry) names its instance by private IP, `internalIp`: usually
// `instance.privateIp`, unknown at preview and traced through its dependency, or a literal equal to
// the instance's private IP in the gateway's VPC. All sources speak of the instance, and none of
// secondary private IPs or of EIPs held by an ENI, so:
// - DNAT to a secondary private IP of an instance with an EIP (or to an address of an ENI attached
//   to it) is an advisory note, not a violation;
// - an EIP on a secondary ENI and DNAT to the instance's primary IP is not reported (it needs no
//   EcsInstance association), though nothing documents it as compatible either;
// - a literal address that matches an instance with an EIP but cannot be proven to be in the same
//   VPC (a forward table outside the stack, VPCs the plan does not name) is an advisory note.

import { prop } from "../terms";
import { appendTo } from "../collections";
import { describe, describeBinding, listOf } from "../describe";
import { Binding } from "../model";
import { DnatTarget, dnatTargetsOf, privateIpIndex } from "../network";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { REPORT_UNDECIDED, bindingsOnto } from "./common";

const CONFLICT =
    "if the DNAT entry exists first, the EIP association is refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP); if the EIP comes first, the DNAT entry is created but cannot be reached from the Internet";

const DOUBT: Record<Exclude<DnatTarget["certainty"], "proven">, string> = {
    outside: "its forward table is not one of a NAT gateway in this stack, so the two cannot be proven to share a VPC (private IPs repeat across VPCs)",
    network: "the plan does not tell whether the instance and the entry's NAT gateway share a VPC (private IPs repeat across VPCs)",
    ambiguous: "more than one planned ECS instance declares that address",
};

function note(entry: ResourceInput, target: DnatTarget, associations: string): string {
    const instance = `${describe(target.instance)}, which has an EIP (${associations})`;
    if (target.address === "primary") {
        return `Could not tell whether ${describe(entry)} forwards to ${instance}: its ${prop("internalIp")} equals the instance's private IP, but ${DOUBT[target.certainty as keyof typeof DOUBT]}. If it does, ${CONFLICT}.`;
    }
    const what =
        target.certainty === "proven"
            ? `forwards to a secondary private IP of ${instance}`
            : `may forward to a secondary private IP of ${instance}: its ${prop("internalIp")} equals one, but ${DOUBT[target.certainty]}`;
    return `${describe(entry)} ${what}. Alibaba Cloud documents the conflict between an EIP and DNAT per ECS instance and does not say whether it covers secondary private IPs: the EIP association may be refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP), or the DNAT entry may be unreachable. Verify before relying on it, or forward to an instance without an EIP.`;
}

export const eipDnatConflict = defineRule({
    name: "eip-dnat-conflict",
    description: "An ECS instance cannot both be associated with an EIP and be the target of a NAT gateway DNAT entry.",
    faq: "If your ECS instance is already associated with an EIP, you cannot use the DNAT feature of a NAT Gateway to provide Internet services. If you have already added a DNAT entry for an ECS instance, you cannot associate an EIP with that ECS instance.",
    rejects: [
        "An ECS instance with an EIP that is also the internal target of a DNAT entry (`alicloud.vpc.ForwardEntry`) on its primary private IP: `internalIp` computed from the instance (`instance.privateIp`), or a literal equal to the instance's private IP in the gateway's VPC. Reported on both the association and the DNAT entry, whichever was declared first: DNAT first, the association is refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP); EIP first, the DNAT entry is created but unreachable.",
        "Advisory: a DNAT entry to a secondary private IP of an instance with an EIP (not documented either way), and a literal internalIp equal to the private IP of an instance with an EIP whose VPC cannot be proven to be the gateway's (a forward table outside the stack, VPCs the plan does not name).",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Choose one way for the instance to serve the Internet. To use DNAT, remove the EipAssociation and keep the alicloud.vpc.ForwardEntry. To use the EIP, remove the DNAT entries that forward to the instance's private IP. Alibaba Cloud does not document whether an EIP bound to a secondary ENI of the instance is compatible with DNAT to its primary private IP: verify before relying on it.",
    tags: ["eip", "nat-gateway", "dnat", "ecs"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
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
        const index = privateIpIndex(model);
        for (const entry of model.ofKind("forwardEntry")) {
            for (const target of dnatTargetsOf(model, entry, index)) {
                const bindings = eipsByInstance.get(target.instance);
                if (bindings === undefined) {
                    continue;
                }
                const associations = listOf(bindings.map((binding) => describeBinding(binding)));
                const involved = [target.instance, entry, ...bindings.map((binding) => binding.via)];
                if (target.address === "primary" && target.certainty === "proven") {
                    const message = `${describe(target.instance)} is associated with an EIP (${associations}) and is also the internal target of ${describe(entry)}, which forwards to its primary private IP. An ECS instance cannot serve the Internet through both: ${CONFLICT}. Remove the DNAT entry or the EIP association.`;
                    report.violation(target.instance, message, involved, "eip-and-dnat");
                } else if (options.reportUndecided) {
                    report.undecided(entry, note(entry, target, associations), involved, `dnat-${target.address}-${target.certainty}`);
                }
            }
        }
    },
});
