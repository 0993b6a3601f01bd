import { bothPhases } from "../../support/plan";
import { violations, undecided } from "../../support/verdicts";
const policy = "eni-eip-capacity";
test("peek", () => {
    const p = bothPhases((plan) => {
        const vsw = plan.vswitch("v");
        const eni = plan.add("eni", "eni", { vswitchId: vsw.ref(), primaryIpAddress: "10.0.1.10", privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
        for (const [n, ip] of [["first","10.0.1.11"],["second","10.0.1.11"],["third","10.0.1.12"]]) plan.associate(n, plan.eip(n+"e"), eni, { instanceType: "NetworkInterface", privateIpAddress: ip });
    });
    console.log(violations(p.preview, policy), violations(p.update, policy));
    const q = bothPhases((plan) => {
        for (const n of ["first","second"]) plan.associate(n, plan.eip(n+"e"), "eni-bp1existing", { instanceType: "NetworkInterface", privateIpAddress: "10.0.1.11" });
    });
    console.log(violations(q.preview, policy), violations(q.update, policy), undecided(q.preview, policy));
});
