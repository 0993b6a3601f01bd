// ecs-eni-limit: an instance holds as many ENIs as its instance type allows, its primary ENI included.
//
// FAQ: "The number of secondary ENIs that you can attach to an ECS instance varies by instance type."
// The limit is the "ENIs" column of the instance family pages (limits/instance-families.ts), which
// counts the primary ENI. ENIs reach an instance through its own networkInterfaces, through
// EcsNetworkInterfaceAttachment and vpc.NetworkInterfaceAttachment resources (eni-counts.ts); the
// attachment that would go over the limit fails when it is created.
//
// A type the table does not list, or one not known before deployment (computed from a data source
// or another resource), decides nothing: one note for the whole stack names the instances, and only
// those that get a secondary ENI, since one ENI fits every type. Messages name instances, never their
// types: a type is a property value, and a value may be a secret (describe.ts).

import { describe, listOf, plural } from "../describe";
import { secondaryEnisOn } from "../eni-counts";
import { ResourceInput } from "../resources";
import { defineRule } from "../rule";
import { REPORT_UNDECIDED } from "./common";
import { INSTANCE_TYPES, UncheckedTypes, instanceLimits } from "./instance-types";

export const ecsEniLimit = defineRule({
    name: "ecs-eni-limit",
    description: "An ECS instance can hold only as many ENIs as its instance type allows.",
    faq: "The number of secondary ENIs that you can attach to an ECS instance varies by instance type.",
    rejects: [
        'More ENIs on an instance than the "ENIs" column of its instance family allows, counting its primary ENI, the ENI its `networkInterfaces` creates or names, and every ENI an EcsNetworkInterfaceAttachment or vpc.NetworkInterfaceAttachment attaches to it.',
        "Types the documented table lacks, and types known only at deployment, are not checked: one advisory note per stack names their instances; `instanceTypes` adds them.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Choose a larger instance type of the same family (the ENIs column of Alibaba Cloud's instance family pages), spread the secondary ENIs over another instance, or give fewer ENIs more private IPs each and bind the EIPs in NAT mode, one per private IP. If Alibaba Cloud raised the limit for your account or the type is newer than the table, give its limit in instanceTypes.",
    tags: ["eip", "eni", "ecs"],
    options: {
        instanceTypes: INSTANCE_TYPES,
        reportUndecided: REPORT_UNDECIDED,
    },
    requires: ["ecsInstance"],
    check({ model, options, report }) {
        const unchecked = new UncheckedTypes();
        const subjects: ResourceInput[] = [];
        for (const instance of model.ofKind("ecsInstance")) {
            const secondaries = secondaryEnisOn(model, instance);
            if (secondaries.length === 0) {
                continue;
            }
            const found = instanceLimits(instance, options.instanceTypes);
            const limit = found.limits?.enis;
            if (found.limits === undefined || limit === undefined) {
                unchecked.add(found.type, instance);
                subjects.push(...secondaries.map((secondary) => secondary.by));
                continue;
            }
            const enis = secondaries.length + 1;
            if (enis <= limit) {
                continue;
            }
            const involved = [instance, ...secondaries.flatMap((secondary) => [secondary.by, ...(secondary.eni === undefined ? [] : [secondary.eni])])];
            const sources = listOf(secondaries.map((secondary) => (secondary.by === instance ? `its networkInterfaces` : describe(secondary.by))));
            report.violation(
                instance,
                `${describe(instance)} would hold ${plural(enis, "ENI")}: its primary ENI and ${plural(secondaries.length, "secondary ENI")} from ${sources}. Its instance type holds at most ${plural(limit, "ENI")}, the primary ENI included, and the attachment over that number fails. Choose a larger type of the same family, move ${plural(enis - limit, "ENI")} to another instance, or bind the EIPs in NAT mode on the private IPs of fewer ENIs.`,
                involved,
                "too-many-enis",
            );
        }
        if (options.reportUndecided) {
            unchecked.report(report, "how many ENIs an instance may hold", subjects, "types-not-checked");
        }
    },
});
