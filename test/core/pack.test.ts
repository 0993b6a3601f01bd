// The facts every front end shares (core/pack.ts): the pack's name and documentation, and the date
// waivers are judged on.

import { PACK_NAME, README_URL, evaluationDate } from "../../policypack/core/pack";

describe("the pack's name and documentation", () => {
    test("the name is the package's, and the README is the repository's", () => {
        const pkg = require("../../package.json");
        expect(PACK_NAME).toBe(pkg.name);
        expect(README_URL).toBe(`${pkg.repository.url.replace(/\.git$/, "")}/blob/main/README.md`);
    });
});

describe("evaluationDate", () => {
    test("ALICLOUD_EIP_GUARD_DATE, as a date or a timestamp", () => {
        expect(evaluationDate({ ALICLOUD_EIP_GUARD_DATE: "2026-03-04" }).toISOString()).toBe("2026-03-04T00:00:00.000Z");
        expect(evaluationDate({ ALICLOUD_EIP_GUARD_DATE: "2026-03-04T05:06:07Z" }).toISOString()).toBe("2026-03-04T05:06:07.000Z");
    });

    test("today when it is not set or not a date", () => {
        for (const env of [{}, { ALICLOUD_EIP_GUARD_DATE: "soon" }, { ALICLOUD_EIP_GUARD_DATE: "" }]) {
            const before = Date.now();
            const date = evaluationDate(env).getTime();
            expect(date).toBeGreaterThanOrEqual(before);
            expect(date).toBeLessThanOrEqual(Date.now());
        }
    });

    test("the process's environment by default", () => {
        const saved = process.env.ALICLOUD_EIP_GUARD_DATE;
        process.env.ALICLOUD_EIP_GUARD_DATE = "2030-01-02";
        try {
            expect(evaluationDate().toISOString()).toBe("2030-01-02T00:00:00.000Z");
        } finally {
            restore(saved);
        }
    });

    test("the process's environment, read on every call", () => {
        const saved = process.env.ALICLOUD_EIP_GUARD_DATE;
        try {
            process.env.ALICLOUD_EIP_GUARD_DATE = "2027-02-03";
            expect(evaluationDate().toISOString()).toBe("2027-02-03T00:00:00.000Z");
            process.env.ALICLOUD_EIP_GUARD_DATE = "whenever";
            expect(Math.abs(evaluationDate().getTime() - Date.now())).toBeLessThan(5000);
            delete process.env.ALICLOUD_EIP_GUARD_DATE;
            expect(Math.abs(evaluationDate().getTime() - Date.now())).toBeLessThan(5000);
        } finally {
            restore(saved);
        }
    });
});

function restore(saved: string | undefined): void {
    if (saved === undefined) {
        delete process.env.ALICLOUD_EIP_GUARD_DATE;
    } else {
        process.env.ALICLOUD_EIP_GUARD_DATE = saved;
    }
}
