// eni-private-ip-limit: an ENI holds as many private IPs as the state it is in allows, its primary
// private IP included.
//
// FAQ: "The number of secondary private IP addresses that you can assign to a secondary ENI depends
// on the state of the ENI and the instance type of the ECS instance to which the ENI is attached."
// Attached, the limit is the "Private IP addresses per ENI" column of the instance's family page
// (limits/instance-families.ts), which counts the primary private IP; it holds for the primary ENI an
// instance is created with too (secondaryPrivateIps, secondaryPrivateIpAddressCount). Not attached
// ("Available"), an ENI takes up to 49 secondary private IPs (AssignPrivateIpAddresses): 50 with its
// primary one. A planned ENI is created before anything attaches it, so that limit holds for every
// ENI of the plan, and the instance's limit on top of it once the plan attaches it.
//
// Private IPs are privateIpAddresses (or the deprecated privateIps) and secondaryPrivateIpAddressCount
// (or the deprecated privateIpsCount), under the same Terraform names in snake_case; a count computed
// at deployment decides nothing. A type the table does not list, or one known only at deployment,
// decides nothing beyond the detached limit: one note per stack names the instances (never their
// types, which are property values and may be secrets).

import { describe, plural } from "../describe";
import { eniPrivateIpCount, hostOf, primaryEniPrivateIpCount } from "../eni-counts";
import { DETACHED_ENI } from "../limits/instance-families";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { REPORT_UNDECIDED } from "./common";
import { INSTANCE_TYPES, UncheckedTypes, instanceLimits } from "./instance-types";

const DETACHED = DETACHED_ENI.privateIps;

export const eniPrivateIpLimit = defineRule({
    name: "eni-private-ip-limit",
    description: "An ENI can hold only as many private IPs as its state and the instance type it is attached to allow.",
    faq: "The number of secondary private IP addresses that you can assign to a secondary ENI depends on the state of the ENI and the instance type of the ECS instance to which the ENI is attached.",
    rejects: [
        'An ENI attached to an instance (by networkInterfaceId, networkInterfaces or an attachment resource) with more private IPs than the "Private IP addresses per ENI" column of the instance\'s family allows, counting its primary private IP.',
        "An instance whose own primary ENI gets more private IPs (secondaryPrivateIps or secondaryPrivateIpAddressCount, plus the primary one) than its type allows.",
        `Any ENI of the plan with more than ${DETACHED} private IPs (1 primary and 49 secondary), the most an ENI that is not attached holds; the plan creates every ENI before it attaches it.`,
        "Types the documented table lacks, and types known only at deployment, are not checked against their limit: one advisory note per stack names their instances; `instanceTypes` adds them.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Lower privateIpAddresses or secondaryPrivateIpAddressCount to what the instance type allows (the primary private IP counts), choose a larger instance type of the same family, or spread the addresses and their NAT-mode EIPs over another secondary ENI. If Alibaba Cloud raised the limit for your account or the type is newer than the table, give its limit in instanceTypes.",
    tags: ["eip", "eni", "ecs"],
    options: {
        instanceTypes: INSTANCE_TYPES,
        reportUndecided: REPORT_UNDECIDED,
    },
    requires: ["eni", "ecsInstance"],
    check({ model, options, report }) {
        const unchecked = new UncheckedTypes();
        const subjects: ResourceInput[] = [];
        const over = (subject: ResourceInput, message: string, involved: readonly ResourceInput[], cause: string) => report.violation(subject, message, involved, cause);

        for (const eni of model.ofKind("eni")) {
            const ips = eniPrivateIpCount(model, eni);
            if (typeof ips !== "number" || ips <= 1) {
                continue;
            }
            const host = hostOf(model, eni);
            if (host.kind === "instance") {
                const found = instanceLimits(host.instance, options.instanceTypes);
                const limit = found.limits?.privateIpsPerEni;
                if (found.limits !== undefined && limit !== undefined && limit < DETACHED) {
                    if (ips > limit) {
                        const via = host.by === host.instance ? "" : ` by ${describe(host.by)}`;
                        over(
                            eni,
                            `${describe(eni)} has ${plural(ips, "private IP")} (1 primary, ${ips - 1} secondary) and is attached to ${describe(host.instance)}${via}, whose instance type holds at most ${plural(limit, "private IP")} per ENI, the primary one included. Lower its secondary private IPs to ${limit - 1}, choose a larger type of the family, or move addresses to another ENI.`,
                            [eni, host.instance, host.by],
                            "over-type-limit",
                        );
                    }
                    continue;
                }
                if (found.limits === undefined || limit === undefined) {
                    unchecked.add(found.type, host.instance);
                    subjects.push(eni);
                }
            }
            if (ips > DETACHED) {
                over(
                    eni,
                    `${describe(eni)} has ${plural(ips, "private IP")} (1 primary, ${ips - 1} secondary). An ENI that is not attached to an instance, as every ENI is when it is created, holds at most ${DETACHED} (49 secondary), and an attached one no more than its instance type allows. Lower its secondary private IPs to 49 or fewer, or spread the addresses over another ENI.`,
                    [eni],
                    "over-detached-limit",
                );
            }
        }

        for (const instance of model.ofKind("ecsInstance")) {
            const ips = primaryEniPrivateIpCount(model, instance);
            if (typeof ips !== "number" || ips <= 1) {
                continue;
            }
            const found = instanceLimits(instance, options.instanceTypes);
            const limit = found.limits?.privateIpsPerEni;
            if (found.limits === undefined || limit === undefined) {
                unchecked.add(found.type, instance);
                continue;
            }
            if (ips > limit) {
                over(
                    instance,
                    `${describe(instance)} is created with ${plural(ips, "private IP")} on its primary ENI (1 primary, ${ips - 1} from secondaryPrivateIps or secondaryPrivateIpAddressCount); its instance type holds at most ${plural(limit, "private IP")} per ENI, the primary one included. Lower its secondary private IPs to ${limit - 1}, choose a larger type of the family, or put the addresses on a secondary ENI.`,
                    [instance],
                    "primary-eni-over-type-limit",
                );
            }
        }

        if (options.reportUndecided) {
            unchecked.report(report, "how many private IPs an ENI may hold", subjects, "types-not-checked");
        }
    },
});
