// alicloud-eip-guard without the framework's type fast path: the same policies, with the type gate
// (crossguard/framework.ts) left off each validateStack. The "before" of the fast-path design.
const { PolicyPack } = require("@pulumi/policy");
const { PACK_NAME } = require("../../../dist/policypack/core/pack");
const { POLICIES } = require("../../../dist/policypack/crossguard/policies");

new PolicyPack(`${PACK_NAME}-ungated`, {
    policies: POLICIES.map((policy) => {
        const validate = policy.validateStack;
        return { ...policy, validateStack: (args, report) => validate(args, report) };
    }),
});
