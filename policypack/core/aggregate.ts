// Many findings of one cause reported as one.
//
// A rule reports one finding per fault, so a stack that repeats one mistake, or one case the
// preview cannot decide, thousands of times gets thousands of findings that say the same thing. A front end whose output is limited in size (the CrossGuard pack: the Pulumi CLI accepts at
// most 4 MiB back, see crossguard/answer.ts) reports the findings of one policy, one outcome and one
// cause (Finding.cause, set by the rule) one by one up to a threshold, and beyond it as one finding:
// the message of the first of them, then how many there are and on which resources the first few
// are. "First" is by address, so the same stack gets the same text whatever order it came in.
// Waivers apply before this: each fault keeps its own.

import { appendTo } from "./collections";
import { listOf } from "./describe";
import { Finding } from "./rule";

/**
 * Up to this many findings of one cause are reported one by one; more become one finding.
 */
export const AGGREGATE_ABOVE = 50;

/** How many resources an aggregated finding names. */
export const NAMED_IN_AGGREGATE = 5;

function groupKey(finding: Finding): string | undefined {
    return finding.cause === undefined ? undefined : `${finding.policy}\u0000${finding.outcome}\u0000${finding.cause}`;
}

function byAddress(a: Finding, b: Finding): number {
    const x = a.resource ?? "";
    const y = b.resource ?? "";
    if (x !== y) {
        return x < y ? -1 : 1;
    }
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * The findings, with every group of more than `above` findings of one policy, outcome and cause
 * replaced by one finding where the group's first finding was. Findings without a cause are kept as
 * they are. `nameOf` names a resource for the message (`EIP association "a"`); the address is used
 * when it returns undefined.
 */
export function aggregateFindings(findings: readonly Finding[], nameOf: (address: string) => string | undefined, above: number = AGGREGATE_ABOVE): Finding[] {
    const groups = new Map<string, Finding[]>();
    for (const finding of findings) {
        const key = groupKey(finding);
        if (key !== undefined) {
            appendTo(groups, key, finding);
        }
    }
    const out: Finding[] = [];
    const done = new Set<string>();
    for (const finding of findings) {
        const key = groupKey(finding);
        const group = key === undefined ? undefined : groups.get(key)!;
        if (key === undefined || group === undefined || group.length <= above) {
            out.push(finding);
        } else if (!done.has(key)) {
            done.add(key);
            out.push(aggregate(group, nameOf));
        }
    }
    return out;
}

function aggregate(group: readonly Finding[], nameOf: (address: string) => string | undefined): Finding {
    const sorted = [...group].sort(byAddress);
    const first = sorted[0];
    const resources = [...new Set(sorted.flatMap((finding) => (finding.resource === undefined ? [] : [finding.resource])))];
    const named = resources.slice(0, NAMED_IN_AGGREGATE).map((address) => nameOf(address) ?? address);
    const more = resources.length - named.length;
    const where =
        resources.length === 0
            ? ""
            : ` They concern ${resources.length === 1 ? "one resource" : `${resources.length} resources`}: ${more > 0 ? `${named.join(", ")} and ${more} more` : listOf(named)}.`;
    const message = `${first.message}\n\n${group.length} findings of this kind were reported as this one, to keep the answer to the Pulumi CLI small.${where} \`alicloud-eip-guard check\` on the stack's \`pulumi preview --json --show-sames\` lists each of them.`;
    const involved = [...new Set([...resources, ...first.involved])];
    return { ...first, message, involved, count: group.length };
}
