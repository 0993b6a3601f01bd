// One fault is one finding, on its subject; the other resources that make it up are in its
// `involved` list. A front end that shows only the message (CrossGuard's diagnostic, the checker's
// text) names them in it, so that a fault reported once still says which associations it concerns.

import { listOf } from "./describe";
import { Finding } from "./rule";

/** How many involved resources a message names; the rest are counted ("and 11 more"). */
export const INVOLVED_NAMED = 10;

/**
 * The sentence that names a finding's involved resources, its subject first; empty when the finding
 * involves nothing but its subject. `nameOf` names a resource (`EIP association "a"`); the address is
 * used when it returns undefined.
 */
export function involvedSentence(finding: Finding, nameOf: (address: string) => string | undefined): string {
    const others = finding.involved.filter((address) => address !== finding.resource);
    if (others.length === 0) {
        return "";
    }
    const ordered = finding.resource === undefined ? others : [finding.resource, ...others];
    return `Involved: ${listOf(
        ordered.map((address) => nameOf(address) ?? address),
        INVOLVED_NAMED,
    )}.`;
}

/** The finding with its involved resources named at the end of its message. */
export function withInvolvedNamed(finding: Finding, nameOf: (address: string) => string | undefined): Finding {
    const sentence = involvedSentence(finding, nameOf);
    return sentence === "" ? finding : { ...finding, message: `${finding.message}\n${sentence}` };
}
