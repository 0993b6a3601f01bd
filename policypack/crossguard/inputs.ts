// What the engine's Analyze calls say about each resource's inputs, kept for the stack policies.
//
// At preview the engine sends every registered resource to Analyze with its inputs as the provider
// checked them (pulumi/pulumi pkg/resource/deploy/step_generator.go, continueStepsFromImport): an
// input the program left unset is absent, one set to a value not known yet is the unknown sentinel.
// AnalyzeStack, at the end, sends outputs, where an Optional+Computed attribute left unset is unknown
// too: from outputs alone the two cannot be told apart (Model.setting). Every Analyze of a deployment
// comes before its AnalyzeStack (deployment_executor.go), and one process serves both, so a resource
// policy of this pack records each resource's inputs by URN and the stack policies read them back.
//
// The recorder is a policy of its own, `eip-guard-inputs`: advisory, and it never reports. It cannot
// ride on the stack policies: a policy with validateResource is described to the engine as a
// resource policy (@pulumi/policy protoutil.js makeAnalyzerInfo), which would move every policy of
// the pack out of the stack's policy summary. When it does not run (disabled in the configuration),
// or a resource had no Analyze call (a `.get()` read, a resource kept by --target), the stack
// policies read that resource from its outputs alone, as they would without it.

import type { ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs } from "@pulumi/policy";
import { kindOfPulumiType } from "../pulumi/types";
import { deploymentTokenOf, rawPropsOf } from "./framework";

/** The recorder's name: a public contract, like the rules' (test/contract/pack-policies.json). */
export const INPUTS_POLICY_NAME = "eip-guard-inputs";

interface Records {
    readonly inputs: Map<string, Readonly<Record<string, unknown>>>;
    /** Set once an AnalyzeStack has read them: the next Analyze starts another deployment's. */
    read: boolean;
}

/** Per deployment (framework.ts, 5); dropped with the deployment's token. */
const byDeployment = new WeakMap<object, Records>();
/** For calls that carry no deployment token. */
const untokened: Records = { inputs: new Map(), read: false };

function recordsOf(token: object | undefined): Records {
    if (token === undefined) {
        return untokened;
    }
    let records = byDeployment.get(token);
    if (records === undefined) {
        records = { inputs: new Map(), read: false };
        byDeployment.set(token, records);
    }
    return records;
}

/** Keeps the inputs of a resource of a type the pack reads. Never throws. */
export function recordInputs(args: ResourceValidationArgs): void {
    try {
        const kind = kindOfPulumiType(args.type);
        if (kind === undefined || kind === "provider") {
            return;
        }
        const records = recordsOf(deploymentTokenOf(args));
        if (records.read) {
            records.inputs.clear();
            records.read = false;
        }
        records.inputs.set(args.urn, rawPropsOf(args.props));
    } catch {
        // Without the record the stack policies read outputs alone: weaker at preview, never wrong.
    }
}

/** The inputs recorded in this deployment, by URN, for an AnalyzeStack call. */
export function recordedInputsFor(args: StackValidationArgs): (urn: string) => Readonly<Record<string, unknown>> | undefined {
    try {
        const records = recordsOf(deploymentTokenOf(args));
        records.read = true;
        return (urn) => records.inputs.get(urn);
    } catch {
        return () => undefined;
    }
}

export const INPUTS_POLICY: ResourceValidationPolicy = {
    name: INPUTS_POLICY_NAME,
    description:
        "Records the inputs the engine sends with each Alibaba Cloud resource at preview, so that the other policies can tell an input left unset from one not known yet. Reports nothing; disabling it makes those cases weaker at preview.",
    enforcementLevel: "advisory",
    validateResource: (args) => {
        if (kindOfPulumiType(args.type) === undefined) {
            args.notApplicable(`${INPUTS_POLICY_NAME} reads only the Alibaba Cloud resource types alicloud-eip-guard checks`);
        }
        recordInputs(args);
    },
};
