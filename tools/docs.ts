// The README's policy reference and configuration example, generated from the rules' own metadata
// so that the documentation cannot drift from the pack. `npm run docs` rewrites the generated parts
// of README.md (between the markers); a test fails when they are out of date.

import * as fs from "fs";
import * as path from "path";
import { Rule, RuleOption } from "../policypack/core/rule";
import { RULES } from "../policypack/core/rules";

export const README = path.resolve(__dirname, "..", path.basename(path.resolve(__dirname, "..")) === "dist" ? ".." : ".", "README.md");

function examplesOf(rule: Rule, root: string): string[] {
    const dir = path.join(root, "examples", rule.name);
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
}

function optionsTable(rule: Rule): string {
    const rows = Object.entries(rule.options).map(([key, option]) => {
        const shape =
            option.type === "integer"
                ? `integer (${option.minimum} to ${option.maximum})`
                : option.type === "object"
                  ? `object: \`{ "<name>": { ${Object.keys(option.fields).join(", ")} } }\``
                  : option.type;
        const fallback = option.type === "object" ? JSON.stringify(option.default) : String(option.default);
        return `| \`${key}\` | ${shape} | \`${fallback}\` | ${option.description} |`;
    });
    rows.push("| `exemptions` | list of `{ resource, reason, expires }` | `[]` | Waivers for named resources; see [Waivers](#waivers). |");
    return ["| option | type | default | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

export function policyReference(root = path.dirname(README)): string {
    return RULES.map((rule) => {
        const level = rule.enforcementLevel === "mandatory" ? "Mandatory" : "Advisory";
        const examples = examplesOf(rule, root).map((name) => `[\`${name}\`](examples/${rule.name}/${name}/)`);
        return [
            `### ${rule.name}`,
            "",
            `**${level}**, severity ${rule.severity}. ${rule.description}`,
            "",
            `> ${rule.faq}`,
            "",
            "Rejects:",
            ...rule.rejects.map((line) => `- ${line}`),
            "",
            `What to do instead: ${rule.remediationSteps}`,
            "",
            optionsTable(rule),
            "",
            `Examples: ${examples.length > 0 ? examples.join(", ") : "none yet"}.`,
        ].join("\n");
    }).join("\n\n");
}

/** A `--policy-pack-config` file that sets every policy to its default level and options. */
export function configExample(): Record<string, unknown> {
    return Object.fromEntries(
        RULES.map((rule) => [
            rule.name,
            {
                enforcementLevel: rule.enforcementLevel,
                ...Object.fromEntries(Object.entries(rule.options as Readonly<Record<string, RuleOption>>).map(([key, option]) => [key, option.default])),
                exemptions: [],
            },
        ]),
    );
}

const SECTIONS: Record<string, () => string> = {
    policies: () => policyReference(),
    config: () => ["```json", JSON.stringify(configExample(), null, 2), "```"].join("\n"),
};

/** README.md with every generated section brought up to date. */
export function renderReadme(text: string): string {
    let out = text;
    for (const [name, render] of Object.entries(SECTIONS)) {
        const start = `<!-- generated:${name}:start -->`;
        const end = `<!-- generated:${name}:end -->`;
        const from = out.indexOf(start);
        const to = out.indexOf(end);
        if (from < 0 || to < from) {
            throw new Error(`README.md lacks the markers ${start} ... ${end}`);
        }
        out = `${out.slice(0, from + start.length)}\n${render()}\n${out.slice(to)}`;
    }
    return out;
}

if (require.main === module) {
    const text = fs.readFileSync(README, "utf8");
    const next = renderReadme(text);
    if (next !== text) {
        fs.writeFileSync(README, next);
        console.log("README.md updated.");
    } else {
        console.log("README.md is up to date.");
    }
}
