// Known defects of the core, found by these property tests and kept as failing regression tests in
// regressions.test.ts. The properties accept a difference from the oracle only when one of these
// explains it, so that they keep checking everything else; when a defect is fixed, its failing
// regression test starts passing (and fails the run), and its entry here should go.

import { ResourceInput } from "../../policypack/core/resources";
import { count, field, given, items, text, unknownValue } from "../oracle/read";
import { Stack, TARGETS } from "../oracle/stack";

export interface Defect {
    readonly name: string;
    /** True when this defect explains `verdict` ("policy address") being reported by one side only. */
    explains(resources: readonly ResourceInput[], verdict: string): boolean;
}

/**
 * FIXED: eni-eip-capacity reads a secondary private IP count that is not a whole number from 0
 * up (-1, 1.5) as a capacity, and reports NAT-mode and cut-through EIPs against it ("1 primary, -1
 * secondary"). No ENI has such a count; the provider rejects the ENI itself, so nothing about its EIPs
 * is proven.
 */
export const invalidEniCount: Defect = {
    name: "eni-eip-capacity on an invalid secondary IP count",
    explains(resources, verdict) {
        const [policy, address] = verdict.split(" ");
        if (policy !== "eni-eip-capacity") return false;
        const stack = new Stack(resources);
        const association = stack.at(address);
        if (association === undefined) return false;
        const target = stack.name(association, "instanceId", TARGETS);
        if (target.is !== "resource" || target.resource.kind !== "eni") return false;
        const eni = target.resource;
        if (["privateIpAddresses", "privateIps"].some((key) => items(given(eni, key)) !== undefined)) return false;
        for (const key of ["secondaryPrivateIpAddressCount", "privateIpsCount"]) {
            const n = count(given(eni, key));
            if (n !== undefined) return typeof n === "number" && !(Number.isInteger(n) && n >= 0);
        }
        return false;
    },
};

/**
 * FIXED: eip-dnat-conflict follows the dependency of a DNAT entry's internalIp only while the
 * value is unknown. Once it is known (after the update, or at preview when the instance declares its
 * privateIp) the entry is matched by address alone, which needs the entry's NAT gateway in the stack
 * and a provably shared VPC: `internalIp: instance.privateIp` on the forward table of a NAT gateway
 * outside the stack is reported at preview and not after the update.
 */
export const dnatKnownInternalIp: Defect = {
    name: "eip-dnat-conflict on a known internalIp computed from an instance",
    explains(resources, verdict) {
        const [policy, address] = verdict.split(" ");
        if (policy !== "eip-dnat-conflict") return false;
        const stack = new Stack(resources);
        const instances = stack
            .all("forwardEntry")
            .filter((entry) => typeof text(field(entry.props, "internalIp")) === "string")
            .flatMap((entry) => {
                const from = stack.computedFrom(entry, "internalIp", ["ecsInstance"]);
                return from.length === 1 ? [{ entry, instance: from[0] }] : [];
            });
        return instances.some(({ entry, instance }) => {
            if (entry.address === address) return true;
            const association = stack.at(address);
            if (association?.kind !== "eipAssociation") return false;
            const target = stack.name(association, "instanceId", TARGETS);
            return target.is === "resource" && target.resource === instance;
        });
    },
};

/**
 * FIXED (found after the fix above, FUZZ_RUNS=10000): eip-dnat-conflict now follows the
 * dependency of internalIp whatever its value, so an entry whose internalIp is null (not set) or of
 * another type (a number, a list) is taken to forward to the instance it was computed from. Such an
 * entry names no address (the provider rejects it); the model reads a value of the wrong type as
 * proving nothing and never traces it through its dependencies (Model.resolve), and the README
 * promises no violation that cannot be proven.
 */
export const dnatInternalIpNotAnAddress: Defect = {
    name: "eip-dnat-conflict on an internalIp that is no address",
    explains(resources, verdict) {
        const [policy, address] = verdict.split(" ");
        if (policy !== "eip-dnat-conflict") return false;
        const stack = new Stack(resources);
        const suspects = stack
            .all("forwardEntry")
            .filter((entry) => {
                const ip = field(entry.props, "internalIp");
                return !unknownValue(ip) && typeof text(ip) !== "string";
            })
            .flatMap((entry) => {
                const from = stack.computedFrom(entry, "internalIp", ["ecsInstance"]);
                return from.length === 1 ? [{ entry, instance: from[0] }] : [];
            });
        return suspects.some(({ entry, instance }) => {
            if (entry.address === address) return true;
            const association = stack.at(address);
            if (association?.kind !== "eipAssociation") return false;
            const target = stack.name(association, "instanceId", TARGETS);
            return target.is === "resource" && target.resource === instance;
        });
    },
};

// The defects above are all fixed in the core; their regression tests now assert the fixed behaviour.
// They stay described here, and out of the list, as the record of what the properties found.
export const KNOWN_DEFECTS: readonly Defect[] = [];

/** The verdicts on which `a` and `b` differ that no known defect explains. */
export function unexplained(resources: readonly ResourceInput[], a: readonly string[], b: readonly string[]): { onlyFirst: string[]; onlySecond: string[] } {
    const explained = (verdict: string) => KNOWN_DEFECTS.some((defect) => defect.explains(resources, verdict));
    return {
        onlyFirst: a.filter((verdict) => !b.includes(verdict) && !explained(verdict)),
        onlySecond: b.filter((verdict) => !a.includes(verdict) && !explained(verdict)),
    };
}
