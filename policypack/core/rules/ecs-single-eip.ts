// ecs-single-eip: one instance-level EIP (EcsInstance) per ECS instance, and none when it has a static
// public IP.
//
// FAQ: "You can associate an ECS instance with only one EIP. However, you can associate multiple EIPs
// with an ECS instance by attaching secondary ENIs to the instance." and, among the reasons an EIP
// cannot be associated: "The ECS instance already has a EIP or is associated with another EIP."
//
// A static public IP comes from `internetMaxBandwidthOut` > 0; AssociateEipAddress then fails with
// Forbidden.InstanceBandwidthNotZero.

import { describeBinding, listOf } from "../describe";
import { defineRule } from "../rule";
import { prop } from "../terms";
import { asNumber } from "../values";
import { REPORT_UNDECIDED, bindingsOnto, byTarget, involvedInGroup, subjectOfGroup, targetName } from "./common";

// NAT mode is not limited to secondary ENIs: the current guides bind EIPs in NAT mode to the primary
// ENI as well, one per private IP ("Both primary and secondary ENIs are supported",
// https://www.alibabacloud.com/help/en/eip/bind-an-eip-to-a-cloud-resource/). Only instanceType
// "EcsInstance" is limited to one EIP per instance; this rule counts those alone.
const SEVERAL_EIPS =
    'To give one instance several EIPs, associate them in NAT mode with its network interfaces, one per private IP (instanceType "NetworkInterface", mode "NAT", a different privateIpAddress each): the instance\'s primary ENI takes them too (an EcsNetworkInterface the instance is created on with networkInterfaceId, provider 1.284.0 or later, bound by instanceId: eni.id), or attach secondary ENIs (alicloud.ecs.EcsNetworkInterface + EcsNetworkInterfaceAttachment) for more private IPs.';

export const ecsSingleEip = defineRule({
    name: "ecs-single-eip",
    description: "An ECS instance can be associated with only one EIP, and with none if it already has a static public IP.",
    faq: "You can associate an ECS instance with only one EIP. However, you can associate multiple EIPs with an ECS instance by attaching secondary ENIs to the instance.",
    rejects: [
        "A second instance-level EIP on an ECS instance (two associations with `instanceType` `EcsInstance`, declared or inferred). NAT-mode EIPs on the instance's ENIs, its primary ENI included, are not counted here (see eni-eip-capacity).",
        "Any EIP on an instance with a static public IP (`internetMaxBandwidthOut` > 0).",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Keep one EipAssociation per ECS instance. ${SEVERAL_EIPS} An instance with a static public IP (internetMaxBandwidthOut > 0) takes no EIP: set internetMaxBandwidthOut to 0 (or remove it) before associating the EIP.`,
    tags: ["eip", "ecs"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "ecsInstance", "EcsInstance"))) {
            const name = targetName(group[0], "ECS instance");
            const involved = involvedInGroup(group);
            if (group.length > 1) {
                const message = `${name} would hold ${group.length} EIPs on its primary network interface (${listOf(group.map((b) => describeBinding(b)))}); an ECS instance can be associated with only one EIP. ${SEVERAL_EIPS}`;
                report.violation(subjectOfGroup(group), message, involved, "several-eips");
            }
            const target = group[0].target;
            if (target.kind !== "resource") {
                continue;
            }
            const bandwidth = asNumber(model.setting(target.resource, "internetMaxBandwidthOut"));
            const associations = listOf(group.map((binding) => describeBinding(binding)));
            const refused = group.length === 1 ? `${associations} will be refused` : `${associations} will each be refused`;
            if (typeof bandwidth === "number" && bandwidth > 0) {
                report.violation(
                    target.resource,
                    `${name} has a static public IP (${prop("internetMaxBandwidthOut")} is above 0), so ${refused} (Forbidden.InstanceBandwidthNotZero). Set ${prop("internetMaxBandwidthOut")} to 0 to use the EIP instead, or drop the EIP and keep the static public IP.`,
                    involved,
                    "static-public-ip",
                );
            } else if (typeof bandwidth === "symbol" && options.reportUndecided) {
                report.undecided(
                    target.resource,
                    `Could not tell whether ${name} has a static public IP: its ${prop("internetMaxBandwidthOut")} is computed from another resource and unknown until deployment. If it is above 0, ${refused}.`,
                    involved,
                    "bandwidth-unknown",
                );
            }
        }
    },
});
