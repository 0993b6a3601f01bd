// eni-eip-capacity: a secondary ENI holds as many EIPs as its binding mode allows.
//
// FAQ: "When you associate EIPs with a secondary ENI in NAT Mode, the number of EIPs that you can
// associate depends on the number of private IP addresses assigned to the secondary ENI."
//
// From the AssociateEipAddress reference: NAT mode (the default) takes one EIP per private IP of the
// ENI (InvalidEip.EipQuotaExceeded); cut-through mode (BINDED) takes exactly one EIP and no secondary
// private IPs (Eni.HasSubIp); multi-EIP-to-ENI mode (MULTI_BINDED) takes up to 10; NAT and
// MULTI_BINDED cannot be mixed on one ENI (OperationFailed.EipBindModeConflict).

import { appendTo } from "../collections";
import { describe, describeBinding, listOf, plural } from "../describe";
import { Binding, Model } from "../model";
import { Reporter, defineRule } from "../rule";
import { ENI_SECONDARY_COUNTS, ENI_SECONDARY_LISTS, eniAddresses, secondaryIpCount } from "../targets";
import { Maybe, UNKNOWN, isKnown } from "../values";
import { REPORT_UNDECIDED, bindingsOnto, byTarget, involvedInGroup, targetName } from "./common";

type Mode = "NAT" | "BINDED" | "MULTI_BINDED";

function modeOf(binding: Binding): Maybe<Mode | "other"> {
    const mode = binding.mode;
    if (mode === undefined) {
        return "NAT"; // The API's default when Mode is not sent.
    }
    if (mode === UNKNOWN) {
        return UNKNOWN;
    }
    const upper = mode.toUpperCase();
    return upper === "NAT" || upper === "BINDED" || upper === "MULTI_BINDED" ? upper : "other";
}

function names(bindings: readonly Binding[]): string {
    return listOf(bindings.map((binding) => describeBinding(binding)));
}

export const eniEipCapacity = defineRule({
    name: "eni-eip-capacity",
    description: "A secondary ENI can hold only as many EIPs as its binding mode allows.",
    faq: "When you associate EIPs with a secondary ENI in NAT Mode, the number of EIPs that you can associate depends on the number of private IP addresses assigned to the secondary ENI.",
    rejects: [
        "NAT mode (the default): more EIPs than the ENI has private IPs (primary + secondary), two EIPs on one `privateIpAddress`, or a `privateIpAddress` that is not one of the ENI's.",
        "Cut-through mode (`BINDED`): more than one EIP on the ENI, or an ENI with secondary private IPs.",
        "Multi-EIP-to-ENI mode (`MULTI_BINDED`): more than `maxMultiBindedEips` EIPs (default 10).",
        "NAT and `MULTI_BINDED` associations mixed on one ENI.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "In NAT mode (the default), give the ENI one private IP per EIP (secondaryPrivateIpAddressCount or privateIpAddresses) and set each association's privateIpAddress to a different one of them. In cut-through mode (BINDED) bind exactly one EIP and give the ENI no secondary private IPs. Do not mix NAT and MULTI_BINDED associations on one ENI. For more EIPs, attach another secondary ENI.",
    tags: ["eip", "eni"],
    options: {
        maxMultiBindedEips: {
            type: "integer",
            default: 10,
            minimum: 1,
            maximum: 1000,
            description: "The most EIPs one ENI may hold in multi-EIP-to-ENI mode (MULTI_BINDED).",
        },
        reportUndecided: REPORT_UNDECIDED,
    },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "eni", "NetworkInterface"))) {
            checkEni(model, group, options.maxMultiBindedEips, options.reportUndecided, report);
        }
    },
});

function checkEni(model: Model, group: readonly Binding[], maxMultiBinded: number, reportUndecided: boolean, report: Reporter): void {
    const name = targetName(group[0], "ENI");
    const involved = involvedInGroup(group);
    const violation = (cause: string, message: string) => group.forEach((binding) => report.violation(binding.via, message, involved, cause));
    const inMode = (mode: Mode) => group.filter((binding) => modeOf(binding) === mode);
    const nat = inMode("NAT");
    const binded = inMode("BINDED");
    const multi = inMode("MULTI_BINDED");
    const eni = group[0].target.kind === "resource" ? group[0].target.resource : undefined;

    if (nat.length > 0 && multi.length > 0) {
        violation("mixed-modes", `${name} mixes NAT mode (${names(nat)}) and multi-EIP-to-ENI mode (${names(multi)}); one ENI cannot use both (OperationFailed.EipBindModeConflict). Use one mode for every EIP on the ENI.`);
    }
    if (binded.length > 0 && group.length > 1) {
        violation("binded-shared", `${name} is bound in cut-through mode (BINDED) by ${names(binded)}, which allows exactly one EIP, but ${group.length} associations point at it. Keep one, or use NAT mode with one private IP per EIP.`);
    }
    if (multi.length > maxMultiBinded) {
        violation("multi-binded-limit", `${name} would hold ${multi.length} EIPs in multi-EIP-to-ENI mode (MULTI_BINDED); at most ${maxMultiBinded} are allowed. Spread them over more ENIs.`);
    }
    const byIp = new Map<string, Binding[]>();
    for (const binding of nat) {
        if (typeof binding.privateIpAddress === "string") {
            appendTo(byIp, binding.privateIpAddress, binding);
        }
    }
    for (const sharing of byIp.values()) {
        if (sharing.length > 1) {
            const sharingInvolved = involvedInGroup(sharing);
            const message = `${names(sharing)} all bind an EIP to the same privateIpAddress of ${name}; in NAT mode each private IP takes one EIP. Give each association a different privateIpAddress of the ENI.`;
            sharing.forEach((binding) => report.violation(binding.via, message, sharingInvolved, "shared-private-ip"));
        }
    }
    if (eni === undefined) {
        return;
    }
    const secondaries = secondaryIpCount(model, eni, ENI_SECONDARY_LISTS, ENI_SECONDARY_COUNTS);
    if (binded.length > 0 && typeof secondaries === "number" && secondaries > 0) {
        violation("binded-with-secondaries", `${describe(eni)} has ${plural(secondaries, "secondary private IP")}, but cut-through mode (BINDED, used by ${names(binded)}) needs an ENI without any (Eni.HasSubIp). Remove the secondary private IPs, or use NAT mode.`);
    }
    if (nat.length === 0) {
        return;
    }
    if (typeof secondaries === "number" && nat.length > secondaries + 1) {
        violation("nat-over-capacity", `${describe(eni)} has ${plural(secondaries + 1, "private IP")} (1 primary, ${secondaries} secondary) but would hold ${nat.length} EIPs in NAT mode (${names(nat)}); in NAT mode an ENI takes one EIP per private IP (InvalidEip.EipQuotaExceeded). Raise secondaryPrivateIpAddressCount to ${nat.length - 1}, or attach another ENI.`);
    } else if (secondaries === UNKNOWN && nat.length > 1 && reportUndecided) {
        const message = `Could not count the private IPs of ${describe(eni)}: they are computed from another resource. It takes at most one NAT-mode EIP per private IP, and ${nat.length} are planned.`;
        nat.forEach((binding) => report.undecided(binding.via, message, involved, "private-ips-unknown"));
    }
    const addresses = eniAddresses(model, eni);
    if (!isKnown(addresses)) {
        return;
    }
    for (const [ip, sharing] of byIp) {
        if (!addresses.includes(ip)) {
            sharing.forEach((binding) =>
                report.violation(
                    binding.via,
                    `${describeBinding(binding)} binds its EIP to a privateIpAddress that is not one of the private IPs of ${describe(eni)} (its primaryIpAddress and privateIpAddresses). Use one of the ENI's addresses, or add it to the ENI's privateIpAddresses.`,
                    involved,
                    "foreign-private-ip",
                ),
            );
        }
    }
}
