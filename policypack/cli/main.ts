#!/usr/bin/env node
// `npx alicloud-eip-guard check <file>...`: the offline checker. Loads the rule core only (no
// Pulumi SDK, no provider package), so it starts in a fraction of a second.

import { run } from "./run";

const code = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
});
process.exitCode = code;
