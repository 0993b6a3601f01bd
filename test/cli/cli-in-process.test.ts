// The shared command-line cases (cli-cases.ts) through `run` in this process, with its own streams
// and environment: the same behaviour as the built command, on the TypeScript sources.

import { run } from "../../policypack/cli/run";
import { Runner, cliCases } from "./cli-cases";
import { NOW, REPO } from "./support";

const cli: Runner = (args, options = {}) => {
    let stdout = "";
    let stderr = "";
    const code = run(args, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        isTTY: false,
        env: { ALICLOUD_EIP_GUARD_DATE: NOW.toISOString(), ...options.env },
        cwd: REPO,
    });
    return { code, stdout, stderr };
};

cliCases(cli);
