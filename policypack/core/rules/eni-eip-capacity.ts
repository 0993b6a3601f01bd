// eni-eip-capacity: an ENI holds as many EIPs as its binding mode allows.
//
// FAQ: "When you associate EIPs with a secondary ENI in NAT Mode, the number of EIPs that you can
// associate depends on the number of private IP addresses assigned to the secondary ENI."
//
// From the AssociateEipAddress reference: NAT mode (the default) takes one EIP per private IP of the
// ENI (InvalidEip.EipQuotaExceeded); cut-through mode (BINDED) takes exactly one EIP and no secondary
// private IPs (Eni.HasSubIp); multi-EIP-to-ENI mode (MULTI_BINDED) takes up to 10; NAT and
// MULTI_BINDED cannot be mixed on one ENI (OperationFailed.EipBindModeConflict).
//
// NAT mode works on an instance's primary ENI too, one EIP per private IP: "Both primary and
// secondary ENIs are supported" (https://www.alibabacloud.com/help/en/eip/bind-an-eip-to-a-cloud-resource/,
// Jun 2026; https://www.alibabacloud.com/help/en/eip/use-cases/associate-multiple-eips-with-a-secondary-eni-in-nat-mode,
// Mar 2026: "1 EIP via its primary private IP and up to 5 EIPs via secondary private IPs" on each ENI
// of an ecs.c6.large). The older AssociateEipAddress reference still calls NetworkInterface "secondary
// ENI"; the newer guides win. An instance-level EIP (EcsInstance) maps to the primary private IP of
// the primary ENI, so a NAT-mode EIP on that same address is likely refused: no error code documents
// it, hence an advisory note only.
//
// Cut-through modes (BINDED, MULTI_BINDED) take only a secondary ENI that is not attached to an
// instance: AssociateEipAddress fails with Eni.Attached ("The eni should be detached from ecs when
// associating with direct eip", https://www.alibabacloud.com/help/en/eip/developer-reference/api-vpc-2016-04-28-associateeipaddress-eips);
// the binding guide says "Only secondary ENIs are supported" and "Associate the EIP with the ENI
// first, then attach the ENI to the ECS instance"; the multi-EIP-to-ENI guide requires an ENI "not
// associated with an ECS instance" (https://www.alibabacloud.com/help/en/elastic-ip-address/latest/associate-eips-with-secondary-enis-in-multi-eip-to-eni-mode).
// The plan proves the ENI attached first when the association waits for what attaches it, or when
// the ENI is an instance's primary ENI; when nothing orders the two, the outcome is left to chance.
//
// Multi-EIP-to-ENI mode is closed to new accounts: "Alibaba Cloud no longer accepts new applications"
// and only accounts that already have the permission may use it (same guide; the binding guide:
// "Existing authorized users can continue using it"); others get Mode.NotSupport ("The user cannot
// use multi direct eip") or OperationDenied.Unauthorized. No plan shows whether an account is
// allowed, so this is an advisory note, once per ENI, that a team whose account is allowed turns off
// with multiBindedAllowed.

import { prop } from "../terms";
import { appendTo } from "../collections";
import { describe, describeBinding, listOf, plural } from "../describe";
import { EniAttacher, attachersOf, primaryOwnersOf, waitsFor } from "../enis";
import { Binding, Model } from "../model";
import { ResourceInput } from "../resources";
import { Reporter, defineRule } from "../rule";
import { ENI_SECONDARY_COUNTS, ENI_SECONDARY_LISTS, declaredEniAddresses, eniAddresses, secondaryIpCount } from "../targets";
import { Maybe, UNKNOWN, asString, isKnown } from "../values";
import { REPORT_UNDECIDED, bindingsOnto, byTarget, involvedInGroup, subjectOfGroup, targetName } from "./common";

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
    description: "An ENI can hold only as many EIPs as its binding mode allows.",
    faq: "When you associate EIPs with a secondary ENI in NAT Mode, the number of EIPs that you can associate depends on the number of private IP addresses assigned to the secondary ENI.",
    rejects: [
        "NAT mode (the default): more EIPs than the ENI has private IPs (primary + secondary), two EIPs on one `privateIpAddress`, or a `privateIpAddress` that is not one of the ENI's.",
        "Cut-through mode (`BINDED`): more than one EIP on the ENI, or an ENI with secondary private IPs.",
        "Multi-EIP-to-ENI mode (`MULTI_BINDED`): more than `maxMultiBindedEips` EIPs (default 10).",
        "NAT and `MULTI_BINDED` associations mixed on one ENI.",
        "`BINDED` or `MULTI_BINDED` on an ENI the plan provably attaches first: an instance's primary ENI (`networkInterfaceId`), or an ENI whose attachment (an EcsNetworkInterfaceAttachment, or an instance listing it in `networkInterfaces`) the association depends on. When nothing orders the two, an advisory note.",
    ],
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "In NAT mode (the default), give the ENI one private IP per EIP (secondaryPrivateIpAddressCount or privateIpAddresses) and set each association's privateIpAddress to a different one of them. In cut-through mode (BINDED) bind exactly one EIP and give the ENI no secondary private IPs. Do not mix NAT and MULTI_BINDED associations on one ENI. In BINDED and MULTI_BINDED mode, associate the EIP with a secondary ENI before attaching it: make the attachment depend on the association (dependsOn), never the other way round. MULTI_BINDED is open only to accounts Alibaba Cloud allowed before it stopped accepting applications: if yours is one, set multiBindedAllowed to true to drop the advisory note. For more EIPs, attach another secondary ENI.",
    tags: ["eip", "eni"],
    options: {
        maxMultiBindedEips: {
            type: "integer",
            default: 10,
            minimum: 1,
            maximum: 1000,
            description: "The most EIPs one ENI may hold in multi-EIP-to-ENI mode (MULTI_BINDED).",
        },
        multiBindedAllowed: {
            type: "boolean",
            default: false,
            description:
                "Set to true when your Alibaba Cloud account is allowed to use multi-EIP-to-ENI mode (MULTI_BINDED), which Alibaba Cloud no longer opens to new accounts: the advisory note on each ENI that uses it is then left out.",
        },
        reportUndecided: REPORT_UNDECIDED,
    },
    requires: ["eipAssociation"],
    check({ model, options, report }) {
        for (const group of byTarget(model, bindingsOnto(model, "eni", "NetworkInterface"))) {
            checkEni(model, group, options, report);
        }
    },
});

interface Options {
    readonly maxMultiBindedEips: number;
    readonly multiBindedAllowed: boolean;
    readonly reportUndecided: boolean;
}

function checkEni(model: Model, group: readonly Binding[], options: Options, report: Reporter): void {
    const { maxMultiBindedEips: maxMultiBinded, reportUndecided } = options;
    const name = targetName(group[0], "ENI");
    const involved = involvedInGroup(group);
    // Every fault of this ENI is reported once, on the ENI (or, outside the stack, on one association).
    const subject = subjectOfGroup(group);
    const violation = (cause: string, message: string) => report.violation(subject, message, involved, cause);
    const inMode = (mode: Mode) => group.filter((binding) => modeOf(binding) === mode);
    const nat = inMode("NAT");
    const binded = inMode("BINDED");
    const multi = inMode("MULTI_BINDED");
    const eni = group[0].target.kind === "resource" ? group[0].target.resource : undefined;

    if (nat.length > 0 && multi.length > 0) {
        violation(
            "mixed-modes",
            `${name} mixes NAT mode (${names(nat)}) and multi-EIP-to-ENI mode (${names(multi)}); one ENI cannot use both (OperationFailed.EipBindModeConflict). Use one mode for every EIP on the ENI.`,
        );
    }
    if (binded.length > 0 && group.length > 1) {
        violation(
            "binded-shared",
            `${name} is bound in cut-through mode (BINDED) by ${names(binded)}, which allows exactly one EIP, but ${group.length} associations point at it. Keep one, or use NAT mode with one private IP per EIP.`,
        );
    }
    if (multi.length > maxMultiBinded) {
        violation(
            "multi-binded-limit",
            `${name} would hold ${multi.length} EIPs in multi-EIP-to-ENI mode (MULTI_BINDED); at most ${maxMultiBinded} are allowed. Spread them over more ENIs.`,
        );
    }
    if (multi.length > 0 && !options.multiBindedAllowed && reportUndecided) {
        report.undecided(
            subject,
            `${name} takes ${plural(multi.length, "EIP")} in multi-EIP-to-ENI mode (MULTI_BINDED: ${names(multi)}). Alibaba Cloud no longer opens this mode to new accounts: only accounts allowed before may use it, others are refused (Mode.NotSupport), and it works only in some regions and instance families. If your account is allowed, set multiBindedAllowed to true for this policy; otherwise use NAT mode with one private IP per EIP.`,
            [...multi.map((binding) => binding.via), ...(eni === undefined ? [] : [eni])],
            "multi-binded-allow-list",
        );
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
            const message = `${names(sharing)} all bind an EIP to the same ${prop("privateIpAddress")} of ${name}; in NAT mode each private IP takes one EIP. Give each association a different ${prop("privateIpAddress")} of the ENI.`;
            report.violation(subject, message, [...sharingInvolved, subject], "shared-private-ip");
        }
    }
    checkAttachedFirst(model, group, name, reportUndecided, report);
    if (eni === undefined) {
        // An ENI outside the stack: its private IPs cannot be counted, and one EIP always fits the
        // primary IP, so only several NAT-mode EIPs are worth a note.
        if (nat.length > 1 && reportUndecided) {
            report.undecided(
                subject,
                `Could not count the private IPs of ${name}: in NAT mode an ENI takes one EIP per private IP, and ${nat.length} are planned (${names(nat)}). Manage the ENI in this stack to have it checked.`,
                involved,
                "eni-outside-stack",
            );
        }
        return;
    }
    const secondaries = secondaryIpCount(model, eni, ENI_SECONDARY_LISTS, ENI_SECONDARY_COUNTS);
    if (binded.length > 0 && typeof secondaries === "number" && secondaries > 0) {
        violation(
            "binded-with-secondaries",
            `${describe(eni)} has ${plural(secondaries, "secondary private IP")}, but cut-through mode (BINDED, used by ${names(binded)}) needs an ENI without any (Eni.HasSubIp). Remove the secondary private IPs, or use NAT mode.`,
        );
    }
    if (nat.length === 0) {
        return;
    }
    if (typeof secondaries === "number" && nat.length > secondaries + 1) {
        violation(
            "nat-over-capacity",
            `${describe(eni)} has ${plural(secondaries + 1, "private IP")} (1 primary, ${secondaries} secondary) but would hold ${nat.length} EIPs in NAT mode (${names(nat)}); in NAT mode an ENI takes one EIP per private IP (InvalidEip.EipQuotaExceeded). Raise ${prop("secondaryPrivateIpAddressCount")} to ${nat.length - 1}, or attach another ENI.`,
        );
    } else if (secondaries === UNKNOWN && nat.length > 1 && reportUndecided) {
        const message = `Could not count the private IPs of ${describe(eni)}: they are computed from another resource. It takes at most one NAT-mode EIP per private IP, and ${nat.length} are planned.`;
        report.undecided(eni, message, involved, "private-ips-unknown");
    }
    if (reportUndecided) {
        checkInstanceEipOnPrimaryIp(model, eni, nat, secondaries, report);
    }
    const addresses = eniAddresses(model, eni);
    if (!isKnown(addresses)) {
        if (reportUndecided) {
            noteUndeclaredAddresses(model, eni, byIp, involved, report);
        }
        return;
    }
    for (const [ip, sharing] of byIp) {
        if (!addresses.includes(ip)) {
            sharing.forEach((binding) =>
                report.violation(
                    binding.via,
                    `${describeBinding(binding)} binds its EIP to a ${prop("privateIpAddress")} that is not one of the private IPs of ${describe(eni)} (its ${prop("primaryIpAddress")} and ${prop("privateIpAddresses")}). Use one of the ENI's addresses, or add it to the ENI's ${prop("privateIpAddresses")}.`,
                    involved,
                    "foreign-private-ip",
                ),
            );
        }
    }
}

/**
 * An instance created on this ENI (its primary ENI) that also holds an instance-level EIP: that EIP
 * sits on the ENI's primary private IP, and so does a NAT-mode EIP bound to that address, or one of
 * the NAT-mode EIPs when they take every private IP of the ENI.
 */
function checkInstanceEipOnPrimaryIp(model: Model, eni: Binding["via"], nat: readonly Binding[], secondaries: Maybe<number>, report: Reporter): void {
    const primaryIp = asString(model.setting(eni, "primaryIpAddress")) ?? asString(model.setting(eni, "privateIp"));
    const onPrimary = typeof primaryIp === "string" ? nat.filter((binding) => binding.privateIpAddress === primaryIp) : [];
    const everyIpTaken = typeof secondaries === "number" && nat.length === secondaries + 1;
    if (onPrimary.length === 0 && !everyIpTaken) {
        return;
    }
    for (const owner of primaryOwnersOf(model, { kind: "resource", resource: eni })) {
        const ownerIdentity = model.identity({ kind: "resource", resource: owner });
        const instanceEips = bindingsOnto(model, "ecsInstance", "EcsInstance").filter((binding) => model.identity(binding.target) === ownerIdentity);
        if (instanceEips.length === 0) {
            continue;
        }
        const clash =
            onPrimary.length > 0
                ? `${names(onPrimary)} binds a NAT-mode EIP to that same private IP`
                : `the ${nat.length} NAT-mode EIPs on the ENI take every one of its private IPs, the primary one included`;
        const message = `${describe(owner)} is created on ${describe(eni)} as its primary ENI (${prop("networkInterfaceId")}), and ${names(instanceEips)} binds an EIP to the instance, which Alibaba Cloud maps to the primary private IP of that ENI; ${clash}. Two EIPs on one private IP are likely refused. Keep the NAT-mode EIPs on the secondary private IPs, or bind the instance's EIP in NAT mode on the primary private IP instead of with ${prop("instanceType")} "EcsInstance".`;
        const involved = [...instanceEips.map((binding) => binding.via), ...(onPrimary.length > 0 ? onPrimary : nat).map((binding) => binding.via), owner, eni];
        report.undecided(eni, message, involved, "instance-eip-on-primary-ip");
    }
}

const CUT_THROUGH_MODES: Readonly<Record<string, string>> = {
    BINDED: "cut-through mode (BINDED)",
    MULTI_BINDED: "multi-EIP-to-ENI mode (MULTI_BINDED)",
};

function attaching(attacher: EniAttacher): string {
    return attacher.how === "creation"
        ? `${describe(attacher.by)}, which is created with that ENI attached (${prop("networkInterfaces")})`
        : `${describe(attacher.by)}, which attaches that ENI to ${attacher.instance === undefined ? "an instance" : describe(attacher.instance)}`;
}

/** Cut-through bindings on an ENI the plan attaches: refused when the attachment provably comes first. */
function checkAttachedFirst(model: Model, group: readonly Binding[], name: string, reportUndecided: boolean, report: Reporter): void {
    const attachers = attachersOf(model, group[0].target);
    if (attachers.length === 0) {
        return;
    }
    const eni = group[0].target.kind === "resource" ? [group[0].target.resource] : [];
    for (const binding of group) {
        const mode = CUT_THROUGH_MODES[modeOf(binding) as string];
        if (mode === undefined) {
            continue;
        }
        const primary = attachers.find((attacher) => attacher.how === "primary");
        if (primary !== undefined) {
            report.violation(
                binding.via,
                `${describeBinding(binding)} binds an EIP in ${mode} to ${name}, the primary ENI of ${describe(primary.by)} (${prop("networkInterfaceId")}). Cut-through modes take only a secondary ENI that is not attached to an instance, and a primary ENI always is (Eni.Attached). Use NAT mode (mode "NAT"), which works on the primary ENI, or bind the EIP to a secondary ENI before attaching it.`,
                [binding.via, primary.by, ...eni],
                "cut-through-on-primary-eni",
            );
            continue;
        }
        const first = attachers.find((attacher) => waitsFor(model, binding.via, attacher.by));
        if (first !== undefined) {
            report.violation(
                binding.via,
                `${describeBinding(binding)} binds an EIP in ${mode} to ${name}, but it is created after ${attaching(first)}. Alibaba Cloud refuses a cut-through association with an attached ENI (Eni.Attached). Associate first: drop the association's dependency on ${describe(first.by)} and make ${describe(first.by)} depend on the association (${prop("dependsOn")}).`,
                [binding.via, first.by, ...eni],
                "attached-first",
            );
            continue;
        }
        const racing = attachers.filter((attacher) => !waitsFor(model, attacher.by, binding.via));
        if (racing.length > 0 && reportUndecided) {
            report.undecided(
                binding.via,
                `${describeBinding(binding)} binds an EIP in ${mode} to ${name}, and nothing orders it before ${listOf(racing.map(attaching))}. Alibaba Cloud refuses a cut-through association with an ENI that is already attached (Eni.Attached), so the outcome depends on which is created first. Make ${listOf(racing.map((attacher) => describe(attacher.by)))} depend on the association (${prop("dependsOn")}).`,
                [binding.via, ...racing.map((attacher) => attacher.by), ...eni],
                "attachment-races",
            );
        }
    }
}

/**
 * NAT-mode associations that name a private IP the ENI does not declare, while some of the ENI's
 * addresses are left to the system or computed: the association fails unless the system happens to
 * assign exactly that address, which cannot be known before deployment.
 */
function noteUndeclaredAddresses(model: Model, eni: ResourceInput, byIp: ReadonlyMap<string, readonly Binding[]>, involved: readonly ResourceInput[], report: Reporter): void {
    const declared = declaredEniAddresses(model, eni);
    for (const [ip, sharing] of byIp) {
        if (declared.includes(ip)) {
            continue;
        }
        for (const binding of sharing) {
            report.undecided(
                binding.via,
                `${describeBinding(binding)} binds its EIP to a ${prop("privateIpAddress")} that ${describe(eni)} does not declare: some of the ENI's private IPs are assigned by the system or computed at creation. Unless the ENI ends up with exactly that address, the association fails. Declare the address on the ENI (${prop("primaryIpAddress")} or ${prop("privateIpAddresses")}), or use ${prop("privateIpAddress")}: eni.primaryIpAddress.`,
                involved,
                "undeclared-private-ip",
            );
        }
    }
}
