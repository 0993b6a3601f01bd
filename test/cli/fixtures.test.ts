// Every fixture of every front end gets the verdicts written beside it; every policy has a failing
// and a passing fixture in each front end; the Terraform plans that write an example program in
// Terraform get that example's verdicts.

import { listExamples, sortVerdicts } from "../../tools/harness/examples";
import { Expected, fixturesIn, verdictsOfFile } from "./support";
import { PolicyName } from "../../policypack/core/rule";
import { RULES } from "../../policypack/core/rules";
import { ruleNamed } from "../support/verdicts";

// Every policy, from the rule registry: a policy added there needs its fixtures here too.
const POLICIES: readonly string[] = RULES.map((rule) => rule.name);

const FRONT_ENDS = ["terraform-plan", "terraform-state", "pulumi-preview", "pulumi-export"] as const;

describe.each(FRONT_ENDS.map((dir) => [dir] as const))("%s", (dir) => {
    const fixtures = fixturesIn(dir);

    test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
        expect(verdictsOfFile(fixture.file, fixture.expected.policyConfig ?? {})).toEqual(fixture.expected.verdicts);
    });

    test("every policy has a failing and a passing fixture", () => {
        const failing = (policy: string, expected: Expected) =>
            expected.verdicts.some((verdict) => verdict.policy === policy && verdict.level === ruleNamed(policy as PolicyName).enforcementLevel);
        for (const policy of POLICIES) {
            const mine = fixtures.filter((fixture) => fixture.name.startsWith(`${policy}--`));
            const pass = mine.filter((fixture) => fixture.name.includes("--pass-") && !fixture.expected.verdicts.some((verdict) => verdict.policy === policy));
            const fail = mine.filter((fixture) => fixture.name.includes("--fail-") && failing(policy, fixture.expected));
            // A Terraform state records no provider configuration and so no region (see README): the
            // plan is where eip-same-region fails; its state fixture shows the state passes.
            const exempt = dir === "terraform-state" && policy === "eip-same-region";
            expect({ policy, pass: pass.length > 0, fail: fail.length > 0 || exempt }).toEqual({ policy, pass: true, fail: true });
        }
    });
});

describe("Terraform plans that write an example program in Terraform", () => {
    const examples = new Map(listExamples().map((example) => [`examples/${example.id}`, example]));
    const mirrors = fixturesIn("terraform-plan").filter((fixture) => (fixture.expected as { mirrors?: string }).mirrors !== undefined);

    test("there are several", () => {
        expect(mirrors.length).toBeGreaterThanOrEqual(10);
    });

    test.each(mirrors.map((fixture) => [fixture.name, fixture] as const))("%s gets the example's verdicts", (_name, fixture) => {
        const example = examples.get((fixture.expected as { mirrors?: string }).mirrors!);
        expect(example).toBeDefined();
        const byName = sortVerdicts(
            verdictsOfFile(fixture.file, fixture.expected.policyConfig ?? {}).map((verdict) => ({ ...verdict, resource: verdict.resource.replace(/^alicloud_\w+\./, "") })),
        );
        expect(byName).toEqual(example!.expected.verdicts);
    });
});
