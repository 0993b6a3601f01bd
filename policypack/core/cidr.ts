// IPv4 CIDR arithmetic for vSwitch capacity.

import { Maybe, UNKNOWN } from "./values";

/** Alibaba Cloud keeps the first and the last three addresses of every vSwitch CIDR block. */
export const RESERVED_PER_VSWITCH = 4;

/** The addresses a vSwitch with this IPv4 CIDR block can hand out; UNKNOWN if it is not one. */
export function usableAddresses(cidr: string): Maybe<number> {
    const match = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})\s*$/.exec(cidr);
    if (match === null) {
        return UNKNOWN;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((octet) => octet > 255) || prefix > 32) {
        return UNKNOWN;
    }
    return Math.max(0, 2 ** (32 - prefix) - RESERVED_PER_VSWITCH);
}
