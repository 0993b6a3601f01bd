// nat-gateway-eip-limit: at most 20 EIPs on one Internet NAT gateway.
//
// FAQ: "An Internet NAT Gateway can be associated with up to 20 EIPs."
//
// The quota (natgw_quota_eip_num_per_nat) can be raised on request, so the limit is an option.

import { describeBinding, listOf, plural } from "../describe";
import { defineRule } from "../rule";
import { natNetworkType } from "../targets";
import { bindingsOnto, byTarget, involvedInGroup, targetName } from "./common";

export const natGatewayEipLimit = defineRule({
    name: "nat-gateway-eip-limit",
    description: "An Internet NAT gateway can be associated with at most 20 EIPs (or the quota configured as maxEips).",
    faq: "An Internet NAT Gateway can be associated with up to 20 EIPs.",
    rejects: [
        "More than `maxEips` (default 20) EIPs associated with one Internet NAT gateway.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Bind at most maxEips EIPs to one NAT gateway. For more public addresses, spread SNAT/DNAT entries over several NAT gateways, or ask Alibaba Cloud to raise the quota natgw_quota_eip_num_per_nat and set maxEips for this policy to the new quota.",
    tags: ["eip", "nat-gateway", "quota"],
    options: {
        maxEips: {
            type: "integer",
            default: 20,
            minimum: 1,
            maximum: 10000,
            description: "The most EIPs one Internet NAT gateway may hold: 20 by default, more if your account's quota natgw_quota_eip_num_per_nat was raised.",
        },
    },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "natGateway", "Nat"))) {
            const target = group[0].target;
            if (target.kind === "resource" && natNetworkType(model, target.resource) === "intranet") {
                continue; // A VPC NAT gateway takes no EIP at all: eip-supported-target reports it.
            }
            if (group.length <= options.maxEips) {
                continue;
            }
            const name = targetName(group[0], "NAT gateway");
            const excess = group.slice(options.maxEips).map((binding) => describeBinding(binding));
            const involved = involvedInGroup(group);
            const message = `${name} would hold ${plural(group.length, "EIP")}, more than the ${options.maxEips} one Internet NAT gateway can be associated with (${group.length - options.maxEips} too many, for example ${listOf(excess.slice(0, 3))}). Spread the EIPs over more NAT gateways, or raise the quota natgw_quota_eip_num_per_nat and set maxEips.`;
            for (const binding of group) {
                report.violation(binding.via, message, involved, "over-limit");
            }
        }
    },
});
