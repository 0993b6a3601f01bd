// npm's prepare step. In a checkout (sources and tsconfig.json present) it compiles the pack, so that
// `npm ci` alone leaves a working pack; in an installed or published copy, which ships compiled code
// and no sources, there is nothing to build.
const { existsSync } = require("fs");
const { join } = require("path");
const { spawnSync } = require("child_process");

const root = join(__dirname, "..");
if (!existsSync(join(root, "tsconfig.json")) || !existsSync(join(root, "policypack"))) {
    process.exit(0);
}
const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
process.exit(result.status ?? 1);
