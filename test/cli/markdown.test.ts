// --format markdown: the pull-request comment, read back through a Markdown parser (marked's lexer)
// and its Mermaid flowchart through Mermaid's own parser (with jsdom for a DOM). Both are ES
// modules, so they run in a node process of their own (validators/markdown.mjs).

import { execFileSync } from "child_process";
import * as path from "path";
import { loadInput } from "../../policypack/cli/detect";
import { bindingFlowchart, bindingsOf, mermaidLabel } from "../../policypack/cli/output/mermaid";
import { renderMarkdown } from "../../policypack/cli/output/markdown";
import { buildReport } from "../../policypack/cli/report";
import { run } from "../../policypack/cli/run";
import { RULES } from "../../policypack/core/rules";
import { FIXTURES, NOW, REPO } from "./support";

const FAILING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--fail-shared-eip.json");
const PASSING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--pass-one-eip-per-server.json");

interface Parsed {
    headings: { depth: number; text: string }[];
    tables: { header: string[]; rows: string[][] }[];
    code: { lang: string; text: string; mermaid?: { ok: boolean; diagramType?: string; error?: string } }[];
}

function parse(markdown: string): Parsed {
    const out = execFileSync(process.execPath, [path.join(__dirname, "validators", "markdown.mjs")], { input: markdown, encoding: "utf8", cwd: REPO, timeout: 60000 });
    return JSON.parse(out) as Parsed;
}

function markdown(args: string[]): { code: number; text: string } {
    let text = "";
    const code = run(["check", "--format", "markdown", ...args], {
        stdout: (chunk) => (text += chunk),
        stderr: () => undefined,
        isTTY: false,
        env: { ALICLOUD_EIP_GUARD_DATE: NOW.toISOString() },
        cwd: REPO,
    });
    return { code, text };
}

test("a failing plan: verdict, summary table, each violation with its resources and fix, and a flowchart Mermaid parses", () => {
    const { code, text } = markdown(["--skip-policy", "ecs-single-eip", FAILING]);
    expect(code).toBe(1);
    const parsed = parse(text);
    expect(parsed.headings[0]).toEqual({ depth: 2, text: expect.stringMatching(/^alicloud-eip-guard .*: failed$/) });
    expect(parsed.headings.filter((heading) => heading.depth === 3).map((heading) => heading.text)).toEqual(["Summary", "Violations", "EIP bindings"]);
    expect(parsed.tables).toHaveLength(1);
    const [table] = parsed.tables;
    expect(table.header).toEqual(["Policy", "Outcome", "Mandatory", "Advisory", "Undecided", "Waived", "Notes"]);
    expect(table.rows.map((row) => row[0])).toEqual(RULES.map((rule) => `\`${rule.name}\``));
    const row = (name: string) => table.rows.find((cells) => cells[0] === `\`${name}\``)!;
    const report = buildReport([FAILING], {}, undefined, NOW);
    const violations = report.files[0].findings.filter((finding) => finding.outcome === "violation");
    expect(row("eip-single-binding").slice(1, 3)).toEqual(["failed", String(violations.length)]);
    expect(row("ecs-single-eip")[1]).toBe("skipped");
    expect(row("eip-same-region")[1]).toBe("passed");
    // One heading per violation, and under it the resources involved and the fix.
    const faults = parsed.headings.filter((heading) => heading.depth === 4);
    expect(faults).toHaveLength(violations.length);
    expect(faults[0].text).toMatch(/^`eip-single-binding` \(mandatory, severity \w+\) on `[^`]+`$/);
    for (const finding of violations) {
        expect(text).toContain(`- **Resources involved:** ${finding.involved.map((address) => `\`${address}\``).join(", ")}`);
    }
    expect(text).toContain(`- **Fix:** ${RULES.find((rule) => rule.name === "eip-single-binding")!.remediationSteps.slice(0, 40)}`);
    const charts = parsed.code.filter((block) => block.lang === "mermaid");
    expect(charts).toHaveLength(1);
    expect(charts[0].mermaid).toEqual({ ok: true, diagramType: "flowchart-v2" });
    // The shared EIP is drawn red; every binding is an edge.
    const chart = charts[0].text;
    const faulty = chart.match(/^ {4}class (\S+) fault$/m)![1].split(",");
    expect(faulty.length).toBeGreaterThan(0);
    expect(chart.split("\n").filter((line) => /^ {4}n\d+ -->/.test(line))).toHaveLength(bindingsOf(loadInput(FAILING).resources).length);
});

test("a passing plan: passed, no violations, its bindings drawn without red", () => {
    const { code, text } = markdown([PASSING]);
    expect(code).toBe(0);
    const parsed = parse(text);
    expect(parsed.headings[0].text).toMatch(/: passed$/);
    expect(text).toContain("### Violations\n\nNone.");
    const [chart] = parsed.code.filter((block) => block.lang === "mermaid");
    expect(chart.mermaid?.ok).toBe(true);
    expect(chart.text).not.toMatch(/ fault$/m);
});

test("resource names that are Mermaid or Markdown syntax cannot break the diagram or the page", () => {
    const loaded = loadInput(FAILING);
    const hostile = ['web"]; click n0 call alert(1) %%', "a|b <script>", "#1; end", "`tick` **bold**"];
    const resources = loaded.resources.map((resource, index) => ({ ...resource, name: hostile[index % hostile.length] }));
    const report = buildReport([FAILING], {}, undefined, NOW);
    const file = { ...report.files[0], file: "plans/a|b `c`.json", resources };
    const text = renderMarkdown({ ...report, files: [file] }, {});
    const parsed = parse(text);
    expect(parsed.tables).toHaveLength(1);
    expect(parsed.tables[0].rows).toHaveLength(RULES.length);
    const [chart] = parsed.code.filter((block) => block.lang === "mermaid");
    expect(chart.mermaid).toEqual({ ok: true, diagramType: "flowchart-v2" });
    // Node ids are generated; names only ever appear inside quoted labels, as entity codes where needed.
    for (const line of chart.text.split("\n").slice(1)) {
        expect(line).toMatch(/^ {4}(n\d+\["[^"]*"\]|n\d+ -->(\|zone mapping\|)? n\d+|classDef \w+ [\w:#,.\- ]+|class n\d+(,n\d+)* \w+)$/);
    }
    expect(mermaidLabel('a"b]#')).toBe("a#34;b#93;#35;");
    expect(bindingFlowchart([], new Set())).toBeUndefined();
});
