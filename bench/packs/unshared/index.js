// alicloud-eip-guard with the model built by every policy for itself instead of once per
// AnalyzeStack request. The "before" of the shared-model design; everything else as in the pack.
const { PolicyPack } = require("@pulumi/policy");
const { PACK_NAME } = require("../../../dist/policypack/core/pack");
const { typeGateOf, withTypeGate } = require("../../../dist/policypack/crossguard/framework");
const { POLICIES, reportFindings } = require("../../../dist/policypack/crossguard/policies");
const { fromPolicyResources } = require("../../../dist/policypack/crossguard/adapter");
const { runRule } = require("../../../dist/policypack/core/engine");
const { Model } = require("../../../dist/policypack/core/model");
const { RULES } = require("../../../dist/policypack/core/rules");

new PolicyPack(`${PACK_NAME}-unshared`, {
    policies: POLICIES.map((policy, i) => {
        const validateStack = (args, report) => reportFindings(runRule(RULES[i], new Model(fromPolicyResources(args.resources)), args.getConfig()), report);
        return { ...policy, validateStack: withTypeGate(validateStack, typeGateOf(policy.validateStack)) };
    }),
});
