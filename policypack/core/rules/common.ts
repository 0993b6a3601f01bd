// Pieces several rules share: the option every policy has, and the grouping of bindings by what
// they bind.

import { appendTo } from "../collections";
import { describe } from "../describe";
import { TargetKind } from "../ids";
import { Binding, Model } from "../model";
import { ResourceInput } from "../resources";
import { BooleanOption } from "../rule";

export const REPORT_UNDECIDED: BooleanOption = {
    type: "boolean",
    default: true,
    description:
        "Report, as advisory notes, the bindings this policy could not decide before deployment (a value that is unknown until deployment, a resource outside the stack, a region left to the environment). Set to false to keep only violations.",
};

/** Groups bindings by the identity of what `pick` returns, skipping those it cannot identify. */
export function groupBy(model: Model, bindings: readonly Binding[], pick: (binding: Binding) => Binding["eip"]): Map<string, Binding[]> {
    const groups = new Map<string, Binding[]>();
    for (const binding of bindings) {
        const identity = model.identity(pick(binding));
        if (identity !== undefined) {
            appendTo(groups, identity, binding);
        }
    }
    return groups;
}

/**
 * The association bindings that put an EIP on a target of `kind` with the `InstanceType` that kind
 * takes (declared, or inferred by the provider from the id): the bindings Alibaba Cloud will count
 * against that target's limit.
 */
export function bindingsOnto(model: Model, kind: TargetKind, instanceType: string): Binding[] {
    return model.bindings.filter((binding) => binding.source === "association" && binding.targetKind === kind && model.effectiveInstanceType(binding) === instanceType);
}

/** Groups the bindings onto targets of one kind by target. */
export function byTarget(model: Model, bindings: readonly Binding[]): Binding[][] {
    return [...groupBy(model, bindings, (binding) => binding.target).values()];
}

/** The resources a group of bindings onto one target involves: every association and the target. */
export function involvedInGroup(group: readonly Binding[]): ResourceInput[] {
    const involved = group.map((binding) => binding.via);
    const target = group[0]?.target;
    if (target?.kind === "resource") {
        involved.push(target.resource);
    }
    return involved;
}

/** The first of some resources by address: the same one whatever order the stack came in. */
export function firstByAddress(resources: readonly ResourceInput[]): ResourceInput {
    return resources.reduce((first, resource) => (resource.address < first.address ? resource : first));
}

/**
 * The resource a fault about a group's target is reported on: the target itself, or, when the stack
 * does not manage it (a gateway named by a literal id), the group's first association by address, so
 * that the fault is still shown under a resource of the stack, and only once.
 */
export function subjectOfGroup(group: readonly Binding[]): ResourceInput {
    const target = group[0].target;
    return target.kind === "resource" ? target.resource : firstByAddress(group.map((binding) => binding.via));
}

/** Names the target of a group: `ECS instance "web"`, or `ECS instance "i-123" (not managed in this stack)`. */
export function targetName(binding: Binding, label: string): string {
    const target = binding.target;
    if (target.kind === "resource") {
        return describe(target.resource);
    }
    return target.kind === "literal" ? `the ${label} named by a literal id (not managed in this stack)` : `an unresolved ${label}`;
}
