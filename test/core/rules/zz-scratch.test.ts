import { bothPhases } from "../../support/plan";
import { violations, undecided } from "../../support/verdicts";
test("peek", () => {
    const p = bothPhases((plan) => { const other = plan.eip("other-eip"); plan.associate("eip-assoc", plan.eip("the-eip"), other); });
    console.log(violations(p.preview, "eip-supported-target"), undecided(p.preview, "eip-supported-target"), violations(p.update, "eip-supported-target"));
});
