// The package as a library: `require("alicloud-eip-guard")` (the package's `exports`) loads this
// module, which starts nothing. A team puts these policies into a pack of its own, beside its other
// policies, as AWSGuard allows. The pack this repository is (`main`, policypack/index.ts) is what
// `pulumi preview --policy-pack` loads: Node reads `main` when the pack's directory is required, and
// `exports` when the package is required by name.

export { PACK_NAME, README_URL } from "./core/pack";
export { POLICIES, PACK_POLICIES, policyFor } from "./crossguard/policies";
export { RULES } from "./core/rules";
export type { Finding, PolicyName, Rule } from "./core/rule";
