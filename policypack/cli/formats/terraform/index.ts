// Terraform JSON (`terraform show -json`) to the core's resources: the plan and state readers, and
// the pieces of them that are tested on their own.

export { checkFormatVersion } from "./accept";
export { keySuffix, traversal } from "./addresses";
export { matchBlocks } from "./blocks";
export { TERRAFORM_TYPE_KINDS, camel, kindOfTerraformType, pulumiNames } from "./names";
export { fromTerraformPlan } from "./plan";
export { fromTerraformState } from "./state";
export { overlayUnknown } from "./unknowns";
