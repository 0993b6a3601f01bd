// alb-nlb-eip-per-zone: an ALB or NLB takes one EIP per zone.
//
// FAQ: "An ALB instance can be associated with multiple EIPs. The number of EIPs depends on the
// number of zones in the region where the ALB instance is deployed. Each zone supports one EIP." (and
// the same for NLB).
//
// EIPs reach an ALB/NLB through `zoneMappings[].allocationId`, one per mapping; two mappings of one
// zone that both carry an EIP, or more EIPs than the load balancer has zones, cannot be deployed.

import { describe, plural } from "../describe";
import { defineRule } from "../rule";
import { isKnown } from "../values";
import { REPORT_UNDECIDED } from "./common";

export const albNlbEipPerZone = defineRule({
    name: "alb-nlb-eip-per-zone",
    description: "An ALB or NLB instance can be associated with one EIP per zone.",
    faq: "An ALB instance can be associated with multiple EIPs. The number of EIPs depends on the number of zones in the region where the ALB instance is deployed. Each zone supports one EIP. (The FAQ says the same of NLB instances.)",
    rejects: [
        "An ALB or NLB with two zone mappings in one zone that both carry an EIP, or more EIPs than zones.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Give each zone of the load balancer one zone mapping with at most one allocationId. For more public addresses, add zone mappings in other zones of the region (each with its own vSwitch), or use another load balancer.",
    tags: ["eip", "alb", "nlb", "slb"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["alb", "nlb"],
    check({ model, options, report }) {
        for (const lb of [...model.ofKind("alb"), ...model.ofKind("nlb")]) {
            const { mappings, unplaced, complete } = model.zoneMappingsOf(lb);
            const holding = mappings.filter((mapping) => mapping.eip !== undefined);
            const eipCount = holding.filter((mapping) => mapping.eip !== "unplaced").length + unplaced.length;
            if (eipCount === 0) {
                continue;
            }
            const perZone = new Map<string, { sure: number; maybe: number }>();
            let unknownZone = 0;
            for (const mapping of holding) {
                if (!isKnown(mapping.zone)) {
                    unknownZone++;
                    continue;
                }
                const counts = perZone.get(mapping.zone) ?? { sure: 0, maybe: 0 };
                counts[mapping.eip === "unplaced" ? "maybe" : "sure"]++;
                perZone.set(mapping.zone, counts);
            }
            const eips = [...mappings.flatMap((mapping) => (typeof mapping.eip === "object" && mapping.eip.kind === "resource" ? [mapping.eip.resource] : [])), ...unplaced.flatMap((ref) => (ref.kind === "resource" ? [ref.resource] : []))];
            const crowded = [...perZone].filter(([, counts]) => counts.sure > 1);
            const zones = new Set(mappings.map((mapping) => mapping.zone));
            const allZonesKnown = complete && mappings.every((mapping) => isKnown(mapping.zone));
            if (crowded.length > 0) {
                report.violation(
                    lb,
                    `${describe(lb)} would hold more than one EIP in a zone (${crowded.map(([, counts]) => `${counts.sure} in one zone`).join(", ")}: zone mappings with the same zoneId); each zone of an ALB or NLB supports one EIP. Keep one zone mapping per zone, each with at most one allocationId.`,
                    eips,
                    "zone-crowded",
                );
            } else if (allZonesKnown && eipCount > zones.size) {
                report.violation(
                    lb,
                    `${describe(lb)} would hold ${plural(eipCount, "EIP")} but has ${plural(zones.size, "zone")}; each zone of an ALB or NLB supports one EIP. Add zone mappings in more zones, or bind fewer EIPs.`,
                    eips,
                    "more-eips-than-zones",
                );
            } else if (options.reportUndecided && eipCount > 1) {
                const doubtful = [...perZone].filter(([, counts]) => counts.sure + counts.maybe > 1).map(([zone]) => zone);
                if (!complete || doubtful.length > 0 || unknownZone > 0) {
                    const why = !complete
                        ? "its zone mappings are computed from other resources as a whole"
                        : unknownZone > 0
                          ? "the zone of some zone mappings is computed from other resources"
                          : `${plural(doubtful.length, "zone has", "zones have")} several zone mappings, and which of them hold EIPs is unknown until deployment`;
                    report.undecided(
                        lb,
                        `Could not check one EIP per zone for ${describe(lb)}: ${why}.`,
                        eips,
                        "zones-unknown",
                    );
                }
            }
        }
    },
});
