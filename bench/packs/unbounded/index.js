// alicloud-eip-guard without the bound on V8's heap growth: the "before" of that design.
const { PolicyPack } = require("@pulumi/policy");
const { POLICIES, PACK_NAME } = require("../../../dist/policypack/crossguard/policies");

new PolicyPack(`${PACK_NAME}-unbounded`, { policies: POLICIES });
