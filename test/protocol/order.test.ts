// The engine sends AnalyzeStack's resources in an unspecified order (a Go sync.Map range; see
// policypack/testing/engine/shuffle.ts). Whatever the order, the pack must answer the same: the same
// diagnostics, in the same order, with the same message texts, which list resources by name.

import * as path from "path";
import { AnalyzerClient, Diagnostic, EngineResource, stackOrder } from "../../policypack/testing/engine/analyzer";
import { DEFAULT_SHUFFLE_SEED, SHUFFLE_SEED_VARIABLE, shuffleSeed } from "../../policypack/testing/engine/shuffle";
import { everyViolation } from "../support/catalogue";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { Phase, Plan } from "../support/plan";

const packDir = path.resolve(__dirname, "../..");
const SEED = shuffleSeed();
const ORDERS = 6;
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(packDir);
    await client.open({ stack: "dev", project: "order", organization: "acme", dryRun: true });
});

afterAll(async () => {
    await client?.close();
});

function catalogue(phase: Phase): EngineResource[] {
    const plan = new Plan(phase);
    everyViolation(plan);
    return toEngineResources(plan.resources());
}

/** Bindings whose messages list several resources: three on one EIP, three EIPs on one instance. */
function crowded(): EngineResource[] {
    const plan = new Plan("preview");
    const vsw = plan.vswitch("vsw");
    const eip = plan.eip("eip");
    for (const name of ["c", "a", "b"]) {
        plan.associate(`assoc-${name}`, eip, plan.instance(`vm-${name}`, { vswitchId: vsw.ref() }));
    }
    const vm = plan.instance("vm-many", { vswitchId: vsw.ref() });
    for (const name of ["z", "x", "y"]) {
        plan.associate(`many-${name}`, plan.eip(`eip-${name}`), vm);
    }
    return toEngineResources(plan.resources());
}

const text = (d: Diagnostic) => `${d.policyName} ${d.enforcementLevel} ${d.urn}\n${d.message}`;

describe.each([
    ["every policy's violations, at preview", () => catalogue("preview")],
    ["every policy's violations, after the update", () => catalogue("update")],
    ["bindings whose messages list several resources", crowded],
])(`%s, sent in ${ORDERS} orders (seeds ${SEED} to ${SEED + ORDERS - 1})`, (_name, stack) => {
    test("gives the same diagnostics, in the same order, with the same messages", async () => {
        const resources = stack();
        const answers: string[][] = [];
        for (let i = 0; i < ORDERS; i++) {
            answers.push((await client.analyzeStack(resources, { seed: SEED + i })).diagnostics.map(text));
        }
        expect(answers[0].length).toBeGreaterThan(0);
        for (let i = 1; i < ORDERS; i++) {
            expect({ seed: SEED + i, diagnostics: answers[i] }).toEqual({ seed: SEED + i, diagnostics: answers[0] });
        }
    });
});

describe("the harness's order", () => {
    test("is a permutation of the stack, the same for the same seed, and another for another seed", () => {
        const resources = catalogue("preview");
        const urns = (order: readonly EngineResource[]) => order.map((resource) => resource.urn);
        const orders = Array.from({ length: ORDERS }, (_, i) => urns(stackOrder(resources, SEED + i)));
        for (const order of orders) {
            expect([...order].sort()).toEqual(urns(resources).sort());
            expect(order).not.toEqual(urns(resources));
        }
        expect(new Set(orders.map((order) => order.join(" "))).size).toBe(ORDERS);
        expect(urns(stackOrder(resources, SEED))).toEqual(orders[0]);
    });

    test(`is drawn from ${SHUFFLE_SEED_VARIABLE}, or a fixed seed when it is not set`, () => {
        expect(shuffleSeed({})).toBe(DEFAULT_SHUFFLE_SEED);
        expect(shuffleSeed({ [SHUFFLE_SEED_VARIABLE]: "42" })).toBe(42);
        expect(() => shuffleSeed({ [SHUFFLE_SEED_VARIABLE]: "forty-two" })).toThrow(`${SHUFFLE_SEED_VARIABLE} must be an integer, not "forty-two"`);
    });
});
