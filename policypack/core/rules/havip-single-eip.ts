// havip-single-eip: one EIP on an HAVIP.
//
// FAQ: "A high-availability virtual IP address (HAVIP) instance can be associated with only one EIP."

import { describeBinding, listOf } from "../describe";
import { defineRule } from "../rule";
import { bindingsOnto, byTarget, involvedInGroup, subjectOfGroup, targetName } from "./common";

export const havipSingleEip = defineRule({
    name: "havip-single-eip",
    description: "An HAVIP can be associated with only one EIP.",
    faq: "A high-availability virtual IP address (HAVIP) instance can be associated with only one EIP.",
    rejects: ["More than one EIP associated with an HAVIP."],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Keep one EipAssociation per HAVIP. For a second public address, create a second HAVIP (alicloud.vpc.HaVipv2) with its own EIP.",
    tags: ["eip", "havip"],
    options: {},
    requires: ["eipAssociation"],
    check({ model, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "havip", "HaVip"))) {
            if (group.length < 2) {
                continue;
            }
            const name = targetName(group[0], "HAVIP");
            const involved = involvedInGroup(group);
            const message = `${name} would hold ${group.length} EIPs (${listOf(group.map((binding) => describeBinding(binding)))}); an HAVIP can be associated with only one EIP. Keep one association, or create another HAVIP for the second address.`;
            report.violation(subjectOfGroup(group), message, involved, "several-eips");
        }
    },
});
