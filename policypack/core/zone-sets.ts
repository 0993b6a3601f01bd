// ALB and NLB zone mappings are a set in the provider, not a list: mappings that hash alike become
// one element, and only the elements reach CreateLoadBalancer.
//
// - NLB: `zone_mappings` is a TypeSet hashed by `zone_id` alone (aliyun/terraform-provider-alicloud
//   alicloud/resource_alicloud_nlb_load_balancer.go, resourceAliCloudNlbLoadBalancer, `Set:` crc32 of
//   zone_id). Two mappings in one zone are one element: one of their allocation ids (and vSwitches)
//   is silently dropped.
// - ALB: `zone_mappings` is a TypeSet without a hash function of its own (resource_alicloud_alb_load_
//   balancer.go), so the SDK hashes every field the user can set: zone_id, vswitch_id, allocation_id,
//   eip_type, intranet_address. Identical mappings are one element; mappings that differ in any of
//   these stay two.
// - terraform-plugin-sdk helper/schema/set.go `(*Set).add` keeps one item per hash code. Pulumi has
//   no sets: the bridged provider turns the list into the provider's set with the same hash
//   (pulumi/pulumi-terraform-bridge docs/dev/sets.org), so a Pulumi program behaves the same way.
//
// A mapping's key is what the set hashes: each part known (absent is a value too) or UNKNOWN, so
// that two mappings are provably one element, provably two, or cannot be told apart yet.

import type { Comparison, Model } from "./model";
import { ResourceInput, ResourceKind } from "./resources";
import { Maybe, UNKNOWN, Unknown, asString, isKnown, prop } from "./values";

export type KeyPart = string | Unknown;

/** The parts of a mapping the provider may hash, as identities ("absent" when not set). */
export interface MappingParts {
    readonly zone: Maybe<string>;
    readonly vswitch: KeyPart;
    readonly eip: KeyPart;
    readonly eipType: Maybe<string>;
    readonly intranetAddress: Maybe<string>;
}

const ABSENT = "absent";

function part(value: Maybe<string>, absent: KeyPart = ABSENT): KeyPart {
    return value === undefined ? absent : value;
}

/**
 * A plain field of one zone mapping as the user set it. As with `Model.setting`, an unknown that was
 * computed from nothing is unset; for a field inside a list that shows only when the plan gives
 * per-element dependencies (`zoneMappings[0].allocationId`, as Terraform does): then an unknown field
 * without any is unset. Otherwise it stays unknown.
 */
export function mappingField(model: Model, lb: ResourceInput, element: unknown, index: number, field: string): Maybe<string> {
    const value = asString(prop(element, field));
    if (value !== UNKNOWN) {
        return value;
    }
    const precise = Object.keys(lb.propertyDependencies ?? {}).some((key) => key.startsWith("zoneMappings["));
    return precise && !model.hasDependencies(lb, `zoneMappings[${index}].${field}`) ? undefined : UNKNOWN;
}

/** What the provider's set hashes a mapping of `kind` by. */
export function setKey(kind: ResourceKind, parts: MappingParts): readonly KeyPart[] {
    // A mapping without a zone is no valid mapping (zone_id is Required): nothing can be said of it.
    const zone = part(parts.zone, UNKNOWN);
    if (kind === "nlb") {
        return [zone];
    }
    return [zone, parts.vswitch, parts.eip, part(parts.eipType), part(parts.intranetAddress)];
}

/** Whether two mappings of one load balancer become one set element ("same"), two ("different"), or cannot be told. */
export function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): Comparison {
    let known = true;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i];
        const y = b[i];
        if (isKnown(x) && isKnown(y)) {
            if (x !== y) {
                return "different";
            }
        } else {
            known = false;
        }
    }
    return known ? "same" : "unknown";
}

/**
 * The set elements the mappings provably become, as lists of mapping positions: mappings whose keys
 * are known and equal share one; any other mapping is an element of its own.
 */
export function setElements(keys: readonly (readonly KeyPart[])[]): number[][] {
    const byKey = new Map<string, number[]>();
    const elements: number[][] = [];
    keys.forEach((key, position) => {
        if (!key.every(isKnown)) {
            elements.push([position]);
            return;
        }
        const text = JSON.stringify(key);
        const element = byKey.get(text);
        if (element === undefined) {
            const fresh = [position];
            byKey.set(text, fresh);
            elements.push(fresh);
        } else {
            element.push(position);
        }
    });
    return elements;
}
