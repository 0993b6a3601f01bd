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
 * An instance's type: a name, or UNKNOWN when computed (from a data source or another resource) or
 * left out. The provider takes instanceType or a launch template (launchTemplateId, launchTemplateName)
 * and reads the type from the template when it is left out: known only at deployment, never "no type".
 */
export function instanceTypeOf(instance: ResourceInput): string | Unknown | undefined {
    const value = prop(instance.props, "instanceType");
    return isUnknown(value) || value === undefined || value === null ? UNKNOWN : asString(value);
}

/** The limits of `instance`'s type, or what keeps them from being known. */
export function instanceLimits(instance: ResourceInput, overrides: TableValue): { type: string; limits: TypeLimits } | { type: string | Unknown | undefined; limits: undefined } {
    const type = instanceTypeOf(instance);
    return typeof type === "string" ? { type, limits: limitsOf(type, overrides) } : { type, limits: undefined };
}

/**
 * Instances whose limit a rule needed and could not find, gathered over the stack and reported as one
 * note. The note names the instances, not their types: a type is a property value, which may be a
 * secret (describe.ts), and the user finds the type in the program beside the instance's name.
 */
export class UncheckedTypes {
    private readonly missing: ResourceInput[] = [];
    private readonly computed: ResourceInput[] = [];

    add(type: string | Unknown | undefined, instance: ResourceInput): void {
        const list = typeof type === "string" ? this.missing : type === UNKNOWN ? this.computed : undefined;
        if (list !== undefined && !list.includes(instance)) {
            list.push(instance);
        }
    }

    /** The one note, when anything went unchecked; `what` names the limit ("how many ENIs"). */
    report(report: Reporter, what: string, subjects: readonly ResourceInput[], cause: string): void {
        if (this.missing.length === 0 && this.computed.length === 0) {
            return;
        }
        const sentences: string[] = [];
        if (this.missing.length > 0) {
            const their = this.missing.length === 1 ? "its instance type" : "their instance types";
            sentences.push(`Could not check ${what} for ${listOf(this.missing.map(describe))}: the table of documented instance families gives no such limit for ${their}.`);
        }
        if (this.computed.length > 0) {
            const their = this.computed.length === 1 ? "its instance type is" : "their instance types are";
            sentences.push(`Could not check ${what} for ${listOf(this.computed.map(describe))}: ${their} known only at deployment.`);
        }
        report.undecided(
            undefined,
            `${sentences.join(" ")} Give the limits of those instance types in this policy's instanceTypes option to have them checked.`,
            [...new Set([...this.missing, ...this.computed, ...subjects])],
            cause,
        );
    }
}
