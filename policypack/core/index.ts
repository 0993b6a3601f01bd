// The rule core as a library: resources in, findings out, with no knowledge of Pulumi's runtime.
// `import { analyze, RULES } from "alicloud-eip-guard/core"` to run the rules from another front end.

export { analyze, readOptions, runRule } from "./engine";
export { configProblems, levelOf, optionsOf } from "./config";
export type { EnforcementLevel } from "./config";
export { Model } from "./model";
export type { Binding, Ref, Region } from "./model";
export type { ResourceInput, ResourceKind } from "./resources";
export { RULES } from "./rules";
export type { Finding, Outcome, PolicyName, Rule } from "./rule";
export { UNKNOWN, isUnknown } from "./values";
export { EXEMPT_EXPIRES_TAG, EXEMPT_REASON_TAG, EXEMPT_TAG } from "./waivers";
