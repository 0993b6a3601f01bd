// The rules as CrossGuard stack policies: one policy per rule, named after it.
//
// Every policy validates the stack as the engine sends it after a preview or an update: outputs,
// with unknown values at preview, and the dependencies of every property, which is how an unknown
// `allocationId` is traced to its EIP; with each resource's inputs where the engine's Analyze calls
// recorded them (inputs.ts). A violation is reported at the policy's configured level; a note that
// something could not be decided is reported as advisory whatever that level is. What a policy
// reports is fitted into its share of the answer the CLI accepts (answer.ts).

import type { PolicyConfigSchema, ReportViolation, ResourceValidationPolicy, StackValidation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { describe } from "../core/describe";
import { coverageFindingsOnce } from "../core/coverage";
import { withInvolvedNamed } from "../core/involved";
import { runRule } from "../core/engine";
import { Model } from "../core/model";
import { POLICY_DOCS_URL, evaluationDate } from "../core/pack";
import { ResourceKind } from "../core/resources";
import { ALICLOUD_PROVIDER_TYPE, EIP_ASSOCIATION_TYPE } from "../pulumi/types";
import { PULUMI_WORDS } from "../pulumi/words";
import { Finding, Rule, RuleOption } from "../core/rule";
import { RULES } from "../core/rules";
import { fromPolicyResources } from "./adapter";
import { ANSWER_BUDGET, fitAnswer } from "./answer";
import { INPUTS_POLICY, recordedInputsFor } from "./inputs";
import { answeredFromModel, offerModel } from "./floor";
import { reportAdvisory, requestTokenOf, typeGateOf, withSkip, withTypeGate } from "./framework";
import { adaptHeapGrowth } from "./memory";

/**
 * The type the framework's fast path checks before deserialising the stack for a policy: when no
 * resource of that type is in the stack, the policy is skipped at almost no cost. A rule that needs
 * an EipAssociation gates on that type; one that can fire on ALB/NLB zone mappings alone gates on
 * the alicloud provider, which the engine puts in every stack that has any alicloud resource.
 */
export function gateTypeOf(requires: readonly ResourceKind[]): string {
    return requires.length === 1 && requires[0] === "eipAssociation" ? EIP_ASSOCIATION_TYPE : ALICLOUD_PROVIDER_TYPE;
}

/** The `exemptions` option every policy takes (see core/waivers.ts). */
export const EXEMPTIONS_SCHEMA = {
    type: "array",
    description:
        "Violations to accept for named resources: each a resource (a Pulumi name, URN, or a glob of either with * and ?), a reason, and an ISO date on which the waiver expires. A waived violation is reported as advisory with its reason; after expiry it is enforced again.",
    default: [],
    items: {
        type: "object",
        properties: {
            resource: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: 1 },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}" },
        },
        required: ["resource", "reason", "expires"],
        additionalProperties: false,
    },
} as const;

/** The JSON schema of one option, as the Pulumi CLI validates it before the pack sees it. */
function optionSchema(option: RuleOption): PolicyConfigSchema["properties"][string] {
    switch (option.type) {
        case "integer":
            return { type: "integer", default: option.default, minimum: option.minimum, maximum: option.maximum, description: option.description };
        case "boolean":
            return { type: "boolean", default: option.default, description: option.description };
        case "object": {
            const fields = Object.fromEntries(
                Object.entries(option.fields).map(([field, bounds]) => [
                    field,
                    { type: "integer", minimum: bounds.minimum, maximum: bounds.maximum, description: bounds.description },
                ]),
            );
            const entry = { type: "object", properties: fields, additionalProperties: false, minProperties: 1 };
            return { type: "object", default: option.default, additionalProperties: entry, description: option.description } as unknown as PolicyConfigSchema["properties"][string];
        }
    }
}

export function configSchemaOf(rule: Rule): PolicyConfigSchema {
    const properties: PolicyConfigSchema["properties"] = { exemptions: EXEMPTIONS_SCHEMA as unknown as PolicyConfigSchema["properties"][string] };
    for (const [key, option] of Object.entries(rule.options)) {
        properties[key] = optionSchema(option);
    }
    return { properties };
}

/** Sends findings to the framework: violations at the policy's level, everything else as advisory. */
export function reportFindings(findings: readonly Finding[], reportViolation: ReportViolation): void {
    for (const finding of findings) {
        if (finding.outcome === "violation") {
            reportViolation(finding.message, finding.resource);
        } else {
            reportAdvisory(reportViolation, finding.message, finding.resource);
        }
    }
}

/**
 * The model of the stack an AnalyzeStack request carries, built once for all the pack's policies
 * although the framework deserialises the stack afresh for every one of them. The cache is keyed on
 * the request (`requestTokenOf`, framework.ts), so it is exact even if two requests were
 * interleaved; a request without a token gets a model per policy.
 */
const models = new WeakMap<object, Model>();

export function modelOf(args: StackValidationArgs): Model {
    const token = requestTokenOf(args);
    const cached = token === undefined ? undefined : models.get(token);
    if (cached !== undefined) {
        return cached;
    }
    const model = new Model(fromPolicyResources(args.resources, recordedInputsFor(args)));
    if (token !== undefined) {
        models.set(token, model);
    }
    return model;
}

/** Each policy's share of the answer's budget (answer.ts). */
export const POLICY_ANSWER_BUDGET = Math.floor(ANSWER_BUDGET / RULES.length);

/**
 * A policy's findings, each naming the resources it involves, fitted into its share of the answer;
 * as found if that fails, never fewer.
 */
function fittedOrAsFound(findings: Finding[], model: Model, rule: Rule): Finding[] {
    try {
        const nameOf = (address: string) => {
            const resource = model.byAddress(address);
            return resource === undefined ? undefined : describe(resource);
        };
        const named = findings.map((finding) => withInvolvedNamed(finding, nameOf));
        return fitAnswer(named, nameOf, rule.description, POLICY_ANSWER_BUDGET);
    } catch {
        return findings;
    }
}

/** What a policy reports on a model with its configuration, fitted into its share of the answer. */
function findingsOf(rule: Rule, model: Model, config: unknown): Finding[] {
    // The first policy to run for a request also says what no policy could see (coverage.ts).
    const findings = [...runRule(rule, model, config, evaluationDate(), PULUMI_WORDS), ...coverageFindingsOnce(model, rule.name)];
    return fittedOrAsFound(findings, model, rule);
}

/** `position` is the policy's place in the pack: the policies after the first to run are answered from its model (floor.ts). */
export function validateStackFor(rule: Rule, position = -1): StackValidation {
    const validate: StackValidation = (args: StackValidationArgs, reportViolation: ReportViolation) => {
        adaptHeapGrowth();
        let model: Model;
        let findings: Finding[];
        try {
            model = modelOf(args);
            findings = findingsOf(rule, model, args.getConfig());
        } catch {
            return; // Unreachable by design (both calls catch what they can); never fail the preview.
        }
        reportFindings(findings, reportViolation);
        if (position >= 0) {
            offerModel(rule, position, args, model, reportViolation);
        }
    };
    return withTypeGate(validate, gateTypeOf(rule.requires));
}

export function policyFor(rule: Rule, position = -1): StackValidationPolicy {
    const validateStack = validateStackFor(rule, position);
    const policy: StackValidationPolicy = {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel,
        severity: rule.severity,
        remediationSteps: rule.remediationSteps,
        url: `${POLICY_DOCS_URL}#${rule.name}`,
        tags: [...rule.tags],
        configSchema: configSchemaOf(rule),
        validateStack,
    };
    if (position < 0) {
        return policy;
    }
    const gate = typeGateOf(validateStack);
    return withSkip(policy, () => answeredFromModel(rule, position, gate, (model, config) => findingsOf(rule, model, config)));
}

export const POLICIES: StackValidationPolicy[] = RULES.map((rule, position) => policyFor(rule, position));

/** What the pack serves: a stack policy per rule, then the recorder of inputs (inputs.ts). */
export const PACK_POLICIES: (StackValidationPolicy | ResourceValidationPolicy)[] = [...POLICIES, INPUTS_POLICY];
