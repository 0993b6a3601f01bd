// Terraform projects written to a temporary directory for one test, and read as the checker reads them.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadInput } from "../../../policypack/cli/detect";
import { VariableArgument } from "../../../policypack/cli/formats/hcl/tfvars";
import { LoadedInput } from "../../../policypack/cli/formats/loaded";
import { ResourceInput } from "../../../policypack/core/resources";

const made: string[] = [];

afterAll(() => {
    for (const dir of made) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

/** Writes `files` (relative name to text) into a new directory and returns it. */
export function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-tf-"));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

/** The resources the checker reads from a project, by address. */
export function read(
    files: Record<string, string>,
    variables: readonly VariableArgument[] = [],
    environment: Record<string, string> = {},
): { loaded: LoadedInput; at: (address: string) => ResourceInput } {
    const loaded = loadInput(project(files), { variables, environment });
    return {
        loaded,
        at: (address) => {
            const found = loaded.resources.find((resource) => resource.address === address);
            if (found === undefined) {
                throw new Error(`no ${address} in ${loaded.resources.map((resource) => resource.address).join(", ")}`);
            }
            return found;
        },
    };
}

/** A provider and one EIP, prefixed to a test's own configuration. */
export const HEADER = `provider "alicloud" {\n  region = "cn-hangzhou"\n}\n`;
