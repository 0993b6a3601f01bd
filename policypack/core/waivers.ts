// Waivers: accepting a known violation for one resource without switching a policy off for everyone.
//
// A waiver comes from a policy's `exemptions` option ({ resource, reason, expires }, `resource` a
// Pulumi name, URN, Terraform address or glob of any, naming any resource the violation involves) or from tags on a resource (`eip-guard:exempt` listing policy
// names, `eip-guard:exempt-reason` beside it, optionally `eip-guard:exempt-expires`). A waived
// violation is never silent: it is reported as advisory with its reason and expiry. An expired waiver
// stops waiving and is reported; so are waivers without a reason and waivers that match nothing.

import { ResourceInput } from "./resources";
import { Finding } from "./rule";
import { isRecord, prop } from "./values";

export const EXEMPT_TAG = "eip-guard:exempt";
export const EXEMPT_REASON_TAG = "eip-guard:exempt-reason";
export const EXEMPT_EXPIRES_TAG = "eip-guard:exempt-expires";

export interface Waiver {
    readonly resource: string;
    readonly reason: string;
    readonly expires?: string;
}

interface ParsedWaiver extends Waiver {
    /** The first instant at which the waiver no longer applies; undefined for tags without an expiry. */
    readonly until?: Date;
    readonly label: string;
    readonly pattern?: RegExp;
}

/** `2027-01-31` is valid through that day (UTC); a full timestamp is exact. */
export function expiryOf(text: string): Date | undefined {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const parsed = new Date(dateOnly ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(parsed.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
        return undefined;
    }
    return dateOnly ? new Date(parsed.getTime() + 24 * 3600 * 1000) : parsed;
}

/** A glob over names and URNs: `*` matches any run of characters, `?` any one. */
export function globToRegExp(glob: string): RegExp {
    const escaped = glob
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${escaped}$`);
}

function describeWaiver(waiver: Waiver, index: number): string {
    return `exemption ${index + 1} (resource "${waiver.resource}")`;
}

/** Reads the `exemptions` option; every unusable entry becomes a problem sentence and waives nothing. */
export function readExemptions(value: unknown): { waivers: ParsedWaiver[]; problems: string[] } {
    const waivers: ParsedWaiver[] = [];
    const problems: string[] = [];
    if (value === undefined || value === null) {
        return { waivers, problems };
    }
    if (!Array.isArray(value)) {
        return { waivers, problems: ["exemptions must be a list of { resource, reason, expires }; it was ignored."] };
    }
    value.forEach((entry, index) => {
        if (!isRecord(entry) || typeof entry.resource !== "string" || entry.resource.trim() === "") {
            problems.push(`exemption ${index + 1} has no resource (a Pulumi name, URN or glob of either); it waives nothing.`);
            return;
        }
        const waiver: Waiver = {
            resource: entry.resource,
            reason: typeof entry.reason === "string" ? entry.reason : "",
            expires: typeof entry.expires === "string" ? entry.expires : undefined,
        };
        const label = describeWaiver(waiver, index);
        if (waiver.reason.trim() === "") {
            problems.push(`${label} has no reason; a waiver must say why the violation is accepted, so it waives nothing.`);
            return;
        }
        const until = waiver.expires === undefined ? undefined : expiryOf(waiver.expires);
        if (until === undefined) {
            problems.push(
                `${label} has ${waiver.expires === undefined ? "no expires date" : `an unreadable expires date "${waiver.expires}"`}; give an ISO date such as 2027-01-31. It waives nothing.`,
            );
            return;
        }
        waivers.push({ ...waiver, until, label, pattern: globToRegExp(waiver.resource) });
    });
    return { waivers, problems };
}

/** The policy names a resource's `eip-guard:exempt` tag lists, with its reason and expiry. */
function tagWaiver(resource: ResourceInput, policy: string): ParsedWaiver | "no-reason" | "bad-expiry" | undefined {
    const tags = prop(resource.props, "tags");
    const listed = prop(tags, EXEMPT_TAG);
    if (typeof listed !== "string") {
        return undefined;
    }
    const policies = listed.split(/[\s,;]+/).filter(Boolean);
    if (!policies.includes(policy) && !policies.includes("all")) {
        return undefined;
    }
    const reason = prop(tags, EXEMPT_REASON_TAG);
    if (typeof reason !== "string" || reason.trim() === "") {
        return "no-reason";
    }
    const expires = prop(tags, EXEMPT_EXPIRES_TAG);
    const until = typeof expires === "string" ? expiryOf(expires) : undefined;
    if (typeof expires === "string" && until === undefined) {
        return "bad-expiry";
    }
    return { resource: resource.name, reason, expires: typeof expires === "string" ? expires : undefined, until, label: `the ${EXEMPT_TAG} tag of "${resource.name}"` };
}

function expiryText(waiver: ParsedWaiver): string {
    return waiver.expires === undefined ? "with no expiry" : `until ${waiver.expires}`;
}

/**
 * Applies waivers to a policy's findings: a violation any of whose involved resources is waived
 * becomes a "waived" finding; problems with waivers become notices.
 */
export function applyWaivers(policy: string, findings: readonly Finding[], exemptions: unknown, resources: (address: string) => ResourceInput | undefined, now: Date): Finding[] {
    const { waivers, problems } = readExemptions(exemptions);
    const notices: Finding[] = problems.map((problem) => notice(policy, `The configuration of ${policy}: ${problem}`));
    const used = new Set<ParsedWaiver>();
    // By label: a tag waiver is read afresh for each violation, yet is one waiver.
    const expiredSeen = new Set<string>();
    const tagProblems = new Set<string>();
    const out: Finding[] = [];
    for (const finding of findings) {
        if (finding.outcome !== "violation" || finding.resource === undefined) {
            out.push(finding);
            continue;
        }
        // One fault is one finding, on its subject; a waiver may name any resource that makes it up
        // (the NAT gateway over its quota, or one of its associations), by name or address.
        const names = [finding.resource, ...finding.involved].flatMap((address) => {
            const resource = resources(address);
            return resource === undefined ? [address] : [resource.name, resource.address];
        });
        let waiver = waivers.find((candidate) => names.some((name) => candidate.pattern!.test(name)));
        if (waiver !== undefined) {
            used.add(waiver);
        }
        if (waiver === undefined) {
            for (const address of finding.involved) {
                const resource = resources(address);
                const tagged = resource === undefined ? undefined : tagWaiver(resource, policy);
                if (tagged === "no-reason" || tagged === "bad-expiry") {
                    const key = `${address}\u0000${tagged}`;
                    if (!tagProblems.has(key)) {
                        tagProblems.add(key);
                        notices.push(
                            notice(
                                policy,
                                tagged === "no-reason"
                                    ? `"${resource!.name}" carries the ${EXEMPT_TAG} tag for ${policy} without an ${EXEMPT_REASON_TAG} tag; a waiver must say why, so it waives nothing.`
                                    : `"${resource!.name}" carries an ${EXEMPT_EXPIRES_TAG} tag that is not an ISO date; the waiver waives nothing.`,
                                address,
                                `exempt-tag-${tagged}`,
                            ),
                        );
                    }
                } else if (tagged !== undefined) {
                    waiver = tagged;
                    break;
                }
            }
        }
        if (waiver === undefined) {
            out.push(finding);
        } else if (waiver.until !== undefined && now.getTime() >= waiver.until.getTime()) {
            if (!expiredSeen.has(waiver.label)) {
                expiredSeen.add(waiver.label);
                notices.push(
                    notice(
                        policy,
                        `${waiver.label} expired on ${waiver.expires} and no longer waives this violation (reason was: ${waiver.reason}). Fix the violation, or renew the waiver with a new date.`,
                        finding.resource,
                        "waiver-expired",
                    ),
                );
            }
            out.push(finding);
        } else {
            // A waived finding's cause names its waiver, so that aggregation never merges two waivers'
            // reasons; tags, one waiver per resource, share one cause, else their number would grow
            // with the stack's.
            const by = waiver.pattern === undefined ? "a tag" : waiver.label;
            out.push({
                ...finding,
                outcome: "waived",
                message: `Waived by ${waiver.label} ${expiryText(waiver)} (reason: ${waiver.reason}). ${finding.message}`,
                ...(finding.cause === undefined ? {} : { cause: `${finding.cause} waived by ${by}` }),
            });
        }
    }
    for (const waiver of waivers) {
        if (!used.has(waiver)) {
            const expired = waiver.until !== undefined && now.getTime() >= waiver.until.getTime() ? ` and expired on ${waiver.expires}` : "";
            notices.push(
                notice(
                    policy,
                    `${waiver.label} of ${policy} matches no violation in this stack${expired}; remove it if the exception is no longer needed (reason was: ${waiver.reason}).`,
                ),
            );
        }
    }
    return [...out, ...notices];
}

function notice(policy: string, message: string, resource?: string, cause?: string): Finding {
    return {
        policy: policy as Finding["policy"],
        outcome: "notice",
        resource,
        involved: resource === undefined ? [] : [resource],
        message,
        ...(cause === undefined ? {} : { cause }),
    };
}
