// alb-nlb-eip-per-zone: an ALB or NLB takes one EIP per zone.
//
// FAQ: "An ALB instance can be associated with multiple EIPs. The number of EIPs depends on the
// number of zones in the region where the ALB instance is deployed. Each zone supports one EIP." (and
// the same for NLB).
//
// EIPs reach an ALB/NLB through `zoneMappings[].allocationId`; two mappings of one zone that both
// carry an EIP, or more EIPs than the load balancer has zones, cannot be deployed.

import { describe, plural } from "../describe";
import { defineRule } from "../rule";
import { isKnown } from "../values";
import { REPORT_UNDECIDED } from "./common";

export const albNlbEipPerZone = defineRule({
    name: "alb-nlb-eip-per-zone",
    description: "An ALB or NLB instance can be associated with one EIP per zone.",
    faq: "An ALB instance can be associated with multiple EIPs. The number of EIPs depends on the number of zones in the region where the ALB instance is deployed. Each zone supports one EIP. (The FAQ says the same of NLB instances.)",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Give each zone of the load balancer one zone mapping with at most one allocationId. For more public addresses, add zone mappings in other zones of the region (each with its own vSwitch), or use another load balancer.",
    tags: ["eip", "alb", "nlb", "slb"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["alb", "nlb"],
    check({ model, options, report }) {
        const byLoadBalancer = new Map<string, typeof model.bindings[number][]>();
        for (const binding of model.bindings) {
            if (binding.source === "zoneMapping") {
                byLoadBalancer.set(binding.via.address, [...(byLoadBalancer.get(binding.via.address) ?? []), binding]);
            }
        }
        for (const bindings of byLoadBalancer.values()) {
            const lb = bindings[0].via;
            const perZone = new Map<string, number>();
            let undetermined = 0;
            for (const binding of bindings) {
                const zone = binding.zoneMappingIndex === undefined ? undefined : model.mappingZone(lb, binding.zoneMappingIndex);
                if (typeof zone === "string") {
                    perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
                } else {
                    undetermined++;
                }
            }
            const crowded = [...perZone].filter(([, count]) => count > 1);
            const zones = model.zoneMappingVswitches(lb).map((_, index) => model.mappingZone(lb, index));
            const allZonesKnown = zones.every((zone) => isKnown(zone));
            const zoneCount = new Set(zones).size;
            if (crowded.length > 0) {
                report.violation(
                    lb,
                    `${describe(lb)} would hold more than one EIP in a zone (${crowded.map(([zone, count]) => `${count} in ${zone}`).join(", ")}); each zone of an ALB or NLB supports one EIP. Keep one zone mapping per zone, each with at most one allocationId.`,
                    bindings.flatMap((binding) => (binding.eip.kind === "resource" ? [binding.eip.resource] : [])),
                );
            } else if (allZonesKnown && bindings.length > zoneCount) {
                report.violation(
                    lb,
                    `${describe(lb)} would hold ${plural(bindings.length, "EIP")} but has ${plural(zoneCount, "zone")}; each zone of an ALB or NLB supports one EIP. Add zone mappings in more zones, or bind fewer EIPs.`,
                );
            } else if (options.reportUndecided && undetermined > 0 && bindings.length > 1) {
                report.undecided(
                    lb,
                    `Could not tell which zone ${plural(undetermined, "EIP")} of ${describe(lb)} ${undetermined === 1 ? "is" : "are"} in: the zone mappings' zones or allocation ids are computed from other resources, so one EIP per zone was not checked for them.`,
                );
            }
        }
    },
});
