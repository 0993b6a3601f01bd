// The oracle's statement of the two instance-type limits, from the FAQ and the instance family pages:
// "The number of secondary ENIs that you can attach to an ECS instance varies by instance type" and
// "the number of secondary private IP addresses that you can assign to a secondary ENI depends on the
// state of the ENI and the instance type of the ECS instance to which the ENI is attached".
// Brute force, apart from the pack's code; it reads the documented numbers from the same data file,
// which is facts, not logic.

import { DETACHED_ENI, FAMILIES } from "../../policypack/core/limits/instance-families";
import type { ResourceInput } from "../../policypack/core/resources";
import { UNK, Unk, count, field, given, items, text } from "./read";
import { Named, Stack } from "./stack";

export type Limits = Record<string, { enis?: unknown; privateIpsPerEni?: unknown }>;

type Column = "enis" | "privateIpsPerEni";

/** The limit of `type` in `column`: the user's whole number if it gave one in range, else the documented one. */
function limitOf(type: unknown, column: Column, userTable: unknown): number | undefined {
    const name = text(type);
    if (typeof name !== "string") return undefined;
    const wanted = name.toLowerCase();
    if (typeof userTable === "object" && userTable !== null && !Array.isArray(userTable)) {
        for (const [key, entry] of Object.entries(userTable as Record<string, unknown>)) {
            const value = field(entry, column);
            const range = column === "enis" ? 64 : 256;
            const usable =
                typeof entry === "object" &&
                entry !== null &&
                Object.keys(entry).length > 0 &&
                Object.entries(entry).every(
                    ([k, v]) => (k === "enis" || k === "privateIpsPerEni") && typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= (k === "enis" ? 64 : 256),
                );
            if (key.toLowerCase() === wanted && usable && typeof value === "number" && value >= 1 && value <= range) return value;
        }
    }
    for (const family of FAMILIES) {
        for (const [size, [enis, ips]] of Object.entries(family.sizes)) {
            if (`ecs.${family.family}.${size}` === wanted) {
                return (column === "enis" ? enis : ips) ?? undefined;
            }
        }
    }
    return undefined;
}

function same(stack: Stack, a: Named, b: Named): boolean {
    const x = stack.identity(a);
    return x !== undefined && x === stack.identity(b);
}

/** The networkInterfaces elements of an instance: one object in Pulumi, a list of one block in Terraform. */
function elementsOf(instance: ResourceInput): unknown[] {
    const value = field(instance.props, "networkInterfaces");
    if (Array.isArray(value)) return value;
    return typeof value === "object" && value !== null ? [value] : [];
}

function elementEni(stack: Stack, instance: ResourceInput, element: unknown, index: number): Named {
    const id = field(element, "networkInterfaceId");
    const precise = stack.computedFrom(instance, `networkInterfaces[${index}].networkInterfaceId`, ["eni"]);
    if (precise.length === 1 && typeof id !== "string") return { is: "resource", resource: precise[0], throughDependency: true };
    return stack.name(instance, "networkInterfaces", ["eni"], id);
}

/** An instance holds at most its type's ENIs, counting the primary one and every secondary ENI once. */
export function ecsEniLimit(stack: Stack, userTable: unknown): ResourceInput[] {
    const out: ResourceInput[] = [];
    for (const instance of stack.all("ecsInstance")) {
        const limit = limitOf(field(instance.props, "instanceType"), "enis", userTable);
        if (limit === undefined) continue;
        const seen: Named[] = [];
        let enis = 1;
        elementsOf(instance).forEach((element, index) => {
            const eni = elementEni(stack, instance, element, index);
            if (!seen.some((other) => same(stack, other, eni))) {
                enis++;
                seen.push(eni);
            }
        });
        for (const attachment of stack.all("eniAttachment")) {
            const host = stack.name(attachment, "instanceId", ["ecsInstance"]);
            const eni = stack.name(attachment, "networkInterfaceId", ["eni"]);
            if (host.is === "resource" && host.resource === instance && stack.identity(eni) !== undefined && !seen.some((other) => same(stack, other, eni))) {
                enis++;
                seen.push(eni);
            }
        }
        if (enis > limit) out.push(instance);
    }
    return out;
}

function secondaries(resource: ResourceInput, lists: readonly string[], counts: readonly string[]): number | Unk {
    for (const key of lists) {
        const list = items(given(resource, key));
        if (list !== undefined) return list === UNK ? UNK : list.length;
    }
    for (const key of counts) {
        const n = count(given(resource, key));
        if (n !== undefined) return n === UNK || !Number.isInteger(n) || n < 0 ? UNK : n;
    }
    return 0;
}

/** The instances the stack attaches `eni` to; undefined for an attacher whose instance cannot be told. */
function hostsOf(stack: Stack, eni: ResourceInput): (ResourceInput | undefined)[] {
    const me: Named = { is: "resource", resource: eni, throughDependency: false };
    const hosts: (ResourceInput | undefined)[] = [];
    for (const instance of stack.all("ecsInstance")) {
        const primary = stack.name(instance, "networkInterfaceId", ["eni"], given(instance, "networkInterfaceId"));
        const onElement = elementsOf(instance).some((element, index) => same(stack, elementEni(stack, instance, element, index), me));
        if (same(stack, primary, me) || onElement) hosts.push(instance);
    }
    for (const attachment of stack.all("eniAttachment")) {
        if (same(stack, stack.name(attachment, "networkInterfaceId", ["eni"]), me)) {
            const host = stack.name(attachment, "instanceId", ["ecsInstance"]);
            hosts.push(host.is === "resource" ? host.resource : undefined);
        }
    }
    return hosts;
}

/** An ENI holds at most 50 private IPs while not attached (as every ENI is when created), and no more than its instance's type allows once attached. */
export function eniPrivateIpLimit(stack: Stack, userTable: unknown): ResourceInput[] {
    const out: ResourceInput[] = [];
    for (const eni of stack.all("eni")) {
        const n = secondaries(eni, ["privateIpAddresses", "privateIps"], ["secondaryPrivateIpAddressCount", "privateIpsCount"]);
        if (n === UNK) continue;
        const hosts = hostsOf(stack, eni);
        const distinct = [...new Set(hosts)];
        let limit: number = DETACHED_ENI.privateIps;
        if (distinct.length === 1 && distinct[0] !== undefined) {
            limit = Math.min(limit, limitOf(field(distinct[0].props, "instanceType"), "privateIpsPerEni", userTable) ?? limit);
        }
        if (n + 1 > limit) out.push(eni);
    }
    for (const instance of stack.all("ecsInstance")) {
        const onEni = stack.name(instance, "networkInterfaceId", ["eni"], given(instance, "networkInterfaceId"));
        if (onEni.is === "resource") continue;
        const limit = limitOf(field(instance.props, "instanceType"), "privateIpsPerEni", userTable);
        const n = secondaries(instance, ["secondaryPrivateIps"], ["secondaryPrivateIpAddressCount"]);
        if (limit !== undefined && n !== UNK && n + 1 > limit) out.push(instance);
    }
    return out;
}
