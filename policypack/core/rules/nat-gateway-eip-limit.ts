// nat-gateway-eip-limit: at most 20 EIPs on one Internet NAT gateway, and never more than 50 on one in
// NAT mode.
//
// FAQ: "An Internet NAT Gateway can be associated with up to 20 EIPs."
//
// The quota (natgw_quota_eip_num_per_nat) can be raised on request, so the limit is an option. The
// quota does not lift the cap of NAT mode: "In NAT mode, a maximum number of 50 EIPs can be
// associated with each NAT gateway" (the EipBindMode parameter of CreateNatGateway,
// https://help.aliyun.com/en/nat-gateway/developer-reference/api-vpc-2016-04-28-createnatgateway-natgws,
// and CreateNatGatewayRequest.eipBindMode in Alibaba Cloud's SDKs). No such cap is documented for
// MULTI_BINDED, the mode of a gateway created without eipBindMode (targets.ts, natEipBindMode), so
// maxEips above 50 applies to those only. When the mode cannot be read, more than 50 EIPs within a
// raised maxEips is undecided.

import { prop } from "../terms";
import { describeBinding, listOf, plural } from "../describe";
import { Binding, Model } from "../model";
import { defineRule } from "../rule";
import { natEipBindMode, natNetworkType } from "../targets";
import { UNKNOWN } from "../values";
import { REPORT_UNDECIDED, bindingsOnto, byTarget, involvedInGroup, subjectOfGroup, targetName } from "./common";

/** The most EIPs a gateway in NAT mode can hold, whatever its quota. */
const NAT_MODE_CAP = 50;

/** How the gateway of a group binds its EIPs; UNKNOWN for a gateway outside the stack. */
function modeOf(model: Model, group: readonly Binding[]): ReturnType<typeof natEipBindMode> {
    const target = group[0].target;
    return target.kind === "resource" ? natEipBindMode(model, target.resource) : UNKNOWN;
}

export const natGatewayEipLimit = defineRule({
    name: "nat-gateway-eip-limit",
    description:
        'An Internet NAT gateway can be associated with at most 20 EIPs (or the quota configured as maxEips), and one in NAT mode (eipBindMode "NAT") with at most 50 whatever the quota.',
    faq: "An Internet NAT Gateway can be associated with up to 20 EIPs. (CreateNatGateway, EipBindMode: in NAT mode, at most 50 EIPs per NAT gateway.)",
    rejects: [
        "More than `maxEips` (default 20) EIPs associated with one Internet NAT gateway.",
        'More than 50 EIPs associated with one NAT gateway with `eipBindMode: "NAT"`, whatever `maxEips` says.',
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Bind at most maxEips EIPs to one NAT gateway. For more public addresses, spread SNAT/DNAT entries over several NAT gateways, or ask Alibaba Cloud to raise the quota natgw_quota_eip_num_per_nat and set maxEips for this policy to the new quota. A gateway in NAT mode (eipBindMode "NAT") holds at most 50 EIPs whatever the quota; leave eipBindMode unset (MULTI_BINDED) on a gateway that needs more.',
    tags: ["eip", "nat-gateway", "quota"],
    options: {
        maxEips: {
            type: "integer",
            default: 20,
            minimum: 1,
            maximum: 10000,
            description:
                'The most EIPs one Internet NAT gateway may hold: 20 by default, more if your account\'s quota natgw_quota_eip_num_per_nat was raised. A gateway in NAT mode (eipBindMode "NAT") holds at most 50 whatever this says: values above 50 apply only to MULTI_BINDED gateways.',
        },
        reportUndecided: REPORT_UNDECIDED,
    },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "natGateway", "Nat"))) {
            const target = group[0].target;
            if (target.kind === "resource" && natNetworkType(model, target.resource) === "intranet") {
                continue; // A VPC NAT gateway takes no EIP at all: eip-supported-target reports it.
            }
            const mode = modeOf(model, group);
            const capped = mode === "NAT" && options.maxEips > NAT_MODE_CAP;
            const limit = capped ? NAT_MODE_CAP : options.maxEips;
            const name = targetName(group[0], "NAT gateway");
            const involved = involvedInGroup(group);
            if (group.length > limit) {
                const excess = group.slice(limit).map((binding) => describeBinding(binding));
                const tooMany = `${group.length - limit} too many, for example ${listOf(excess.slice(0, 3))}`;
                const message = capped
                    ? `${name} would hold ${plural(group.length, "EIP")}, more than the ${NAT_MODE_CAP} a NAT gateway in NAT mode (${prop("eipBindMode")} "NAT") can be associated with, whatever its quota (maxEips is ${options.maxEips}) (${tooMany}). Spread the EIPs over more NAT gateways, or leave ${prop("eipBindMode")} unset (MULTI_BINDED), to which a raised quota applies.`
                    : `${name} would hold ${plural(group.length, "EIP")}, more than the ${limit} one Internet NAT gateway can be associated with (${tooMany}). Spread the EIPs over more NAT gateways, or raise the quota natgw_quota_eip_num_per_nat and set maxEips.`;
                report.violation(subjectOfGroup(group), message, involved, capped ? "over-nat-mode-cap" : "over-limit");
                continue;
            }
            if (options.reportUndecided && mode === UNKNOWN && group.length > NAT_MODE_CAP) {
                const why = target.kind === "resource" ? 'its eipBindMode is not a literal "NAT" or "MULTI_BINDED"' : "its eipBindMode cannot be seen from this stack";
                report.undecided(
                    subjectOfGroup(group),
                    `${name} would hold ${plural(group.length, "EIP")}: within maxEips (${options.maxEips}), but more than the ${NAT_MODE_CAP} a NAT gateway in NAT mode (${prop("eipBindMode")} "NAT") can be associated with whatever its quota, and ${why}. Set ${prop("eipBindMode")} to have it checked, or keep to ${NAT_MODE_CAP} EIPs per gateway.`,
                    involved,
                    "nat-mode-unknown",
                );
            }
        }
    },
});
