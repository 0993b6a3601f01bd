// The oracle checked on its own against hand-written expectations, before it judges the pack: the
// catalogue that breaks every policy once (test/support/catalogue.ts), in both phases.

import { everyViolation } from "../support/catalogue";
import { Phase, Plan } from "../support/plan";
import { ORACLE_POLICIES, oracle } from "./policies";

function names(plan: Plan, addresses: readonly string[]): string[] {
    const byAddress = new Map(plan.resources().map((resource) => [resource.address, resource.name]));
    return addresses.map((address) => byAddress.get(address) ?? address).sort();
}

describe.each<Phase>(["preview", "update"])("the oracle on the catalogue, as at %s", (phase) => {
    test("finds exactly the violations the catalogue was built to have", () => {
        const plan = new Plan(phase);
        const expected = everyViolation(plan);
        const verdicts = oracle(plan.resources());
        for (const policy of ORACLE_POLICIES) {
            expect({ policy, names: names(plan, verdicts[policy]) }).toEqual({ policy, names: [...expected[policy]].sort() });
        }
    });

    test("a raised NAT quota clears the 21-EIP gateway and nothing else", () => {
        const plan = new Plan(phase);
        const expected = everyViolation(plan);
        const verdicts = oracle(plan.resources(), { maxEips: 21 });
        expect(verdicts["nat-gateway-eip-limit"]).toEqual([]);
        expect(names(plan, verdicts["eip-single-binding"])).toEqual(expected["eip-single-binding"]);
    });
});
