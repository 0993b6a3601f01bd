// Keeps the pack's answer to AnalyzeStack under what the Pulumi CLI accepts.
//
// Since Pulumi CLI v3.221 a Node policy pack is started by the language host, which relays every
// call through a proxy (pulumi/pulumi sdk/policy_proxy.go, Attach). The proxy's gRPC client keeps
// grpc-go's default receive limit, 4 MiB: a larger answer fails the whole preview with "failed to
// analyze resources: grpc: received message larger than max". Before v3.221 the engine dialled the
// pack itself with a 400 MiB limit. The request has no such limit; only the answer does.
//
// Each policy's findings are fitted into an equal share of a budget below that limit, in three steps,
// each taken only if the one before does not fit:
//   1. findings of one cause beyond AGGREGATE_ABOVE are reported as one (core/aggregate.ts);
//   2. every cause with more than one finding is reported as one;
//   3. messages are cut to an equal share of what is left.
// Step 1 is what a real stack meets; 2 and 3 bound the answer whatever the names in the stack.

import { AGGREGATE_ABOVE, aggregateFindings } from "../core/aggregate";
import { Finding } from "../core/rule";

/** The Pulumi CLI's limit on an answer: grpc-go's default receive size. */
export const CLI_ANSWER_LIMIT = 4 * 1024 * 1024;

/** What the pack's diagnostics may take in all, leaving room for the envelope of the answer. */
export const ANSWER_BUDGET = 3 * 1024 * 1024;

/**
 * An upper estimate of what a finding takes in the answer: the message (after the policy description
 * the framework puts before a violation's), the URN, the policy's name and description again in their
 * own fields, the pack's name and version, and the protobuf framing.
 */
export function diagnosticBytes(finding: Finding, description: string): number {
    return Buffer.byteLength(finding.message) + Buffer.byteLength(finding.resource ?? "") + 2 * Buffer.byteLength(description) + finding.policy.length + 64;
}

function totalBytes(findings: readonly Finding[], description: string): number {
    return findings.reduce((sum, finding) => sum + diagnosticBytes(finding, description), 0);
}

const CUT_NOTE = " [cut to keep the answer to the Pulumi CLI small]";

function cut(message: string, bytes: number): string {
    if (Buffer.byteLength(message) <= bytes) {
        return message;
    }
    // Characters, not bytes: a cut never splits a UTF-16 surrogate pair and stays under the bytes.
    const keep = Math.max(0, Math.floor((bytes - CUT_NOTE.length) / 4));
    return `${Array.from(message).slice(0, keep).join("")}${CUT_NOTE}`;
}

/**
 * One policy's findings, fitted into `budget` bytes of answer. `nameOf` names a resource in an
 * aggregated message; `description` is the policy's.
 */
export function fitAnswer(findings: readonly Finding[], nameOf: (address: string) => string | undefined, description: string, budget: number): Finding[] {
    const aggregated = aggregateFindings(findings, nameOf, AGGREGATE_ABOVE);
    if (totalBytes(aggregated, description) <= budget) {
        return aggregated;
    }
    const merged = aggregateFindings(findings, nameOf, 1);
    if (totalBytes(merged, description) <= budget) {
        return merged;
    }
    const share = Math.floor(budget / Math.max(1, merged.length)) - diagnosticBytes({ ...merged[0], message: "" }, description);
    return merged.map((finding) => ({ ...finding, message: cut(finding.message, Math.max(share, 0)) }));
}
