// Words that differ between front ends. A rule writes one text for every input; where it names a
// property or a resource type it writes a term, and the front end renders the term in the words of
// the input the user wrote: `internetMaxBandwidthOut` and `alicloud.ecs.EipAssociation` for Pulumi,
// `internet_max_bandwidth_out` and `alicloud_eip_association` for Terraform. Terms are rendered as
// findings are made (rule.ts, Reporter), so nothing after the rules ever sees one.

import { KIND_LABEL } from "./ids";
import { ResourceKind } from "./resources";

// Private-use characters: no name or message of the pack contains them.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const TERM = /\uE000(prop|type):([^\uE001]*)\uE001/g;

/** How a front end names properties and resource types to its users. */
export interface Vocabulary {
    /** A property, given by the core's (Pulumi, camelCase) name; a path such as `zoneMappings[].allocationId` too. */
    prop(name: string): string;
    /** The resource type of a kind. */
    type(kind: ResourceKind): string;
}

/** The core's own words: its property names, and a plain label for each kind of resource. */
export const CORE_WORDS: Vocabulary = {
    prop: (name) => name,
    type: (kind) => KIND_LABEL[kind],
};

/** A property named in a message, in the words of the input (`internetMaxBandwidthOut`). */
export function prop(name: string): string {
    return `${OPEN}prop:${name}${CLOSE}`;
}

/** A resource type named in a message, in the words of the input (`alicloud.ecs.EipAssociation`). */
export function typeOf(kind: ResourceKind): string {
    return `${OPEN}type:${kind}${CLOSE}`;
}

/** A text with its terms in the words of a vocabulary. */
export function renderTerms(text: string, words: Vocabulary): string {
    if (!text.includes(OPEN)) {
        return text;
    }
    return text.replace(TERM, (_, what: string, name: string) => (what === "prop" ? words.prop(name) : words.type(name as ResourceKind)));
}
