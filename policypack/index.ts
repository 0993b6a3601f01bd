// The CrossGuard policy pack: `pulumi preview --policy-pack <this package>` loads this module.
// Constructing the PolicyPack starts the analyzer server, so nothing else may import this file.

import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME } from "./core/pack";
import { SERVING_HOOKS, scopes } from "./crossguard/floor";
import { servingWith } from "./crossguard/framework";
import { PACK_POLICIES } from "./crossguard/policies";
import { packReadme } from "./pack-readme";

// The server's AnalyzeStack handler runs each request in a scope of the pack's, so that the policies
// after the first are answered from its model without deserialising the stack again (floor.ts).
servingWith(
    scopes,
    SERVING_HOOKS,
    () =>
        new PolicyPack(PACK_NAME, {
            policies: PACK_POLICIES,
            displayName: "Alibaba Cloud EIP binding guard",
            description: "Rejects Alibaba Cloud EIP bindings that the EIP binding FAQ says will fail, during pulumi preview.",
            provider: "alicloud",
            tags: ["alicloud", "eip", "networking"],
            repository: "https://github.com/alicloud-eip-guard/alicloud-eip-guard",
            readme: packReadme(),
        }),
);
