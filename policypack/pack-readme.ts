// The pack's `readme`: what Pulumi Cloud shows every owner of a stack the pack is enforced on. Kept
// to what they need when a preview fails (which policies there are, at which level, and where to read
// about one, configure it or waive it), and written from the rules so that it cannot go stale; the
// repository's README is for the people who install and run the pack.

import { POLICY_DOCS_URL, README_URL } from "./core/pack";
import { RULES } from "./core/rules";

export function packReadme(): string {
    return [
        "# Alibaba Cloud EIP binding guard",
        "",
        "Rejects, during `pulumi preview`, the Alibaba Cloud EIP bindings that Alibaba Cloud would refuse only at deploy time,",
        "half-way through `pulumi up`. A mandatory finding fails the preview; an advisory one is a note. Each message names",
        "the resources involved and says what to do instead.",
        "",
        "| policy | default level | checks |",
        "|---|---|---|",
        ...RULES.map((rule) => `| [${rule.name}](${POLICY_DOCS_URL}#${rule.name}) | ${rule.enforcementLevel} | ${rule.description} |`),
        "",
        `Levels and options: [configuration](${README_URL}#configuration). To accept a known violation on one resource: [waivers](${README_URL}#waivers).`,
        `When a finding says a binding could not be decided before deployment: [what it cannot see](${README_URL}#what-it-cannot-see).`,
        "",
    ].join("\n");
}
