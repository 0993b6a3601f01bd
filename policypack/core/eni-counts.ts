// How many ENIs a plan puts on an instance, and how many private IPv4 addresses on an ENI, as the
// instance family tables count them: an instance's ENIs include its primary ENI; an ENI's private IPs
// include its primary private IP. IPv6 addresses and IPv4 prefixes are counted apart by Alibaba Cloud
// (columns and quotas of their own) and not here.
//
// An instance's ENIs: its primary ENI (always one, created with it or named by networkInterfaceId),
// the secondary ENI its `networkInterfaces` creates or names, and every ENI an attachment resource
// (EcsNetworkInterfaceAttachment, vpc.NetworkInterfaceAttachment) attaches to it. An ENI attached
// twice counts once; an attachment whose ENI cannot be told is left out, so the count never exceeds
// what the plan proves.

import { appendTo } from "./collections";
import { attachersOf, secondaryEnisOf } from "./enis";
import { Model } from "./model";
import { ResourceInput } from "./resources";
import { ECS_SECONDARY_COUNTS, ECS_SECONDARY_LISTS, ENI_SECONDARY_COUNTS, ENI_SECONDARY_LISTS, secondaryIpCount } from "./targets";
import { Maybe, UNKNOWN, isKnown } from "./values";

export interface SecondaryEni {
    /** The ENI when the plan manages it. */
    readonly eni?: ResourceInput;
    /** The resource that puts it on the instance: the instance itself (networkInterfaces), or an attachment. */
    readonly by: ResourceInput;
}

const ATTACHMENTS = new WeakMap<Model, Map<string, ResourceInput[]>>();

/** The attachment resources of the plan by the address of the planned instance they name, read once per model. */
function attachmentsByInstance(model: Model): Map<string, ResourceInput[]> {
    let found = ATTACHMENTS.get(model);
    if (found === undefined) {
        found = new Map();
        for (const attachment of model.ofKind("eniAttachment")) {
            const target = model.resolve(attachment, "instanceId", ["ecsInstance"]);
            if (target.kind === "resource") {
                appendTo(found, target.resource.address, attachment);
            }
        }
        ATTACHMENTS.set(model, found);
    }
    return found;
}

/** The secondary ENIs the plan puts on `instance`, each once. */
export function secondaryEnisOn(model: Model, instance: ResourceInput): SecondaryEni[] {
    const found = new Map<string, SecondaryEni>();
    secondaryEnisOf(model, instance).forEach((ref, index) => {
        // An element without an ENI id creates one with the instance: an ENI of its own.
        const identity = model.identity(ref) ?? `created:${instance.address}:${index}`;
        found.set(identity, { eni: ref.kind === "resource" ? ref.resource : undefined, by: instance });
    });
    for (const attachment of attachmentsByInstance(model).get(instance.address) ?? []) {
        const ref = model.resolve(attachment, "networkInterfaceId", ["eni"]);
        const identity = model.identity(ref);
        if (identity !== undefined && !found.has(identity)) {
            found.set(identity, { eni: ref.kind === "resource" ? ref.resource : undefined, by: attachment });
        }
    }
    return [...found.values()];
}

/** The private IPs of a planned ENI: its primary one and its secondary ones; UNKNOWN when computed. */
export function eniPrivateIpCount(model: Model, eni: ResourceInput): Maybe<number> {
    const secondaries = secondaryIpCount(model, eni, ENI_SECONDARY_LISTS, ENI_SECONDARY_COUNTS);
    return isKnown(secondaries) ? secondaries + 1 : UNKNOWN;
}

/**
 * The private IPs of the primary ENI an instance is created with (secondaryPrivateIps or
 * secondaryPrivateIpAddressCount, plus its primary private IP); undefined when the instance is created
 * on an ENI the plan manages (networkInterfaceId), whose own count is read from the ENI.
 */
export function primaryEniPrivateIpCount(model: Model, instance: ResourceInput): Maybe<number> | undefined {
    // After an update the attribute holds the id of the primary ENI the instance made for itself: only
    // an ENI the plan manages carries its own count.
    if (model.resolve(instance, "networkInterfaceId", ["eni"], model.setting(instance, "networkInterfaceId")).kind === "resource") {
        return undefined;
    }
    const secondaries = secondaryIpCount(model, instance, ECS_SECONDARY_LISTS, ECS_SECONDARY_COUNTS);
    return isKnown(secondaries) ? secondaries + 1 : UNKNOWN;
}

export type EniHost =
    /** Not attached to any instance by the plan. */
    | { readonly kind: "detached" }
    /** Attached to one planned instance. */
    | { readonly kind: "instance"; readonly instance: ResourceInput; readonly by: ResourceInput }
    /** Attached to an instance the plan does not show, or to more than one. */
    | { readonly kind: "unknown" };

/** The instance the plan attaches `eni` to. */
export function hostOf(model: Model, eni: ResourceInput): EniHost {
    const attachers = attachersOf(model, { kind: "resource", resource: eni });
    if (attachers.length === 0) {
        return { kind: "detached" };
    }
    const instances = new Set(attachers.map((attacher) => attacher.instance));
    const [only] = attachers;
    return instances.size === 1 && only.instance !== undefined ? { kind: "instance", instance: only.instance, by: only.by } : { kind: "unknown" };
}
