// How resources and references are named in messages: by their Pulumi names and by property names,
// never by property values. A value may have been marked secret, and the framework hands it to the
// pack unwrapped, so nothing in a message may come from one: only names, counts and constants.

import { KIND_LABEL } from "./ids";
import { Binding, Model, Ref } from "./model";
import { ResourceInput } from "./resources";

export function describe(resource: ResourceInput): string {
    return `${KIND_LABEL[resource.kind]} "${resource.name}"`;
}

/** `an EIP`, `a resource`: the article by the word's first letter. */
function withArticle(what: string): string {
    return `${/^[aeiouAEIOU]/.test(what) ? "an" : "a"} ${what}`;
}

export function describeRef(ref: Ref, what: string): string {
    switch (ref.kind) {
        case "resource":
            return describe(ref.resource);
        case "literal":
            return `${withArticle(what)} named by a literal id (not managed in this stack)`;
        case "unresolved":
            return `${withArticle(what)} that cannot be resolved before deployment`;
        case "absent":
            return `no ${what}`;
    }
}

/** `EIP association "a"`, `zone mapping 2 of ALB instance "lb"`. */
export function describeBinding(binding: Binding): string {
    if (binding.source === "association") {
        return describe(binding.via);
    }
    return binding.zoneMappingIndex !== undefined ? `zone mapping ${binding.zoneMappingIndex + 1} of ${describe(binding.via)}` : `a zone mapping of ${describe(binding.via)}`;
}

export function describeEip(binding: Binding): string {
    return describeRef(binding.eip, "EIP");
}

export function describeTarget(binding: Binding): string {
    return describeRef(binding.target, "resource");
}

/**
 * How many phrases a list in a message names at most. A message lists the members of a group (the
 * bindings of one EIP), and is repeated for each of them: unbounded, one EIP bound 10,000 times would
 * make a message of 10,000 names, 10,000 times over, far beyond what the Pulumi CLI accepts back.
 */
export const LISTED_AT_MOST = 10;

/** Joins phrases as "a", "a and b", "a, b and c"; beyond `atMost`, "a, b, c and 7 more". */
export function listOf(items: readonly string[], atMost = LISTED_AT_MOST): string {
    if (items.length > atMost) {
        return `${items.slice(0, atMost).join(", ")} and ${items.length - atMost} more`;
    }
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

/** Where a resource's region comes from, for messages: its provider, named. */
export function describeRegion(model: Model, resource: ResourceInput): string {
    const provider = model.regionOf(resource).provider;
    if (provider === undefined) {
        return "an unknown region";
    }
    return provider.name.startsWith("default") ? `the stack's default region (alicloud:region, provider "${provider.name}")` : `the region of provider "${provider.name}"`;
}
