// The command line with Terraform sources: a directory, .tf files, --var-file, and --tf-root, which
// points a plan's findings at the .tf lines of the sources it was planned from.

import * as path from "path";
import { run } from "../../../policypack/cli/run";
import { FIXTURES, NOW, REPO } from "../support";

function cli(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
    let stdout = "";
    let stderr = "";
    const code = run(args, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        isTTY: false,
        env: { ALICLOUD_EIP_GUARD_DATE: NOW.toISOString(), ...env },
        cwd: REPO,
    });
    return { code, stdout, stderr };
}

const SOURCES = path.relative(REPO, path.join(FIXTURES, "terraform-src"));
const PLAN = path.relative(REPO, path.join(FIXTURES, "terraform-plan", "modules-aliases-for-each.json"));

test("a directory: the text report names the format, the resources and each finding's file and line", () => {
    const { code, stdout } = cli(["check", `${SOURCES}/aliases-for-each`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${SOURCES}/aliases-for-each (Terraform configuration, 11 resources): 1 mandatory violation`);
    expect(stdout).toContain(`alicloud_eip_association.cross  alicloud_eip_association  ${SOURCES}/aliases-for-each/main.tf:52`);
});

test("--var and TF_VAR_<name>, as terraform plan reads them", () => {
    expect(cli(["check", "--var", "eip_count=2", `${SOURCES}/local-module-tfvars`]).code).toBe(0);
    // TF_VAR_ comes first in Terraform's order: production.auto.tfvars (21 EIPs) still wins over it.
    expect(cli(["check", `${SOURCES}/local-module-tfvars`], { TF_VAR_eip_count: "2" }).code).toBe(1);
    const undeclared = cli(["check", "--var=nope=1", `${SOURCES}/local-module-tfvars`]);
    expect(undeclared.code).toBe(2);
    expect(undeclared.stderr).toContain("--var nope=1: sets var.nope, which the root module does not declare");
});

test("--var-file, after the variable files Terraform loads by itself", () => {
    expect(cli(["check", `${SOURCES}/local-module-tfvars`]).code).toBe(1);
    expect(cli(["check", "--var-file", `${SOURCES}/local-module-tfvars/small.tfvars`, `${SOURCES}/local-module-tfvars`]).code).toBe(0);
    const missing = cli(["check", "--var-file=nope.tfvars", `${SOURCES}/local-module-tfvars`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.tfvars: cannot be read");
});

test(".tf files given one by one are read as one module", () => {
    const dir = `${SOURCES}/eip-single-binding--fail-shared-eip`;
    const { code, stdout } = cli(["check", `${dir}/providers.tf`, `${dir}/network.tf`, `${dir}/main.tf`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${dir} (Terraform configuration, 8 resources): 1 mandatory violation\n`);
});

test("--tf-root: a plan's findings located in the sources it was made from", () => {
    const { code, stdout } = cli(["check", "--format", "sarif", "--tf-root", `${SOURCES}/modules-aliases-for-each`, PLAN]);
    expect(code).toBe(1);
    const run = JSON.parse(stdout).runs[0];
    const located = run.results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => {
        const physical = result.locations[0].physicalLocation;
        return `${physical.artifactLocation.uri}:${physical.region.startLine}`;
    });
    expect(located).toEqual([
        `${SOURCES}/modules-aliases-for-each/main.tf:35`,
        // The instance with two EIPs, one fault: its two associations are related locations.
        `${SOURCES}/modules-aliases-for-each/modules/web/main.tf:13`,
    ]);
    const related = run.results[1].relatedLocations.map(
        (entry: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) =>
            `${entry.physicalLocation.artifactLocation.uri}:${entry.physicalLocation.region.startLine}`,
    );
    expect(related).toEqual(expect.arrayContaining([`${SOURCES}/modules-aliases-for-each/main.tf:16`, `${SOURCES}/modules-aliases-for-each/modules/web/main.tf:26`]));
    expect(run.artifacts[0].location.uri).toBe(PLAN);
});

test("--tf-root that is not a directory of .tf files", () => {
    const { code, stderr } = cli(["check", "--tf-root", path.relative(REPO, path.join(FIXTURES, "bad")), PLAN]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--tf-root .*bad: is not a directory of \.tf files\./);
});
