// The README's policy reference and configuration example are generated from the rules; they must
// be current (`npm run docs` regenerates them), and the README must keep its promises.

import * as fs from "fs";
import { README, renderReadme } from "../../tools/docs";
import { RULES } from "../../policypack/core/rules";

const text = fs.readFileSync(README, "utf8");

test("the generated sections are up to date (run `npm run docs`)", () => {
    expect(renderReadme(text)).toBe(text);
});

test("every policy has a section whose anchor its url points at, quoting the FAQ", () => {
    for (const rule of RULES) {
        expect(text).toContain(`\n### ${rule.name}\n`);
        expect(text).toContain(`> ${rule.faq}`);
    }
});

test("the quickstart's first commands are the ones package.json provides", () => {
    const pkg = JSON.parse(fs.readFileSync(require.resolve("../../package.json"), "utf8"));
    expect(text).toContain("npm ci && npm start");
    expect(text).toContain("npm test");
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    expect(pkg.scripts.prepare).toBeDefined();
});
