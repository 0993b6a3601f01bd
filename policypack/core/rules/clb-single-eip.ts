// clb-single-eip: one EIP on an internal-facing CLB.
//
// FAQ: "An internal-facing CLB instance in a VPC can be associated with only one EIP."

import { describeBinding, listOf } from "../describe";
import { defineRule } from "../rule";
import { clbAddressType } from "../targets";
import { bindingsOnto, byTarget, involvedInGroup, subjectOfGroup, targetName } from "./common";

export const clbSingleEip = defineRule({
    name: "clb-single-eip",
    description: "An internal-facing CLB instance in a VPC can be associated with only one EIP.",
    faq: "An internal-facing CLB instance in a VPC can be associated with only one EIP.",
    rejects: ["More than one EIP associated with an internal-facing CLB."],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Keep one EipAssociation per CLB. For several public addresses, use one internal-facing CLB per EIP, or an ALB or NLB, which take one EIP per zone through zoneMappings[].allocationId.",
    tags: ["eip", "clb", "slb"],
    options: {},
    requires: ["eipAssociation"],
    check({ model, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "clb", "SlbInstance"))) {
            const target = group[0].target;
            if (group.length < 2 || (target.kind === "resource" && clbAddressType(model, target.resource) === "internet")) {
                continue; // An Internet-facing CLB takes no EIP at all: eip-supported-target reports it.
            }
            const name = targetName(group[0], "CLB instance");
            const involved = involvedInGroup(group);
            const message = `${name} would hold ${group.length} EIPs (${listOf(group.map((binding) => describeBinding(binding)))}); an internal-facing CLB instance can be associated with only one EIP. Keep one association, or use an ALB or NLB for several public addresses.`;
            report.violation(subjectOfGroup(group), message, involved, "several-eips");
        }
    },
});
