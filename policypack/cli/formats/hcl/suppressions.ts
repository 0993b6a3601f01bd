// Inline suppressions: `# eip-guard:ignore <policy> reason="..." expires=YYYY-MM-DD` on or above a
// resource block. Each becomes an exemption of that policy for the block's instances, added to the
// policy's `exemptions` in the configuration, so that the waiver machinery (core/waivers.ts) judges it
// exactly as a configured one: a reason is required, the expiry is enforced, an unused one is reported.

import { isRecord } from "../../../core/values";
import { Comment } from "./layout";

export const IGNORE_MARKER = "eip-guard:ignore";

export interface InlineWaiver {
    readonly policy: string;
    /** A glob of the addresses of the block's instances, as an exemption's `resource`. */
    readonly resource: string;
    readonly reason: string;
    readonly expires?: string;
    /** `main.tf:12`: where the comment is, for messages. */
    readonly where: string;
    /** An instance of the block, to attach what is said about the comment to (an unused suppression). */
    readonly anchor?: string;
}

/** The exemption glob for a block's instances: the address, with any instance key as `[*]`. */
export function instancesGlob(addresses: readonly string[], base: string): string[] {
    if (addresses.length === 0) {
        return [base];
    }
    if (addresses.length === 1) {
        return [...addresses];
    }
    return [...new Set(addresses.map((address) => address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, "[*]")))];
}

function valueOf(text: string, key: string): string | undefined {
    const match = new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|'([^']*)'|(\\S+))`).exec(text);
    if (match === null) {
        return undefined;
    }
    return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : (match[2] ?? match[3]);
}

/**
 * The suppressions the comments of one block hold, for `policies` (the pack's policy names).
 * Problems (an unknown policy, no policy named) are returned as sentences for the file's notes.
 */
export function readSuppressions(
    comments: readonly Comment[],
    file: string,
    resources: readonly string[],
    policies: readonly string[],
    anchor?: string,
): { waivers: InlineWaiver[]; problems: string[] } {
    const waivers: InlineWaiver[] = [];
    const problems: string[] = [];
    for (const comment of comments) {
        const at = comment.text.indexOf(IGNORE_MARKER);
        if (at < 0) {
            continue;
        }
        const where = `${file}:${comment.line}`;
        const rest = comment.text
            .slice(at + IGNORE_MARKER.length)
            .replace(/\*\/\s*$/, "")
            .trim();
        const named = /^([\w-]+(?:\s*,\s*[\w-]+)*)(?=\s|$)/.exec(rest);
        const names = named === null || /=/.test(named[1].split(/\s/)[0]) ? [] : named[1].split(/\s*,\s*/);
        if (names.length === 0) {
            problems.push(
                `The ${IGNORE_MARKER} comment at ${where} names no policy; write the policy it suppresses, as in \`# ${IGNORE_MARKER} eip-single-binding reason="..." expires=2027-01-31\`. It suppresses nothing.`,
            );
            continue;
        }
        const reason = valueOf(rest, "reason") ?? "";
        const expires = valueOf(rest, "expires");
        for (const policy of names) {
            if (!policies.includes(policy)) {
                problems.push(`The ${IGNORE_MARKER} comment at ${where} names "${policy}", which is not a policy of this pack (${policies.join(", ")}); it suppresses nothing.`);
                continue;
            }
            for (const resource of resources) {
                waivers.push({ policy, resource, reason, ...(expires === undefined ? {} : { expires }), where, ...(anchor === undefined ? {} : { anchor }) });
            }
        }
    }
    return { waivers, problems };
}

export interface WithInline {
    readonly config: unknown;
    /** Names a waiver that came from a comment by where the comment is, in a message about it. */
    relabel(policy: string, text: string): string;
    /** The resource a message about one of the comments (already relabelled) is to be attached to. */
    anchorOf(policy: string, text: string): string | undefined;
    readonly problems: string[];
}

/** The configuration with the inline waivers appended to each policy's exemptions. */
export function withInlineWaivers(config: unknown, waivers: readonly InlineWaiver[]): WithInline {
    if (waivers.length === 0) {
        return { config, relabel: (_policy, text) => text, anchorOf: () => undefined, problems: [] };
    }
    const out: Record<string, unknown> = isRecord(config) ? { ...config } : {};
    const labels = new Map<string, [string, string, string | undefined][]>();
    const problems: string[] = [];
    for (const policy of [...new Set(waivers.map((waiver) => waiver.policy))]) {
        const own = out[policy];
        const entry: Record<string, unknown> = isRecord(own) ? { ...own } : typeof own === "string" ? { enforcementLevel: own } : {};
        const existing = entry.exemptions;
        if (existing !== undefined && existing !== null && !Array.isArray(existing)) {
            problems.push(
                `The configuration's exemptions of ${policy} are not a list, so the ${IGNORE_MARKER} comments for ${policy} could not be added to them and suppress nothing.`,
            );
            continue;
        }
        const list: unknown[] = Array.isArray(existing) ? [...(existing as unknown[])] : [];
        const mine = waivers.filter((waiver) => waiver.policy === policy);
        const pairs: [string, string, string | undefined][] = [];
        for (const waiver of mine) {
            list.push({ resource: waiver.resource, reason: waiver.reason, ...(waiver.expires === undefined ? {} : { expires: waiver.expires }) });
            // core/waivers.ts names an exemption by its place in the list and its resource.
            pairs.push([
                `exemption ${list.length} (resource "${waiver.resource}")`,
                `the ${IGNORE_MARKER} comment at ${waiver.where} (resource "${waiver.resource}")`,
                waiver.anchor,
            ]);
        }
        entry.exemptions = list;
        out[policy] = entry;
        labels.set(policy, pairs);
    }
    return {
        config: out,
        problems,
        relabel: (policy, text) =>
            (labels.get(policy) ?? [])
                .reduce((current, [from, to]) => current.split(from).join(to), text)
                .replace(`The configuration of ${policy}: the ${IGNORE_MARKER}`, `The ${IGNORE_MARKER}`),
        // The label may start a sentence ("The eip-guard:ignore comment at ..."): matched without its article.
        anchorOf: (policy, text) => (labels.get(policy) ?? []).find(([, to]) => text.includes(to.slice("the ".length)))?.[2],
    };
}
