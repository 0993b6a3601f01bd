// How resources and references are named in messages: by their Pulumi names, never by values a
// user may consider sensitive (only ids a reference literally names, and counts).

import { KIND_LABEL } from "./ids";
import { Binding, Model, Ref } from "./model";
import { ResourceInput } from "./resources";

export function describe(resource: ResourceInput): string {
    return `${KIND_LABEL[resource.kind]} "${resource.name}"`;
}

export function describeRef(ref: Ref, what: string): string {
    switch (ref.kind) {
        case "resource":
            return describe(ref.resource);
        case "literal":
            return `${what} "${ref.id}" (not managed in this stack)`;
        case "unresolved":
            return `an ${what} that cannot be resolved before deployment`;
        case "absent":
            return `no ${what}`;
    }
}

/** `EIP association "a"`, `the cn-hangzhou-a zone mapping of ALB instance "lb"`. */
export function describeBinding(binding: Binding, model?: Model): string {
    if (binding.source === "association") {
        return describe(binding.via);
    }
    const zone = model !== undefined && binding.zoneMappingIndex !== undefined ? model.zoneMappingsOf(binding.via).mappings[binding.zoneMappingIndex]?.zone : undefined;
    return typeof zone === "string" ? `the ${zone} zone mapping of ${describe(binding.via)}` : `a zone mapping of ${describe(binding.via)}`;
}

export function describeEip(binding: Binding): string {
    return describeRef(binding.eip, "EIP");
}

export function describeTarget(binding: Binding): string {
    return describeRef(binding.target, "resource");
}

/** Joins phrases as "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
    if (items.length <= 1) {
        return items.join("");
    }
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

/** The resources a binding involves, for a finding's `involved` list. */
export function involvedIn(binding: Binding): ResourceInput[] {
    const out = [binding.via];
    if (binding.eip.kind === "resource") {
        out.push(binding.eip.resource);
    }
    if (binding.target.kind === "resource") {
        out.push(binding.target.resource);
    }
    return out;
}

/** A region for messages: the provider's region, or the provider's name when the region is unknown. */
export function describeRegion(model: Model, resource: ResourceInput): string {
    const region = model.regionOf(resource);
    if (typeof region.value === "string") {
        return region.value;
    }
    return region.provider ? `the region of provider "${region.provider.name}"` : "an unknown region";
}
