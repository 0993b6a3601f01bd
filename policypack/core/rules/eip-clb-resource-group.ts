// eip-clb-resource-group (advisory): keep an EIP and the CLB it is bound to in one resource group.
//
// FAQ: "Why is the bound CLB instance not visible in the EIP console? ... The EIP and the CLB instance
// belong to different resource groups."

import { prop } from "../terms";
import { describe, describeBinding } from "../describe";
import { defineRule } from "../rule";
import { asString } from "../values";
import { bindingsOnto } from "./common";

export const eipClbResourceGroup = defineRule({
    name: "eip-clb-resource-group",
    description: "An EIP and the CLB instance it is associated with should be in the same resource group, or the CLB is not shown in the EIP console.",
    faq: "Why is the bound CLB instance not visible in the EIP console? The associated CLB instance may not be visible in the console for the following reasons: The EIP and the CLB instance belong to different resource groups.",
    rejects: ["An EIP and the CLB it is associated with whose `resourceGroupId`s are both known and differ (advisory, low severity)."],
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Set the same resourceGroupId on the EIP (alicloud.ecs.EipAddress) and on the CLB, or expect the CLB not to appear next to the EIP in the EIP console.",
    tags: ["eip", "clb", "resource-group", "console"],
    options: {},
    requires: ["eipAssociation"],
    check({ model, report }) {
        for (const binding of bindingsOnto(model, "clb", "SlbInstance")) {
            if (binding.eip.kind !== "resource" || binding.target.kind !== "resource") {
                continue;
            }
            const eip = binding.eip.resource;
            const clb = binding.target.resource;
            const eipGroup = asString(model.setting(eip, "resourceGroupId"));
            const clbGroup = asString(model.setting(clb, "resourceGroupId"));
            if (typeof eipGroup === "string" && typeof clbGroup === "string" && eipGroup !== clbGroup) {
                report.violation(
                    binding.via,
                    `${describe(eip)} and ${describe(clb)} have different ${prop("resourceGroupId")} values (${describeBinding(binding)}); the EIP console will not show the CLB as its bound instance. Put both in one resource group.`,
                    [eip, clb],
                    "different-groups",
                );
            }
        }
    },
});
