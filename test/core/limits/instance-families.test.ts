// The table of instance type limits checked as data: every family sourced, every type once, every
// number in the range the documentation uses, and the lookup reading it as written.

import { DETACHED_ENI, FAMILIES, PAGES } from "../../../policypack/core/limits/instance-families";
import { DOCUMENTED_TYPES, limitsOf } from "../../../policypack/core/limits/instance-limits";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

describe("the instance family table", () => {
    test("every page is named with its source, its own date and the day it was read", () => {
        for (const page of [...Object.values(PAGES), DETACHED_ENI.page]) {
            expect(page.title.length).toBeGreaterThan(0);
            expect(page.source).toMatch(/^https:\/\//);
            expect(page.dated).toMatch(DATE);
            expect(page.read).toMatch(DATE);
            expect(page.dated <= page.read).toBe(true);
        }
    });

    test("every family is listed once, with a page and at least one size", () => {
        const names = FAMILIES.map((family) => family.family);
        expect(new Set(names).size).toBe(names.length);
        for (const family of FAMILIES) {
            expect(family.family).toMatch(/^[a-z]+[0-9]+[a-z]*$/);
            expect(Object.values(PAGES)).toContain(family.page);
            expect(Object.keys(family.sizes).length).toBeGreaterThan(0);
        }
    });

    test("no type is listed twice, and the lookup holds every size of every family", () => {
        const types = FAMILIES.flatMap((family) => Object.keys(family.sizes).map((size) => `ecs.${family.family}.${size}`));
        expect(new Set(types).size).toBe(types.length);
        expect(DOCUMENTED_TYPES.size).toBe(types.length);
        for (const size of FAMILIES.flatMap((family) => Object.keys(family.sizes))) {
            expect(size).toMatch(/^(\d+)?x?large$/);
        }
    });

    test("every count is a whole number in the range the documentation uses", () => {
        for (const family of FAMILIES) {
            for (const [enis, ips] of Object.values(family.sizes)) {
                expect(Number.isInteger(enis) && enis >= 1 && enis <= 64).toBe(true);
                if (ips !== null) {
                    expect(Number.isInteger(ips) && ips >= 1 && ips <= DETACHED_ENI.privateIps).toBe(true);
                }
            }
        }
        expect(DETACHED_ENI.privateIps).toBe(50);
    });

    test("the enterprise-level x86 families of the 5th to 7th generation that the pages give are covered", () => {
        const covered = new Set(FAMILIES.map((family) => family.family));
        for (const family of ["g7", "c7", "r7", "g7a", "c7a", "r7a", "g6", "c6", "r6", "g6e", "c6e", "r6e", "g6a", "c6a", "r6a", "g5", "c5", "r5", "hfc7", "hfg7", "hfr7"]) {
            expect(covered.has(family)).toBe(true);
        }
    });

    test("the lookup: documented numbers, user overrides field by field, case-insensitive names, unknown types", () => {
        expect(limitsOf("ecs.g7.large")).toEqual({ enis: 3, privateIpsPerEni: 6 });
        expect(limitsOf("ECS.G7.Large")).toEqual({ enis: 3, privateIpsPerEni: 6 });
        expect(limitsOf("ecs.g7a.large")).toEqual({ enis: 3, privateIpsPerEni: undefined });
        expect(limitsOf("ecs.g8i.large")).toEqual({ enis: undefined, privateIpsPerEni: undefined });
        expect(limitsOf("ecs.g8i.large", { "ecs.g8i.large": { enis: 3, privateIpsPerEni: 10 } })).toEqual({ enis: 3, privateIpsPerEni: 10 });
        expect(limitsOf("ecs.g7.large", { "ecs.g7.large": { enis: 5 } })).toEqual({ enis: 5, privateIpsPerEni: 6 });
    });
});
