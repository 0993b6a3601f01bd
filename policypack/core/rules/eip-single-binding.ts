// eip-single-binding: one EIP, one resource.
//
// FAQ: "Can a single EIP be bound to multiple cloud resources simultaneously? No. You can associate
// an EIP with only one cloud resource at a time."
//
// A binding is an EipAssociation or an ALB/NLB zone mapping. Two bindings of the same EIP (reached by
// a resource reference, by its literal allocation id, or one of each) mean that one of them will be
// refused, whichever Alibaba Cloud processes second.
//
// Zone mappings are a set in the provider (zone-sets.ts): mappings that collapse into one element bind
// their EIP once (identical ALB mappings; NLB mappings of one zone), so they are no double binding.
// The model counts such an EIP once; two mappings of one load balancer whose fields cannot be told
// apart before deployment may still collapse, which is an advisory note, not a violation.

import { prop } from "../terms";
import { describe, describeBinding, describeEip, describeTarget, involvedIn, listOf } from "../describe";
import { Binding, Model } from "../model";
import { defineRule } from "../rule";
import { isKnown } from "../values";
import { compareKeys } from "../zone-sets";
import { REPORT_UNDECIDED, firstByAddress, groupBy } from "./common";

/** Whether two bindings of one EIP are provably two: different resources, or zone mappings that stay apart. */
function twoBindings(model: Model, a: Binding, b: Binding): boolean {
    if (a.via !== b.via || a.zoneMappingIndex === undefined || b.zoneMappingIndex === undefined) {
        return true;
    }
    const { mappings } = model.zoneMappingsOf(a.via);
    return compareKeys(mappings[a.zoneMappingIndex].key, mappings[b.zoneMappingIndex].key) === "different";
}

/**
 * How many zone mappings may hold one of the unplaced EIPs as distinct set elements: each mapping of
 * an ALB, but for an NLB one per zone (its mappings of one zone are one element).
 */
function openSlots(model: Model, lb: Binding["via"]): number {
    const open = model.zoneMappingsOf(lb).mappings.filter((mapping) => mapping.eip === "unplaced");
    if (lb.kind !== "nlb") {
        return open.length;
    }
    return new Set(open.map((mapping, n) => (isKnown(mapping.zone) ? mapping.zone : `?${n}`))).size;
}

export const eipSingleBinding = defineRule({
    name: "eip-single-binding",
    description: "An EIP can be associated with only one cloud resource at a time.",
    faq: "Can a single EIP be bound to multiple cloud resources simultaneously? No. You can associate an EIP with only one cloud resource at a time.",
    rejects: [
        "Two EipAssociations of one EIP, whether they name it by resource reference (`eip.id`) or by its literal allocation id.",
        "An EipAssociation and an ALB/NLB zone mapping (`zoneMappings[].allocationId`) that use the same EIP.",
        "Two zone mappings (of one or several ALBs/NLBs) that use the same EIP, unless the provider collapses them into one: identical mappings of an ALB, or mappings of one zone of an NLB.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Give every resource that needs a public address its own EIP (one alicloud.ecs.EipAddress each) and keep exactly one EipAssociation or zone mapping per EIP. To move an EIP to another resource, change the instanceId of its one association instead of adding a second. To give one ECS instance several EIPs, see ecs-single-eip.",
    tags: ["eip", "binding"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation", "alb", "nlb"],
    check({ model, options, report }) {
        const bindings = model.bindings;
        for (const group of groupBy(model, bindings, (binding) => binding.eip).values()) {
            if (group.length < 2) {
                continue;
            }
            const eip = describeEip(group[0]);
            if (!group.some((a, i) => group.slice(i + 1).some((b) => twoBindings(model, a, b)))) {
                // Zone mappings of one load balancer that cannot be told apart yet.
                if (options.reportUndecided) {
                    report.undecided(
                        group[0].via,
                        `Could not tell whether ${eip} is bound more than once: ${describe(group[0].via)} uses it in ${group.length} zone mappings that are identical in everything known before deployment, and identical zone mappings collapse into one (the provider keeps them as a set). Give every zone mapping its own EIP, or list each mapping once.`,
                        group.flatMap(involvedIn),
                        "mappings-may-collapse",
                    );
                }
                continue;
            }
            const uses = group.map((binding) => (binding.source === "association" ? `${describeBinding(binding)} (to ${describeTarget(binding)})` : describeBinding(binding)));
            const involved = group.flatMap(involvedIn);
            const message = `${eip} is bound ${group.length} times: by ${listOf(uses)}. Alibaba Cloud associates an EIP with only one cloud resource at a time, so all but one of these bindings will fail. Give each resource its own EIP, or remove the extra bindings.`;
            const subject = group[0].eip.kind === "resource" ? group[0].eip.resource : firstByAddress(group.map((binding) => binding.via));
            report.violation(subject, message, involved, "bound-twice");
        }
        if (!options.reportUndecided) {
            return;
        }
        for (const lb of [...model.ofKind("alb"), ...model.ofKind("nlb")]) {
            const { unplaced, doubtful } = model.zoneMappingsOf(lb);
            if (unplaced.length > 0 && openSlots(model, lb) > unplaced.length) {
                const eips = unplaced.flatMap((ref) => (ref.kind === "resource" ? [ref.resource] : []));
                report.undecided(
                    lb,
                    `Could not tell whether ${describe(lb)} uses ${eips.length === 1 ? describe(eips[0]) : "one of its EIPs"} in more than one zone mapping: ${doubtful} zone mappings have an allocation id that is unknown until deployment, computed from ${eips.length === 1 ? "one EIP" : `${eips.length} EIPs`}, and a mapping without an EIP looks the same at preview. Give every zone mapping its own EIP, or none.`,
                    eips,
                    "zone-mappings-unplaced",
                );
            }
        }
        if (bindings.length < 2) {
            return;
        }
        for (const binding of bindings) {
            if (binding.eip.kind === "unresolved") {
                report.undecided(
                    binding.via,
                    `Could not tell which EIP ${describeBinding(binding)} binds: its allocation id is unknown until deployment and was not computed from exactly one EIP in this stack, so it was not checked against the ${bindings.length - 1} other EIP bindings. Reference the EIP directly (${prop("allocationId")}: eip.id) to have it checked.`,
                    [],
                    "eip-unresolved",
                );
            }
        }
    },
});
