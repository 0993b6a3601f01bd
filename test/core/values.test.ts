// The small readers under the rules: values (known, unknown, absent), CIDR arithmetic, and ids.

import { usableAddresses } from "../../policypack/core/cidr";
import { asInstanceType, inferredInstanceType, isTargetKind, kindOfId } from "../../policypack/core/ids";
import { UNKNOWN, asList, asNumber, asString, isKnown, isRecord, isUnknown, lower, prop, readList, readString } from "../../policypack/core/values";
import { SENTINELS } from "../support/sentinels";

describe("values", () => {
    test("every Pulumi unknown sentinel and the core's symbol are unknown; nothing else is", () => {
        for (const sentinel of SENTINELS) {
            expect(isUnknown(sentinel)).toBe(true);
        }
        expect(isUnknown(UNKNOWN)).toBe(true);
        expect(UNKNOWN).toBe(Symbol.for("alicloud-eip-guard.unknown"));
        for (const value of ["04da6b54-80e4-46f7-96ec-b56ff0331ba8", "", undefined, null, 0, Symbol("unknown"), [SENTINELS[0]]]) {
            expect(isUnknown(value)).toBe(false);
        }
    });

    test("isKnown is false only for absent and unknown", () => {
        expect(isKnown(undefined)).toBe(false);
        expect(isKnown(UNKNOWN)).toBe(false);
        expect(isKnown("")).toBe(true);
        expect(isKnown(0)).toBe(true);
        expect(isKnown(null as unknown as string)).toBe(true);
    });

    test("isRecord accepts plain objects only", () => {
        expect(isRecord({})).toBe(true);
        expect(isRecord({ a: 1 })).toBe(true);
        expect(isRecord([])).toBe(false);
        expect(isRecord(null)).toBe(false);
        expect(isRecord("a")).toBe(false);
        expect(isRecord(undefined)).toBe(false);
    });

    test("prop reads own data properties, and reads anything it cannot trust as unknown", () => {
        expect(prop({ a: 1 }, "a")).toBe(1);
        expect(prop({ a: 1 }, "b")).toBeUndefined();
        expect(prop({}, "toString")).toBeUndefined();
        expect(prop(Object.create({ inherited: 1 }), "inherited")).toBeUndefined();
        expect(prop(SENTINELS[4], "a")).toBe(UNKNOWN);
        expect(prop(UNKNOWN, "a")).toBe(UNKNOWN);
        expect(prop("text", "length")).toBeUndefined();
        expect(prop(undefined, "a")).toBeUndefined();
        expect(prop([1, 2], "0")).toBeUndefined();
        expect(
            prop(
                {
                    get a() {
                        return 1;
                    },
                },
                "a",
            ),
        ).toBe(UNKNOWN);
        const objecting = new Proxy(
            {},
            {
                getOwnPropertyDescriptor() {
                    throw new Error("no");
                },
            },
        );
        expect(prop(objecting, "a")).toBe(UNKNOWN);
    });

    test("prop reads a property that vanishes between two looks as absent", () => {
        let looks = 0;
        const flickering = new Proxy(
            {},
            {
                getOwnPropertyDescriptor() {
                    looks++;
                    return looks === 1 ? { value: 1, writable: true, enumerable: true, configurable: true } : undefined;
                },
            },
        );
        expect(prop(flickering, "a")).toBeUndefined();
        expect(looks).toBe(2);
    });

    test("strings: empty and null are absent, other types unknown", () => {
        expect(asString("x")).toBe("x");
        expect(asString(" ")).toBe(" ");
        expect(asString("")).toBeUndefined();
        expect(asString(null)).toBeUndefined();
        expect(asString(undefined)).toBeUndefined();
        expect(asString(SENTINELS[0])).toBe(UNKNOWN);
        expect(asString(5)).toBe(UNKNOWN);
        expect(asString(["x"])).toBe(UNKNOWN);
        expect(readString({ a: "x", b: "", c: 3 }, "a")).toBe("x");
        expect(readString({ a: "x", b: "", c: 3 }, "b")).toBeUndefined();
        expect(readString({ a: "x", b: "", c: 3 }, "c")).toBe(UNKNOWN);
    });

    test("numbers: finite numbers and decimal text", () => {
        expect(asNumber(7)).toBe(7);
        expect(asNumber(0)).toBe(0);
        expect(asNumber(-2.5)).toBe(-2.5);
        expect(asNumber("42")).toBe(42);
        expect(asNumber(" 42 ")).toBe(42);
        expect(asNumber("-3.25")).toBe(-3.25);
        expect(asNumber("")).toBeUndefined();
        expect(asNumber(null)).toBeUndefined();
        expect(asNumber(undefined)).toBeUndefined();
        for (const value of [NaN, Infinity, -Infinity, "1e3", "4.", ".5", "-", "0x10", "12abc", "abc12", true, {}, SENTINELS[1]]) {
            expect({ value, read: asNumber(value) }).toEqual({ value, read: UNKNOWN });
        }
    });

    test("lists: arrays as they are, anything else unknown", () => {
        const list = [1, UNKNOWN];
        expect(asList(list)).toBe(list);
        expect(asList([])).toEqual([]);
        expect(asList(null)).toBeUndefined();
        expect(asList(undefined)).toBeUndefined();
        expect(asList("a,b")).toBe(UNKNOWN);
        expect(asList({ 0: "a" })).toBe(UNKNOWN);
        expect(asList(SENTINELS[3])).toBe(UNKNOWN);
        expect(readList({ a: ["x"] }, "a")).toEqual(["x"]);
        expect(readList({ a: ["x"] }, "b")).toBeUndefined();
    });

    test("lower lower-cases known strings only", () => {
        expect(lower("MULTI_Binded")).toBe("multi_binded");
        expect(lower(UNKNOWN)).toBe(UNKNOWN);
        expect(lower(undefined)).toBeUndefined();
    });
});

describe("usableAddresses", () => {
    test.each([
        ["10.0.1.0/24", 252],
        ["10.0.0.0/8", 16777212],
        ["10.0.0.0/16", 65532],
        ["10.9.0.0/28", 12],
        ["10.9.0.0/29", 4],
        ["10.9.0.0/30", 0],
        ["10.9.0.0/31", 0],
        ["10.9.0.1/32", 0],
        ["0.0.0.0/0", 4294967292],
        ["255.255.255.255/27", 28],
        ["  172.16.0.0/26  ", 60],
        ["192.168.0.0/20", 4092],
    ])("%s leaves %d addresses after the 4 Alibaba Cloud reserves", (cidr, usable) => {
        expect(usableAddresses(cidr)).toBe(usable);
    });

    test.each([
        "10.0.0.256/24",
        "256.0.0.0/8",
        "10.0.0.0/33",
        "10.0.0.0/99",
        "10.0.0.0/123",
        "1000.0.0.0/8",
        "10.0.0/24",
        "10.0.0.0",
        "10.0.0.0/",
        "x10.0.0.0/24",
        "10.0.0.0/24x",
        "fd00::/64",
        "10.0.0.0/24,10.0.1.0/24",
        "",
    ])("%p is not an IPv4 CIDR block: unknown", (cidr) => {
        expect(usableAddresses(cidr)).toBe(UNKNOWN);
    });
});

describe("ids", () => {
    test("a literal id's kind is judged by its prefix, longest first", () => {
        expect(kindOfId("i-bp1abc")).toBe("ecsInstance");
        expect(kindOfId("eni-bp1abc")).toBe("eni");
        expect(kindOfId("lb-bp1abc")).toBe("clb");
        expect(kindOfId("ngw-bp1abc")).toBe("natGateway");
        expect(kindOfId("havip-bp1abc")).toBe("havip");
        expect(kindOfId("alb-bp1abc")).toBe("alb");
        expect(kindOfId("nlb-bp1abc")).toBe("nlb");
        expect(kindOfId("eip-bp1abc")).toBe("eip");
        expect(kindOfId("vsw-bp1abc")).toBeUndefined();
        expect(kindOfId("I-bp1abc")).toBeUndefined();
        expect(kindOfId("")).toBeUndefined();
    });

    test("the provider infers SlbInstance from lb-, Nat from ngw-, and EcsInstance from anything else", () => {
        expect(inferredInstanceType("clb")).toBe("SlbInstance");
        expect(inferredInstanceType("natGateway")).toBe("Nat");
        for (const kind of ["ecsInstance", "eni", "havip", "alb", "nlb", "eip", "other"] as const) {
            expect(inferredInstanceType(kind)).toBe("EcsInstance");
        }
        expect(inferredInstanceType(UNKNOWN)).toBe(UNKNOWN);
        expect(inferredInstanceType(undefined)).toBeUndefined();
    });

    test("only the documented InstanceType values are instance types, spelled exactly", () => {
        for (const type of ["EcsInstance", "NetworkInterface", "SlbInstance", "Nat", "HaVip", "IpAddress"]) {
            expect(asInstanceType(type)).toBe(type);
        }
        expect(asInstanceType("nat")).toBeUndefined();
        expect(asInstanceType("Ecs")).toBeUndefined();
        expect(asInstanceType("")).toBeUndefined();
    });

    test("target kinds are the resources an EIP can be pointed at", () => {
        expect(["ecsInstance", "eni", "clb", "natGateway", "havip", "alb", "nlb"].every((kind) => isTargetKind(kind as never))).toBe(true);
        expect(["eip", "eipAssociation", "vswitch", "vpc", "provider", "forwardEntry", "eniAttachment"].some((kind) => isTargetKind(kind as never))).toBe(false);
    });
});
