// alb-nlb-eip-per-zone: an ALB or NLB takes one EIP per zone.
//
// FAQ: "An ALB instance can be associated with multiple EIPs. The number of EIPs depends on the
// number of zones in the region where the ALB instance is deployed. Each zone supports one EIP." (and
// the same for NLB).
//
// EIPs reach an ALB/NLB through `zoneMappings[].allocationId`, one per mapping. The provider keeps the
// mappings as a set (zone-sets.ts), which decides what "two mappings in one zone" does:
// - ALB: identical mappings collapse into one, harmlessly; mappings of one zone that differ (in their
//   EIP, vSwitch or any other field) stay two, and two EIPs in one zone cannot be deployed.
// - NLB: the set is keyed by zoneId, so every mapping of one zone collapses into one. Different EIPs
//   in one zone are not refused: all but one are silently dropped, which is a violation all the same
//   (the EIPs are never bound). One EIP beside a mapping without one may or may not survive (which
//   element the provider keeps is not documented): an advisory note.
// More EIPs than the load balancer has zones cannot be deployed either way.
//
// An internal-facing (addressType "Intranet") ALB/NLB with an allocationId is an advisory note only.
// Every source ties the mapping's EIP to Internet-facing load balancers: the NLB and ALB
// CreateLoadBalancer references ("ZoneMappings.N.AllocationId: the ID of the EIP associated with the
// Internet-facing NLB/ALB instance"), the provider docs (aliyun/terraform-provider-alicloud
// website/docs/r/nlb_load_balancer.html.markdown, zone_mappings.allocation_id) and the EIP guide
// (https://www.alibabacloud.com/help/en/eip/bind-an-eip-to-a-cloud-resource/: an ALB/NLB gets EIPs by
// being created or switched Internet-facing). No error code for the Intranet case was found, and the
// provider sends AllocationId whatever the address type, so whether the API refuses the call or
// ignores the EIP is not known. The bindings stay counted by the other rules: a refused call fails too.

import { prop } from "../terms";
import { describe, plural } from "../describe";
import { Model, Ref, ZoneMapping } from "../model";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { asString, isKnown, lower } from "../values";
import { compareKeys, setElements } from "../zone-sets";
import { REPORT_UNDECIDED } from "./common";

type Held = ZoneMapping & { readonly eip: Ref };

function holds(mapping: ZoneMapping): mapping is Held {
    return mapping.eip !== undefined && mapping.eip !== "unplaced";
}

/** The mappings of each known zone; mappings whose zone cannot be told are left out. */
function byZone(mappings: readonly ZoneMapping[]): ZoneMapping[][] {
    const zones = new Map<string, ZoneMapping[]>();
    for (const mapping of mappings) {
        if (isKnown(mapping.zone)) {
            zones.set(mapping.zone, [...(zones.get(mapping.zone) ?? []), mapping]);
        }
    }
    return [...zones.values()];
}

/** True when some two of `items` are provably different by `compare`. */
function someTwoDiffer<T>(items: readonly T[], compare: (a: T, b: T) => string): boolean {
    return items.some((a, i) => items.slice(i + 1).some((b) => compare(a, b) === "different"));
}

/** How two EIPs compare: the same, different, or not known (an EIP that cannot be named). */
function compareEips(model: Model, a: Ref, b: Ref): string {
    const x = model.identity(a);
    const y = model.identity(b);
    return x === undefined || y === undefined ? "unknown" : x === y ? "same" : "different";
}

interface ZoneVerdict {
    /** Zones where one EIP per zone is provably broken, each as "<what> in one zone". */
    readonly crowded: string[];
    /** Why the rule could not decide for some zone, if it could not. */
    readonly doubt?: string;
}

/**
 * ALB: the sure EIPs of a zone in mappings that provably stay apart (they differ in some field) are
 * two EIPs in one zone. Mappings that cannot be told apart yet may still collapse into one.
 */
function albZones(mappings: readonly ZoneMapping[]): ZoneVerdict {
    const crowded: string[] = [];
    const undecided: string[] = [];
    for (const zone of byZone(mappings)) {
        const held = zone.filter(holds);
        const elements = setElements(held.map((mapping) => mapping.key)).length;
        const maybe = zone.filter((mapping) => mapping.eip === "unplaced").length;
        if (someTwoDiffer(held, (a, b) => compareKeys(a.key, b.key))) {
            crowded.push(`${elements} in one zone`);
        } else if (elements > 1) {
            undecided.push(
                "some zone mappings of one zone hold the same EIP, and whether they are identical (identical zone mappings collapse into one) is unknown until deployment",
            );
        } else if (elements + maybe > 1) {
            undecided.push("");
        }
    }
    const doubtful = undecided.filter((why) => why === "").length;
    const doubt =
        undecided.find((why) => why !== "") ??
        (doubtful > 0 ? `${plural(doubtful, "zone has", "zones have")} several zone mappings, and which of them hold EIPs is unknown until deployment` : undefined);
    return { crowded, doubt };
}

/** NLB: every mapping of a zone collapses into one, so different EIPs in one zone lose all but one. */
function nlbZones(model: Model, mappings: readonly ZoneMapping[]): ZoneVerdict & { collapsing: number } {
    const crowded: string[] = [];
    let collapsing = 0;
    for (const zone of byZone(mappings)) {
        const held = zone.filter(holds);
        if (zone.length < 2 || !zone.some((mapping) => mapping.eip !== undefined)) {
            continue;
        }
        if (someTwoDiffer(held, (a, b) => compareEips(model, a.eip, b.eip))) {
            const eips = new Set(held.map((mapping) => model.identity(mapping.eip)));
            crowded.push(`${plural(eips.size, "different EIP")} in ${plural(zone.length, "mapping")} of one zone`);
        } else if (held.length < zone.length || held.some((mapping) => compareEips(model, mapping.eip, held[0].eip) !== "same")) {
            collapsing++;
        }
    }
    return { crowded, collapsing };
}

function intranet(model: Model, lb: ResourceInput): boolean {
    return lower(asString(model.setting(lb, "addressType"))) === "intranet";
}

export const albNlbEipPerZone = defineRule({
    name: "alb-nlb-eip-per-zone",
    description: "An ALB or NLB instance can be associated with one EIP per zone.",
    faq: "An ALB instance can be associated with multiple EIPs. The number of EIPs depends on the number of zones in the region where the ALB instance is deployed. Each zone supports one EIP. (The FAQ says the same of NLB instances.)",
    rejects: [
        "An ALB with two zone mappings in one zone that both carry an EIP and are not identical (identical mappings collapse into one), or more EIPs than zones.",
        "An NLB with zone mappings in one zone that carry different EIPs: NLB zone mappings are keyed by zoneId, so they collapse into one and all but one EIP are silently left unbound.",
        "Advisory: an NLB with several zone mappings in one zone of which only some carry the EIP (which one the provider keeps is not documented).",
        'Advisory: an internal-facing ALB or NLB (`addressType: "Intranet"`) whose zone mappings set `allocationId` (documented for Internet-facing load balancers only; whether Alibaba Cloud refuses it or ignores the EIP is not documented).',
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
            // The EIPs the load balancer binds, each once per set element (see Model.bindings).
            const eipCount = model.bindings.filter((binding) => binding.source === "zoneMapping" && binding.via === lb).length;
            if (eipCount === 0) {
                continue;
            }
            const eips = [
                ...mappings.flatMap((mapping) => (typeof mapping.eip === "object" && mapping.eip.kind === "resource" ? [mapping.eip.resource] : [])),
                ...unplaced.flatMap((ref) => (ref.kind === "resource" ? [ref.resource] : [])),
            ];
            if (options.reportUndecided && intranet(model, lb)) {
                report.undecided(
                    lb,
                    `${describe(lb)} is internal-facing (${prop("addressType")} "Intranet") but its zone mappings bind ${plural(eipCount, "EIP")} through ${prop("allocationId")}. Alibaba Cloud documents ${prop("zoneMappings[].allocationId")} only for Internet-facing ALB and NLB instances: the call may be refused, or the EIP left unused. Set ${prop("addressType")} "Internet", or remove the ${prop("allocationId")}.`,
                    eips,
                    "eip-on-intranet-lb",
                );
            }
            const nlb = lb.kind === "nlb" ? nlbZones(model, mappings) : undefined;
            const zones = nlb ?? albZones(mappings);
            const zoneCount = new Set(mappings.map((mapping) => mapping.zone)).size;
            const zonesWithEips = new Set(mappings.filter(holds).map((mapping) => mapping.zone)).size;
            const allZonesKnown = complete && mappings.every((mapping) => isKnown(mapping.zone));
            const unknownZone = mappings.some((mapping) => mapping.eip !== undefined && !isKnown(mapping.zone));
            if (zones.crowded.length > 0 && nlb !== undefined) {
                report.violation(
                    lb,
                    `${describe(lb)} has zone mappings in one zone that hold different EIPs (${zones.crowded.join(", ")}). An NLB keys its zone mappings by ${prop("zoneId")}, so the mappings of one zone collapse into one: only one of these EIPs is bound, and the others are silently dropped (no error is raised). Keep one zone mapping per zone, each with at most one ${prop("allocationId")}.`,
                    eips,
                    "zone-crowded",
                );
            } else if (zones.crowded.length > 0) {
                report.violation(
                    lb,
                    `${describe(lb)} would hold more than one EIP in a zone (${zones.crowded.join(", ")}: zone mappings with the same ${prop("zoneId")}); each zone of an ALB or NLB supports one EIP. Keep one zone mapping per zone, each with at most one ${prop("allocationId")}.`,
                    eips,
                    "more-eips-than-zones",
                );
            } else if (allZonesKnown && zonesWithEips + unplaced.length > zoneCount) {
                report.violation(
                    lb,
                    `${describe(lb)} would hold ${plural(zonesWithEips + unplaced.length, "EIP")} but has ${plural(zoneCount, "zone")}; each zone of an ALB or NLB supports one EIP. Add zone mappings in more zones, or bind fewer EIPs.`,
                    eips,
                    "more-eips-than-zones",
                );
            } else if (options.reportUndecided) {
                const why =
                    eipCount < 2
                        ? undefined
                        : !complete
                          ? "its zone mappings are computed from other resources as a whole"
                          : unknownZone
                            ? "the zone of some zone mappings is computed from other resources"
                            : zones.doubt;
                if (why !== undefined) {
                    report.undecided(lb, `Could not check one EIP per zone for ${describe(lb)}: ${why}.`, eips, "same-zone-unknown");
                } else if (nlb !== undefined && nlb.collapsing > 0) {
                    report.undecided(
                        lb,
                        `${describe(lb)} has several zone mappings in one zone, and they are not all known to hold the same EIP. An NLB keys its zone mappings by ${prop("zoneId")}, so they collapse into one, and which mapping's ${prop("allocationId")} is kept is not documented: the EIP may be left unbound. Keep one zone mapping per zone.`,
                        eips,
                        "zones-unknown",
                    );
                }
            }
        }
    },
});
