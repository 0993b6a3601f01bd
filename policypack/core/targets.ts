// Facts about the resources EIPs are bound to, read from their props. Each answer is known or
// UNKNOWN; a property the user left unset is read the way Alibaba Cloud's API fills it in.

import { Model } from "./model";
import { ResourceInput } from "./resources";
import { Maybe, UNKNOWN, Unknown, asList, asNumber, asString, isKnown, lower } from "./values";

/**
 * Whether a CLB faces the Internet. `addressType` is "internet" or "intranet"; when it is not set,
 * the API creates an Internet-facing CLB unless the CLB is placed in a vSwitch.
 */
export function clbAddressType(model: Model, clb: ResourceInput): Maybe<"internet" | "intranet"> {
    const declared = lower(asString(model.setting(clb, "addressType")));
    if (declared === "internet" || declared === "intranet") {
        return declared;
    }
    if (declared !== undefined) {
        return UNKNOWN;
    }
    const vswitch = asString(model.setting(clb, "vswitchId"));
    if (vswitch === undefined) {
        return "internet";
    }
    return isKnown(vswitch) ? "intranet" : UNKNOWN;
}

/**
 * Whether a CLB is in a VPC: only when it is placed in a vSwitch. CreateLoadBalancer needs VSwitchId
 * to deploy a CLB in a VPC, and the provider sends it (and the VPC it looks up from it) only when
 * vswitch_id is set; without it the CLB is Internet-facing or, with addressType "intranet", an
 * internal-facing CLB of the classic network. A vSwitch computed from another resource is UNKNOWN.
 */
export function clbInVpc(model: Model, clb: ResourceInput): Maybe<boolean> {
    const vswitch = asString(model.setting(clb, "vswitchId"));
    if (vswitch === undefined) {
        return false;
    }
    return isKnown(vswitch) ? true : UNKNOWN;
}

/** A NAT gateway's network type: "internet" (the default) or "intranet" (a VPC NAT gateway). */
export function natNetworkType(model: Model, nat: ResourceInput): Maybe<"internet" | "intranet"> {
    const declared = lower(asString(model.setting(nat, "networkType")));
    if (declared === undefined) {
        return "internet";
    }
    return declared === "internet" || declared === "intranet" ? declared : UNKNOWN;
}

/**
 * How an Internet NAT gateway binds its EIPs (eipBindMode). Unset is "MULTI_BINDED": the provider then
 * sends no EipBindMode and CreateNatGateway defaults to MULTI_BINDED (terraform-provider-alicloud
 * resource_alicloud_nat_gateway.go, resourceAliCloudNatGatewayCreate; the CreateNatGateway
 * reference of EipBindMode). "NAT" and "MULTI_BINDED" are read as given, with the provider's
 * case-sensitive validation; a computed value or any other value is UNKNOWN.
 */
export function natEipBindMode(model: Model, nat: ResourceInput): "NAT" | "MULTI_BINDED" | Unknown {
    const declared = asString(model.setting(nat, "eipBindMode"));
    if (declared === undefined) {
        return "MULTI_BINDED";
    }
    return declared === "NAT" || declared === "MULTI_BINDED" ? declared : UNKNOWN;
}

/**
 * How many secondary private IPs a resource asks for: the length of its address list, or its count.
 * Unset means none; a count that is not a whole number from 0 proves nothing (UNKNOWN). `listKeys`
 * and `countKeys` are the current and deprecated property names.
 */
export function secondaryIpCount(model: Model, resource: ResourceInput, listKeys: readonly string[], countKeys: readonly string[]): Maybe<number> {
    for (const key of listKeys) {
        const list = asList(model.setting(resource, key));
        if (list !== undefined) {
            return isKnown(list) ? list.length : UNKNOWN;
        }
    }
    for (const key of countKeys) {
        const count = asNumber(model.setting(resource, key));
        if (count !== undefined) {
            return typeof count === "number" && (!Number.isInteger(count) || count < 0) ? UNKNOWN : count;
        }
    }
    return 0;
}

export const ENI_SECONDARY_LISTS = ["privateIpAddresses", "privateIps"] as const;
export const ENI_SECONDARY_COUNTS = ["secondaryPrivateIpAddressCount", "privateIpsCount"] as const;
export const ECS_SECONDARY_LISTS = ["secondaryPrivateIps"] as const;
export const ECS_SECONDARY_COUNTS = ["secondaryPrivateIpAddressCount"] as const;

/** The primary private IP an ENI declares or reports (`primaryIpAddress`, or the older `privateIp`). */
function eniPrimaryIp(model: Model, eni: ResourceInput): Maybe<string> {
    return asString(model.setting(eni, "primaryIpAddress")) ?? asString(model.setting(eni, "privateIp"));
}

/**
 * Every private IP of an ENI when all of them are known: its primary address and the list of
 * secondary addresses. UNKNOWN when any is assigned by the system or computed.
 */
export function eniAddresses(model: Model, eni: ResourceInput): Maybe<string[]> {
    const primary = eniPrimaryIp(model, eni);
    if (!isKnown(primary)) {
        return UNKNOWN;
    }
    const count = secondaryIpCount(model, eni, ENI_SECONDARY_LISTS, ENI_SECONDARY_COUNTS);
    if (count === 0) {
        return [primary];
    }
    for (const key of ENI_SECONDARY_LISTS) {
        const list = asList(model.setting(eni, key));
        if (isKnown(list) && list.every((ip) => typeof ip === "string")) {
            return [primary, ...(list as string[])];
        }
    }
    return UNKNOWN;
}

/** The private IPs an ENI declares as known values, whether or not all of its addresses are known. */
export function declaredEniAddresses(model: Model, eni: ResourceInput): string[] {
    const primary = eniPrimaryIp(model, eni);
    const declared = typeof primary === "string" ? [primary] : [];
    for (const key of ENI_SECONDARY_LISTS) {
        const list = asList(model.setting(eni, key));
        if (isKnown(list)) {
            declared.push(...list.filter((ip): ip is string => typeof ip === "string"));
        }
    }
    return declared;
}
