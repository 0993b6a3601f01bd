// eip-supported-target: an EipAssociation must point at something that can hold an EIP, with the
// InstanceType that thing takes.
//
// FAQ: "You can associate an EIP with the following cloud resources: ECS instances in a VPC,
// secondary ENIs, SLB instances, NAT Gateways, and high-availability virtual IP addresses (HAVIPs)."
// "You can associate an EIP with an internal-facing CLB instance in a VPC, but not with an
// Internet-facing CLB instance." "To associate an EIP with an ALB or NLB instance, you must use the
// SLB console" (in a program: the load balancer's zone mappings). "You can associate an EIP only
// with an ECS instance in a VPC."
//
// A CLB without `vswitchId` is never in a VPC, whatever its `addressType`: CreateLoadBalancer
// needs VSwitchId to deploy a CLB in a VPC, and its NetworkType is then `vpc`, else `classic`
// (CreateLoadBalancerRequest.VSwitchId in Alibaba Cloud's SLB SDKs; terraform-provider-alicloud
// resource_alicloud_slb_load_balancer.go sends VSwitchId only when vswitch_id is set).
//
// When `instanceType` is not set the provider guesses it from the id: `lb-` is SlbInstance, `ngw-`
// is Nat, anything else EcsInstance; so an ENI or HAVIP bound without it is sent as an ECS instance.
//
// An instance created on an existing ENI as its primary ENI (`networkInterfaceId`, settable since
// provider 1.284.0) is in that ENI's VPC even without `vswitchId`: CreateNetworkInterface requires a
// vSwitch, and the provider sends RunInstances NetworkInterface.1 (InstanceType Primary) without a
// VSwitchId, then reads `vswitch_id` back from the instance (aliyun/terraform-provider-alicloud
// alicloud/resource_alicloud_instance.go, resourceAliCloudInstanceCreate and its acceptance test
// TestAccAliCloudECSInstanceDataDisks, commit ab38e004, PR #9897; CreateNetworkInterface reference
// https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-createnetworkinterface).

import { prop, typeOf } from "../terms";
import { describe, describeBinding } from "../describe";
import { ID_PREFIX, INSTANCE_TYPES, KINDS_NAMED_BY_OUTPUTS, REQUIRED_INSTANCE_TYPE, TargetKind, asInstanceType } from "../ids";
import { Binding, Model } from "../model";
import { defineRule } from "../rule";
import { clbAddressType, clbInVpc, natNetworkType } from "../targets";
import { asString } from "../values";
import { REPORT_UNDECIDED } from "./common";

const ZONE_MAPPINGS_FIX =
    "ALB and NLB instances take EIPs only through their zone mappings: remove the EipAssociation and set zoneMappings[].allocationId on the load balancer, one EIP per zone.";

/** A reason for a violation, with the cause it is reported under (see Finding.cause). */
interface Problem {
    readonly cause: string;
    readonly text: string;
}

/** Why a resource target cannot hold an EIP at all, if it cannot. */
function unsupportedTarget(model: Model, binding: Binding): Problem | undefined {
    if (binding.target.kind !== "resource") {
        return undefined;
    }
    const target = binding.target.resource;
    switch (target.kind) {
        case "alb":
        case "nlb":
            return { cause: "load-balancer-target", text: `${describe(target)} cannot be the target of an ${typeOf("eipAssociation")}. ${ZONE_MAPPINGS_FIX}` };
        case "ecsInstance": {
            // Any of these places the instance in a VPC, set or computed: a vSwitch, a primary ENI (which
            // always lives in a vSwitch), or a launch template (which may name the vSwitch).
            const placed = ["vswitchId", "networkInterfaceId", "launchTemplateId", "launchTemplateName"].some((key) => asString(model.setting(target, key)) !== undefined);
            return placed
                ? undefined
                : {
                      cause: "classic-network",
                      text: `${describe(target)} has neither ${prop("vswitchId")} nor ${prop("networkInterfaceId")}, so it is in the classic network, and an EIP can be associated only with an ECS instance in a VPC. Place the instance in a vSwitch (${prop("vswitchId")}) or on an existing ENI as its primary ENI (${prop("networkInterfaceId")}), or migrate it from the classic network to a VPC.`,
                  };
        }
        case "clb": {
            if (clbAddressType(model, target) === "internet") {
                return {
                    cause: "internet-clb",
                    text: `${describe(target)} is Internet-facing (${prop("addressType")} "internet", or no vSwitch), and an EIP can be associated only with an internal-facing CLB instance in a VPC. Set ${prop("addressType")}: "intranet" and a ${prop("vswitchId")}, or use the CLB's own public address instead of an EIP.`,
                };
            }
            // Without a vSwitch no addressType puts a CLB in a VPC: "intranet" alone makes a classic-network CLB.
            return clbInVpc(model, target) === false
                ? {
                      cause: "classic-clb",
                      text: `${describe(target)} has no ${prop("vswitchId")}, so it is not in a VPC whatever its ${prop("addressType")} (${prop("addressType")} "intranet" without a vSwitch makes an internal-facing CLB in the classic network), and an EIP can be associated only with an internal-facing CLB instance in a VPC. Set ${prop("vswitchId")} to place the CLB in a VPC.`,
                  }
                : undefined;
        }
        case "natGateway":
            return natNetworkType(model, target) === "intranet"
                ? {
                      cause: "vpc-nat-gateway",
                      text: `${describe(target)} is a VPC NAT gateway (${prop("networkType")} "intranet"), which takes NAT IP addresses, not EIPs. Associate the EIP with an Internet NAT gateway (${prop("networkType")} "internet").`,
                  }
                : undefined;
        default:
            return undefined;
    }
}

/** Why the InstanceType the association will be sent with does not fit its target, if it does not. */
function instanceTypeMismatch(model: Model, binding: Binding): Problem | undefined {
    const kind = binding.targetKind;
    if (kind === "alb" || kind === "nlb") {
        return binding.target.kind === "literal"
            ? {
                  cause: "load-balancer-id",
                  text: `${prop("instanceId")} names an ${kind.toUpperCase()} instance (its id starts with ${kind}-), which cannot be the target of an ${typeOf("eipAssociation")}. ${ZONE_MAPPINGS_FIX}`,
              }
            : undefined;
    }
    if (kind === "eip") {
        const named = binding.target.kind === "literal" ? "instanceId names an EIP (its id starts with eip-)" : "instanceId is computed from an EIP";
        return {
            cause: "eip-as-target",
            text: `${named}, not a resource that can hold one. Set ${prop("instanceId")} to the id of the ECS instance, ENI, CLB, NAT gateway or HAVIP.`,
        };
    }
    const effective = model.effectiveInstanceType(binding);
    if (typeof effective !== "string" || asInstanceType(effective) === undefined || typeof kind !== "string" || kind === "other") {
        return undefined;
    }
    const required = REQUIRED_INSTANCE_TYPE[kind as TargetKind];
    if (required === undefined || effective === required) {
        return undefined;
    }
    const target =
        binding.target.kind === "resource" ? describe(binding.target.resource) : `the resource its ${prop("instanceId")} names (id prefix ${ID_PREFIX[kind as TargetKind]})`;
    const sent =
        binding.declaredInstanceType === undefined
            ? `${prop("instanceType")} is not set, so the provider sends "${effective}" (it infers only SlbInstance from lb- ids and Nat from ngw- ids)`
            : "its instanceType does not fit";
    return {
        cause: "instance-type-mismatch",
        text: `${sent}, but ${target} is ${articled(kind)}, which must be associated with ${prop("instanceType")} "${required}". Set ${prop("instanceType")}: "${required}".`,
    };
}

function articled(kind: TargetKind): string {
    const labels: Record<TargetKind, string> = {
        ecsInstance: "an ECS instance",
        eni: "an ENI",
        clb: "a CLB instance",
        natGateway: "a NAT gateway",
        havip: "an HAVIP",
        alb: "an ALB instance",
        nlb: "an NLB instance",
    };
    return labels[kind];
}

/**
 * A target traced through a dependency is read as that resource's id. When the association declares
 * an instanceType that fits another output of that resource instead (an instance's
 * networkInterfaceId names its primary ENI), the declaration says the value may well be that output:
 * the kinds it would then name rightly, empty when nothing contradicts the id reading.
 */
function otherReadings(binding: Binding): TargetKind[] {
    if (binding.target.kind !== "resource" || binding.target.via !== "dependency" || binding.declaredInstanceType === undefined) {
        return [];
    }
    const alternatives = KINDS_NAMED_BY_OUTPUTS[binding.target.resource.kind as TargetKind] ?? [];
    return alternatives.filter((kind) => binding.declaredInstanceType === REQUIRED_INSTANCE_TYPE[kind]);
}

/** IpAddress bindings name an address in a VPC and need both the VPC and the address. */
function ipAddressGaps(model: Model, binding: Binding): Problem | undefined {
    if (model.effectiveInstanceType(binding) !== "IpAddress") {
        return undefined;
    }
    const missing = [binding.vpcId === undefined ? "vpcId" : "", binding.privateIpAddress === undefined ? "privateIpAddress" : ""].filter(Boolean);
    return missing.length === 0
        ? undefined
        : {
              cause: "ip-address-incomplete",
              text: `${prop("instanceType")} "IpAddress" binds the EIP to an IP address in a VPC with an IPv4 gateway and needs vpcId and ${prop("privateIpAddress")}, but ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set. Set both.`,
          };
}

export const eipSupportedTarget = defineRule({
    name: "eip-supported-target",
    description: "An EIP association must target a resource that can hold an EIP, with the instanceType that resource takes.",
    faq: "You can associate an EIP with the following cloud resources: ECS instances in a VPC, secondary ENIs, SLB instances, NAT Gateways, and high-availability virtual IP addresses (HAVIPs). You can associate an EIP with an internal-facing CLB instance in a VPC, but not with an Internet-facing CLB instance.",
    rejects: [
        "An EipAssociation whose target is an ALB or NLB (they take EIPs only through `zoneMappings[].allocationId`).",
        "An ECS instance in the classic network (no `vswitchId`, no `networkInterfaceId` and no launch template).",
        'An Internet-facing CLB (`addressType: "internet"`, or neither `addressType` nor `vswitchId` set).',
        'A CLB without `vswitchId`, whatever its `addressType` (`addressType: "intranet"` alone makes an internal-facing CLB of the classic network).',
        'A VPC NAT gateway (`networkType: "intranet"`).',
        "An `instanceType` that contradicts the target: set wrongly, or omitted for an ENI or HAVIP (the provider then sends `EcsInstance`), or contradicting a literal id's prefix (`i-`, `eni-`, `lb-`, `ngw-`, `havip-`, `alb-`, `nlb-`), or an `instanceId` that is itself an EIP's id.",
        '`instanceType: "IpAddress"` without `vpcId` or `privateIpAddress`.',
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Point the EipAssociation at an ECS instance in a VPC, a secondary ENI (instanceType "NetworkInterface"), an internal-facing CLB (instanceType "SlbInstance"), an Internet NAT gateway (instanceType "Nat") or an HAVIP (instanceType "HaVip"). Set instanceType whenever the target is not an ECS instance. For ALB and NLB, set zoneMappings[].allocationId instead of using an EipAssociation.',
    tags: ["eip", "binding", "target"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        for (const binding of model.bindings) {
            if (binding.source !== "association") {
                continue;
            }
            const involved = binding.target.kind === "resource" ? [binding.target.resource] : [];
            const targetProblems = [unsupportedTarget(model, binding), instanceTypeMismatch(model, binding)].filter((problem): problem is Problem => problem !== undefined);
            const readings = targetProblems.length > 0 ? otherReadings(binding) : [];
            const problems = [...(readings.length > 0 ? [] : targetProblems), ipAddressGaps(model, binding)].filter((problem): problem is Problem => problem !== undefined);
            for (const problem of problems) {
                report.violation(binding.via, `${describeBinding(binding)}: ${problem.text}`, involved, problem.cause);
            }
            if (!options.reportUndecided || problems.length > 0) {
                continue;
            }
            const declared = binding.declaredInstanceType;
            if (readings.length > 0 && binding.target.kind === "resource") {
                const alternative = readings[0];
                report.undecided(
                    binding.via,
                    `${describeBinding(binding)}: ${prop("instanceId")} is computed from ${describe(binding.target.resource)}. If it is that resource's id, ${targetProblems[0].text} If it is another of its outputs naming ${ID_PREFIX[alternative]}... (${alternative === "eni" ? "an ENI" : "an ECS instance"}), the binding is valid. Reference the target's id directly to have it checked.`,
                    involved,
                    "other-output",
                );
            } else if (typeof declared === "string" && asInstanceType(declared) === undefined) {
                report.undecided(
                    binding.via,
                    `${describeBinding(binding)}: its ${prop("instanceType")} is not one of the documented values (${INSTANCE_TYPES.join(", ")}), so the target could not be checked.`,
                    involved,
                    "undocumented-type",
                );
            } else if (binding.target.kind === "unresolved") {
                report.undecided(
                    binding.via,
                    `Could not tell what ${describeBinding(binding)} binds its EIP to: ${prop("instanceId")} is unknown until deployment and was not computed from exactly one resource in this stack that can hold an EIP. Reference the target directly (${prop("instanceId")}: target.id) to have it checked.`,
                    [],
                    "target-unresolved",
                );
            }
        }
    },
});
