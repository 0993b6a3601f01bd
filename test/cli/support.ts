// Shared pieces of the checker's tests: verdicts in the examples' terms, Pulumi documents made from a
// recorded program run, and the fixtures on disk.

import * as fs from "fs";
import * as path from "path";
import { checkResources } from "../../policypack/cli/check";
import { loadInput } from "../../policypack/cli/detect";
import { InputError } from "../../policypack/cli/input";
import { Verdict, sortVerdicts } from "../../tools/harness/examples";

export const REPO = path.resolve(__dirname, "../..");
export const FIXTURES = path.join(REPO, "test", "fixtures");
export const CLI = path.join(REPO, "dist", "policypack", "cli", "main.js");
/** Waivers and anything else dated are judged on this day in every checker test. */
export const NOW = new Date("2026-06-01T00:00:00Z");

export interface Expected {
    readonly verdicts: Verdict[];
    readonly exitCode?: number;
    readonly policyConfig?: Record<string, unknown>;
    readonly note?: string;
}

/** The checker's verdicts on a file, as the examples state them: policy, resource name, level. */
export function verdictsOfFile(file: string, config: unknown = {}): Verdict[] {
    const loaded = loadInput(file);
    return verdictsOf(checkResources(loaded.resources, config, NOW));
}

export function verdictsOf(reported: ReturnType<typeof checkResources>): Verdict[] {
    return sortVerdicts(reported.map((finding) => ({ policy: finding.rule.name, resource: finding.resource?.name ?? "", level: finding.level })));
}

export function readExpected(file: string): Expected {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Expected;
}

/** Every fixture of a front end: `<name>.json` with `<name>.expected.json` beside it. */
export function fixturesIn(dir: string): { name: string; file: string; expected: Expected }[] {
    const full = path.join(FIXTURES, dir);
    return fs
        .readdirSync(full)
        .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
        .sort()
        .map((name) => {
            const base = name.slice(0, -".json".length);
            return { name: base, file: path.join(full, name), expected: readExpected(path.join(full, `${base}.expected.json`)) };
        });
}

/** What a reader refuses a document with, as "<file>: <problem>"; fails the test if it accepts it. */
export function problemOf(action: () => unknown): string {
    try {
        action();
    } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return `${(error as InputError).file}: ${(error as InputError).problem}`;
    }
    throw new Error("nothing was thrown");
}
