import { Plan } from "../../support/plan";
test("peek", () => {
    const plan = new Plan("preview");
    const vsw = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vsw.ref() });
    plan.associate("a", plan.eip("e"), web);
    plan.add("alb", "alb", { addressType: "Internet", zoneMappings: [{ zoneId: "z", vswitchId: vsw.ref() }] });
    console.log(JSON.stringify(plan.resources(), (k, v) => typeof v === "symbol" ? "UNKNOWN" : v, 1));
});
