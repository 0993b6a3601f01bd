// Tests that run the real Pulumi CLI need tools/engine/bin/pulumi, which `npm run engine` builds.
// In CI (.ci/run builds it first) a missing binary is a failure; elsewhere those tests are skipped
// with a note saying how to enable them. Also here: how a CLI report and a harness report are lined up.

import type { ExampleOutcome } from "../../tools/harness/examples";
import { ROOT_STACK_TYPE } from "../../policypack/testing/engine/program";
import { PULUMI_BIN, engineBuilt } from "../../tools/engine/cli";
import { stateOf } from "../../tools/engine/state";

function inCi(): boolean {
    const ci = process.env.CI ?? "";
    return ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export function describeWithEngine(name: string, body: () => void): void {
    if (engineBuilt()) {
        describe(name, body);
    } else if (inCi()) {
        describe(name, () => {
            test("the Pulumi CLI is built", () => {
                throw new Error(`${PULUMI_BIN} is missing: .ci/run must run \`npm run engine\` before the tests`);
            });
        });
    } else {
        console.warn(`skipping "${name}": ${PULUMI_BIN} is not built; \`npm run engine\` builds it and enables these tests`);
        describe.skip(name, body);
    }
}

/**
 * The CLI attributes a stack policy's diagnostic to the resource it names when that resource is in
 * the stack, and to the root stack otherwise (`resolveStackPolicyViolationURN`); the harness's
 * diagnostics are put through the same rule before they are compared.
 */
export function attribution(outcome: ExampleOutcome) {
    const urns = new Set(stateOf(outcome.run).deployment.resources.map((resource) => resource.urn));
    const root = outcome.run.resources.find((resource) => resource.type === ROOT_STACK_TYPE && !resource.parent)?.urn ?? "";
    const resolve = (urn: string) => (urns.has(urn) ? urn : root);
    const nameOf = (urn: string) => (urn === root ? "" : (outcome.names.get(urn) ?? urn));
    return { resolve, nameOf };
}

export function sorted<T>(items: T[]): T[] {
    const key = (item: T) => JSON.stringify(item);
    return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
