// The policy reference (docs/policies.md), the README's policy list and its configuration example
// are generated from the rules; they must be current (`npm run docs` regenerates them), and the
// README must keep its promises.

import * as fs from "fs";
import { POLICIES_DOC, README, renderPolicies, renderReadme } from "../../tools/docs";
import { RULES } from "../../policypack/core/rules";

const text = fs.readFileSync(README, "utf8");

const reference = fs.readFileSync(POLICIES_DOC, "utf8");

test("the generated sections and docs/policies.md are up to date (run `npm run docs`)", () => {
    expect(renderReadme(text)).toBe(text);
    expect(renderPolicies()).toBe(reference);
});

test("every policy has a section of docs/policies.md whose anchor its url points at, quoting the FAQ, and a line of the README linking to it", () => {
    for (const rule of RULES) {
        expect(reference).toContain(`\n### ${rule.name}\n`);
        expect(reference).toContain(`> ${rule.faq}`);
        expect(text).toContain(`- [\`${rule.name}\`](docs/policies.md#${rule.name})`);
    }
});

test("the README's sections come in task order, after a table of contents that links to each", () => {
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
        "What it prevents",
        "Try it",
        "Install",
        "Pulumi quickstart",
        "Terraform quickstart",
        "Configuration",
        "CI recipes",
        "Offline checker",
        "Policies",
        "What it cannot see",
        "Contributing",
    ]);
    const contents = text.slice(0, text.indexOf("\n## "));
    for (const heading of headings) {
        expect(contents).toContain(`](#${heading.toLowerCase().replace(/ /g, "-")})`);
    }
});

test("the README's first commands set up and run the bundled examples, then the tests, with the scripts package.json provides", () => {
    const pkg = JSON.parse(fs.readFileSync(require.resolve("../../package.json"), "utf8"));
    const blocks = [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1].trim());
    expect(blocks.slice(0, 2)).toEqual(["npm ci && npm start", "npm test"]);
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    expect(pkg.scripts.prepare).toBeDefined();
});
