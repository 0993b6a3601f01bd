// What the two instance-type rules (ecs-eni-limit, eni-private-ip-limit) share: the option that adds
// or overrides instance types, reading an instance's type, and the one note per stack that names the
// types a rule could not check.

import { describe, listOf } from "../describe";
import { TypeLimits, limitsOf } from "../limits/instance-limits";
import { ResourceInput } from "../resources";
import { Reporter, TableOption, TableValue } from "../rule";
import { UNKNOWN, Unknown, asString, isUnknown, prop } from "../values";

export const INSTANCE_TYPES: TableOption = {
    type: "object",
    default: {},
    fields: {
        enis: { minimum: 1, maximum: 64, description: "The most ENIs an instance of the type holds, its primary ENI included." },
        privateIpsPerEni: { minimum: 1, maximum: 256, description: "The most private IPv4 addresses one ENI attached to it holds, its primary private IP included." },
    },
    description:
        'Instance types to add to the documented table or to override in it, by full name: `{ "ecs.g8i.large": { "enis": 3, "privateIpsPerEni": 10 } }`. Give either number or both; a documented type keeps the number you leave out. Use it for families the table lacks and for quotas Alibaba Cloud raised for your account.',
};

/**
 * An instance's type: a name, or UNKNOWN when computed (from a data source or another resource). The
 * provider requires instanceType, so an unknown one is never a value left unset, whatever it was
 * computed from.
 */
export function instanceTypeOf(instance: ResourceInput): string | Unknown | undefined {
    const value = prop(instance.props, "instanceType");
    return isUnknown(value) ? UNKNOWN : asString(value);
}

/** The limits of `instance`'s type, or what keeps them from being known. */
export function instanceLimits(instance: ResourceInput, overrides: TableValue): { type: string; limits: TypeLimits } | { type: string | Unknown | undefined; limits: undefined } {
    const type = instanceTypeOf(instance);
    return typeof type === "string" ? { type, limits: limitsOf(type, overrides) } : { type, limits: undefined };
}

/**
 * Instances whose limit a rule needed and could not find, gathered over the stack and reported as one
 * note: the types not in the table, and the instances whose type is known only at deployment.
 */
export class UncheckedTypes {
    private readonly missing = new Map<string, ResourceInput[]>();
    private readonly computed: ResourceInput[] = [];

    add(type: string | Unknown | undefined, instance: ResourceInput): void {
        if (typeof type === "string") {
            const list = this.missing.get(type) ?? [];
            list.push(instance);
            this.missing.set(type, list);
        } else if (type === UNKNOWN) {
            this.computed.push(instance);
        }
    }

    /** The one note, when anything went unchecked; `what` names the limit ("how many ENIs"). */
    report(report: Reporter, what: string, subjects: readonly ResourceInput[], cause: string): void {
        if (this.missing.size === 0 && this.computed.length === 0) {
            return;
        }
        const parts: string[] = [];
        if (this.missing.size > 0) {
            parts.push(`the instance types ${listOf([...this.missing.keys()].sort())}, which the table of documented instance families does not list`);
        }
        if (this.computed.length > 0) {
            parts.push(`the type of ${listOf(this.computed.map(describe))}, known only at deployment`);
        }
        const instances = [...this.missing.values()].flat().concat(this.computed);
        report.undecided(
            undefined,
            `Could not check ${what} for ${parts.join(", nor ")}. Give the limits of those types in this policy's instanceTypes option to have them checked.`,
            [...new Set([...instances, ...subjects])],
            cause,
        );
    }
}
