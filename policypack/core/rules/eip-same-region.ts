// eip-same-region: an EIP, its association and the resource it is bound to share one region.
//
// FAQ: "An EIP and the resource you want to associate it with must be in the same region. For
// example, you cannot associate an EIP in the China (Beijing) region with a resource in the China
// (Hangzhou) region." and "EIPs are not constrained by zones."
//
// A resource lives in the region of its provider. Two resources on one provider share a region
// whatever it is; two providers are compared by their `region`, and a provider that leaves its
// region to the environment cannot be compared with another one. The association call is made in
// its own provider's region, so the association must match as well.

import { mayBeSystemAllocated } from "../deployed";
import { describe, describeBinding, describeRegion } from "../describe";
import { Binding, Model } from "../model";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { REPORT_UNDECIDED } from "./common";

interface Party {
    readonly resource: ResourceInput;
    readonly role: string;
}

function partiesOf(binding: Binding): { parties: Party[]; outside: string[] } {
    const parties: Party[] = [];
    const outside: string[] = [];
    if (binding.eip.kind === "resource") {
        parties.push({ resource: binding.eip.resource, role: "EIP" });
    } else if (binding.eip.kind === "literal" && !mayBeSystemAllocated(binding)) {
        // An EIP the system allocated for a load balancer's zone is in its region by construction.
        outside.push("the EIP named by a literal allocation id");
    }
    if (binding.source === "association") {
        parties.push({ resource: binding.via, role: "association" });
    }
    if (binding.target.kind === "resource") {
        parties.push({ resource: binding.target.resource, role: "target" });
    } else if (binding.target.kind === "literal") {
        outside.push("the resource named by a literal instance id");
    }
    return { parties, outside };
}

function located(model: Model, party: Party): string {
    return `${describe(party.resource)} is in ${describeRegion(model, party.resource)}`;
}

export const eipSameRegion = defineRule({
    name: "eip-same-region",
    description: "An EIP and the resource it is associated with must be in the same region.",
    faq: "An EIP and the resource you want to associate it with must be in the same region. For example, you cannot associate an EIP in the China (Beijing) region with a resource in the China (Hangzhou) region.",
    rejects: [
        "An EIP, its EipAssociation and the bound resource whose providers are in different regions (explicit `alicloud.Provider` regions, or the stack's `alicloud:region` for the default provider).",
        "An ALB/NLB zone mapping whose EIP is in another region than the load balancer.",
        "Resources on the same provider always share a region; zones never matter.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Create the EIP, the EipAssociation and the resource with the same provider (or providers configured with the same region). If the resource must stay in its region, allocate a new EIP there; EIPs cannot move between regions. Zones do not matter: an EIP can serve a resource in any zone of its region.",
    tags: ["eip", "region"],
    options: { reportUndecided: REPORT_UNDECIDED },
    requires: ["eipAssociation", "alb", "nlb"],
    check({ model, options, report }) {
        for (const binding of model.bindings) {
            const { parties, outside } = partiesOf(binding);
            const different: [Party, Party][] = [];
            const unknown: [Party, Party][] = [];
            for (let i = 0; i < parties.length; i++) {
                for (let j = i + 1; j < parties.length; j++) {
                    const comparison = model.compareRegions(model.regionOf(parties[i].resource), model.regionOf(parties[j].resource));
                    if (comparison === "different") {
                        different.push([parties[i], parties[j]]);
                    } else if (comparison === "unknown") {
                        unknown.push([parties[i], parties[j]]);
                    }
                }
            }
            const involved = parties.map((party) => party.resource);
            if (different.length > 0) {
                const [a, b] = different[0];
                report.violation(
                    binding.via,
                    `${describeBinding(binding)} crosses regions: ${located(model, a)} but ${located(model, b)}. An EIP can only be associated with a resource in its own region, and the association is made in its provider's region. Create the EIP, the association and the resource with providers of the same region.`,
                    involved,
                    "crosses-regions",
                );
                continue;
            }
            if (!options.reportUndecided) {
                continue;
            }
            if (unknown.length > 0) {
                const [a, b] = unknown[0];
                report.undecided(
                    binding.via,
                    `Could not compare the regions of ${describe(a.resource)} and ${describe(b.resource)} for ${describeBinding(binding)}: they use different providers and at least one region is not set in the program or stack config (it comes from the environment, which a policy cannot see). Set alicloud:region in the stack config, or region on the provider, to have it checked.`,
                    involved,
                    "region-unset",
                );
            } else if (outside.length > 0 && parties.length > 0) {
                report.undecided(
                    binding.via,
                    `Could not check the region of ${outside.join(" and ")} for ${describeBinding(binding)}: it is not managed in this stack. Manage it in the stack or import it (the import resource option) to have its region checked: Pulumi sends policies nothing about a resource read with .get().`,
                    involved,
                    "outside-stack",
                );
            } else if (binding.eip.kind === "unresolved" || binding.target.kind === "unresolved") {
                report.undecided(
                    binding.via,
                    `Could not check the regions of ${describeBinding(binding)}: its ${binding.eip.kind === "unresolved" ? "EIP" : "target"} is unknown until deployment and was not computed from exactly one resource in this stack.`,
                    involved,
                    "party-unresolved",
                );
            }
        }
    },
});
