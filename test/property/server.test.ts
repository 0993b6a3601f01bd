// Property tests through the real server path: a share of the random stacks (about one in six of
// what core.test.ts runs) sent to the pack started exactly as the Pulumi CLI starts it, over the
// analyzer gRPC protocol, with some property values marked secret. Every call must answer, no policy
// may be skipped or fail, the mandatory verdicts must equal the oracle's and the core's, and no
// message may carry the value of a secret property. The pack runs from dist/ (npm test builds it).

import * as fc from "fast-check";
import * as path from "path";
import { analyze } from "../../policypack/core/engine";
import { AnalyzerClient, Diagnostic, EngineResource } from "../../policypack/testing/engine/analyzer";
import { MANDATORY_BY_DEFAULT } from "../oracle/policies";
import { toEngineResources } from "../../policypack/testing/engine/stack";
import { FOREIGN_URN, build, stackChoices } from "./arbitraries";
import { unexplained } from "./defects";
import { coreVerdicts, mandatoryOnly, oracleVerdicts, readable, runs, seed, serverMandatory } from "./judge";
import { Phase, packConfig, render } from "./spec";

const packDir = path.resolve(__dirname, "../..");
const identity = { stack: "dev", project: "fuzz", organization: "acme", dryRun: true };
let client: AnalyzerClient;

beforeAll(async () => {
    client = await AnalyzerClient.start(packDir);
    await client.open(identity);
});

afterAll(async () => {
    await client?.close();
});

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Words the pack's messages carry as constants (instance types, modes, address types): not leaks. */
const VOCABULARY = new Set(["ecsinstance", "networkinterface", "slbinstance", "nat", "havip", "ipaddress", "internet", "intranet", "binded", "multi_binded"]);

function strings(value: unknown, out: string[] = []): string[] {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach((element) => strings(element, out));
    else if (typeof value === "object" && value !== null) Object.values(value).forEach((element) => strings(element, out));
    return out;
}

/** A small deterministic generator for the secret marks, from a drawn number. */
function marks(salt: number): () => boolean {
    let state = salt >>> 0;
    return () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 2 ** 32 < 0.35;
    };
}

/**
 * Marks some property values secret, as the engine sends them: top-level values, and fields of the
 * elements of list properties. Returns the stack and every string a secret value holds.
 */
function withSecrets(resources: readonly EngineResource[], salt: number): { stack: EngineResource[]; secrets: string[] } {
    const next = marks(salt);
    const secrets: string[] = [];
    const secret = (value: unknown) => {
        strings(value, secrets);
        return { [SECRET_SIG]: SECRET_VALUE_SIG, value };
    };
    const wrap = (properties: Record<string, unknown>): Record<string, unknown> =>
        Object.fromEntries(
            Object.entries(properties).map(([key, value]) => {
                if (Array.isArray(value) && value.length <= 50 && next()) {
                    return [
                        key,
                        value.map((element) =>
                            typeof element === "object" && element !== null && !Array.isArray(element)
                                ? Object.fromEntries(Object.entries(element).map(([k, v]) => [k, next() ? secret(v) : v]))
                                : element,
                        ),
                    ];
                }
                return [key, next() ? secret(value) : value];
            }),
        );
    const providers = new Map<string, Record<string, unknown>>();
    const stack = resources.map((resource) => {
        const properties = wrap(resource.properties);
        if (resource.type === "pulumi:providers:alicloud") providers.set(resource.urn, properties);
        return { ...resource, properties };
    });
    // A resource's provider reference carries the same (secret) props as the provider resource.
    return {
        stack: stack.map((resource) =>
            resource.provider === undefined
                ? resource
                : { ...resource, provider: { ...resource.provider, properties: providers.get(resource.provider.urn) ?? resource.provider.properties } },
        ),
        secrets,
    };
}

/** Resources of the program that are not alicloud's: the root stack and the one dependencies may name. */
const FOREIGN: EngineResource[] = [
    { urn: "urn:pulumi:dev::fuzz::pulumi:pulumi:Stack::fuzz-dev", type: "pulumi:pulumi:Stack", name: "fuzz-dev", properties: {} },
    { urn: FOREIGN_URN, type: "random:index/randomString:RandomString", name: "noise", properties: { result: "k3x9q", length: 5 } },
];

function notes(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.filter((d) => /can't run policy|could not finish evaluating|could not apply its exemptions/.test(d.message)).map((d) => `${d.policyName}: ${d.message}`);
}

test("through the real server: every call answers, mandatory verdicts equal the oracle's and the core's, no secret in a message", async () => {
    await fc.assert(
        fc.asyncProperty(stackChoices, fc.constantFrom<Phase>("preview", "update"), fc.nat(), async (choices, phase, salt) => {
            const built = build(choices);
            const resources = render(built.spec, phase);
            const { stack, secrets } = withSecrets([...FOREIGN, ...toEngineResources(resources)], salt);
            // The quotas drawn include values the CLI refuses before the pack runs ("lots", 0, 2.5):
            // sent unvalidated, they test the pack's own tolerance of them.
            // A deployment of its own (ConfigureStack first), as the engine runs each: the Analyze calls
            // at the end of the last one must not stand for this stack's resources.
            await client.open(identity, packConfig(built.spec), { validate: false });
            const { diagnostics } = await client.analyzeStack(stack);

            expect(notes(diagnostics)).toEqual([]);
            const served = serverMandatory(diagnostics);
            const oracle = mandatoryOnly(oracleVerdicts(resources, built.spec));
            const { onlyFirst, onlySecond } = unexplained(resources, served, oracle);
            expect({ phase, onlyServer: readable(onlyFirst), onlyOracle: readable(onlySecond) }).toEqual({ phase, onlyServer: [], onlyOracle: [] });
            expect(readable(served)).toEqual(readable(mandatoryOnly(coreVerdicts(resources, built.spec))));
            // The advisory policy's violations arrive as advisory diagnostics, and they match too.
            const advisory = diagnostics
                .filter((d) => !MANDATORY_BY_DEFAULT.some((p) => p === d.policyName))
                .map((d) => `${d.policyName} ${d.urn}`)
                .sort();
            expect(readable(advisory)).toEqual(readable(oracleVerdicts(resources, built.spec).filter((v) => !MANDATORY_BY_DEFAULT.some((p) => v.startsWith(`${p} `)))));

            const names = stack.flatMap((resource) => [resource.urn, resource.type, resource.name]);
            const telling = [...new Set(secrets)].filter(
                (value) => value.trim().length >= 6 && !VOCABULARY.has(value.trim().toLowerCase()) && !names.some((name) => name.includes(value)),
            );
            const leaks = diagnostics.flatMap((d) => telling.filter((value) => d.message.includes(value)).map((value) => `${d.policyName} on ${d.urn}: ${value.slice(0, 40)}`));
            expect(leaks).toEqual([]);

            // Analyze on single resources (the engine's per-resource call) answers with nothing.
            for (const resource of stack.slice(2, 4)) {
                expect((await client.analyze(resource)).diagnostics).toEqual([]);
            }
        }),
        { seed: seed(), numRuns: runs(100, 0.15), endOnFailure: false },
    );
});

test("a stack marked secret throughout gets the verdicts it gets in the clear", async () => {
    await fc.assert(
        fc.asyncProperty(stackChoices, async (choices) => {
            const built = build(choices);
            const resources = render(built.spec, "preview");
            const clear = [...FOREIGN, ...toEngineResources(resources)];
            const everything = clear.map((resource) => ({
                ...resource,
                properties: Object.fromEntries(Object.entries(resource.properties).map(([k, v]) => [k, { [SECRET_SIG]: SECRET_VALUE_SIG, value: v }])),
            }));
            // A deployment of its own (ConfigureStack first), as the engine runs each: the Analyze calls
            // at the end of the last one must not stand for this stack's resources.
            await client.open(identity, packConfig(built.spec), { validate: false });
            const open = serverMandatory((await client.analyzeStack(clear)).diagnostics);
            const hidden = serverMandatory((await client.analyzeStack(everything)).diagnostics);
            expect(readable(hidden)).toEqual(readable(open));
            expect(readable(open)).toEqual(
                readable(
                    mandatoryOnly(
                        analyze(resources, packConfig(built.spec))
                            .filter((f) => f.outcome === "violation")
                            .map((f) => `${f.policy} ${f.resource}`)
                            .filter((v, i, all) => all.indexOf(v) === i)
                            .sort(),
                    ),
                ),
            );
        }),
        { seed: seed(), numRuns: runs(16, 0.03), endOnFailure: false },
    );
});
