// What a rule is: metadata that forms the public contract (name, level, options), and a check that
// reads the model and returns findings. Front ends turn these into CrossGuard policies, CLI output
// or anything else; a rule never knows which.

import { Model } from "./model";
import { ResourceInput, ResourceKind } from "./resources";
import { CORE_WORDS, Vocabulary, renderTerms } from "./terms";
import type { RULES } from "./rules";

/** The name of a policy of the pack: one of the names in the registry (rules/index.ts). */
export type PolicyName = (typeof RULES)[number]["name"];

export type Outcome =
    /** The plan will be refused by Alibaba Cloud: reported at the policy's enforcement level. */
    | "violation"
    /** The rule could not decide (a value it needs is unknowable before deployment): advisory only. */
    | "undecided"
    /** A violation a waiver accepts: advisory, with the waiver's reason and expiry. */
    | "waived"
    /** Something about the configuration or the waivers the user should know: advisory. */
    | "notice";

export interface Finding {
    readonly policy: PolicyName;
    readonly outcome: Outcome;
    /** The address (URN) the finding is attached to; undefined for a finding about the whole stack. */
    readonly resource?: string;
    /** Addresses of every resource involved, the attached one included. */
    readonly involved: readonly string[];
    readonly message: string;
    /**
     * What the finding says, apart from the resources it names: the rule's id for the message it was
     * written from. Many findings of one policy, outcome and cause may be reported as one
     * (aggregate.ts). Undefined only for findings whose number does not grow with the stack
     * (configuration notices).
     */
    readonly cause?: string;
    /** How many findings of this cause this one stands for, when it was aggregated (aggregate.ts). */
    readonly count?: number;
}

/** An option a user may set for a policy (`--policy-pack-config`). */
export interface IntegerOption {
    readonly type: "integer";
    readonly default: number;
    readonly minimum: number;
    readonly maximum: number;
    readonly description: string;
}

export interface BooleanOption {
    readonly type: "boolean";
    readonly default: boolean;
    readonly description: string;
}

/** A bound on one number of a table entry. */
export interface TableField {
    readonly minimum: number;
    readonly maximum: number;
    readonly description: string;
}

/**
 * A table a user may add to or override: entries keyed by a name the user chooses (an instance
 * type), each giving one or more whole numbers of `fields`. Empty by default.
 */
export interface TableOption {
    readonly type: "object";
    readonly default: Readonly<Record<string, never>>;
    readonly fields: Readonly<Record<string, TableField>>;
    readonly description: string;
}

export type RuleOption = IntegerOption | BooleanOption | TableOption;

/** A table option's value: by entry name, the numbers the user gave. */
export type TableValue = Readonly<Record<string, Readonly<Record<string, number>>>>;

export type OptionValues<O extends Record<string, RuleOption>> = {
    readonly [K in keyof O]: O[K] extends IntegerOption ? number : O[K] extends TableOption ? TableValue : boolean;
};

export interface RuleContext<O extends Record<string, RuleOption>> {
    readonly model: Model;
    readonly options: OptionValues<O>;
    readonly report: Reporter;
}

export interface Rule<O extends Record<string, RuleOption> = Record<string, RuleOption>, N extends string = PolicyName> {
    /** The policy's name: a public contract (config keys, waivers, docs anchors). */
    readonly name: N;
    readonly description: string;
    /** The FAQ sentence (or the documented fact) the rule enforces, quoted in docs/policies.md. */
    readonly faq: string;
    /** What the rule rejects, one case per entry, for docs/policies.md. */
    readonly rejects: readonly string[];
    readonly enforcementLevel: "mandatory" | "advisory";
    readonly severity: "low" | "medium" | "high" | "critical";
    readonly remediationSteps: string;
    readonly tags: readonly string[];
    readonly options: O;
    /**
     * Kinds of which at least one must be in the plan for the rule to find anything; a front end
     * may skip the rule cheaply when none is present.
     */
    readonly requires: readonly ResourceKind[];
    check(context: RuleContext<O>): void;
}

/**
 * Collects a rule's findings; keeps messages consistent and never reports one thing twice.
 *
 * Every finding names its cause: an id, unique within the rule, of the message template it comes
 * from ("bound-twice"), so that a front end can report many findings of one cause as one.
 */
export class Reporter {
    readonly findings: Finding[] = [];
    private readonly seen = new Set<string>();

    /** `words` renders the terms in messages (terms.ts) in the words of the input. */
    constructor(
        private readonly policy: PolicyName,
        private readonly words: Vocabulary = CORE_WORDS,
    ) {}

    violation(resource: ResourceInput, message: string, involved: readonly ResourceInput[], cause: string): void {
        this.add("violation", resource, message, involved, cause);
    }

    /** A note that something could not be decided; `resource` undefined for the whole stack. */
    undecided(resource: ResourceInput | undefined, message: string, involved: readonly ResourceInput[], cause: string): void {
        this.add("undecided", resource, message, involved, cause);
    }

    private add(outcome: Outcome, resource: ResourceInput | undefined, text: string, involved: readonly ResourceInput[], cause: string): void {
        const message = renderTerms(text, this.words);
        const key = `${outcome}\u0000${resource?.address ?? ""}\u0000${message}`;
        if (this.seen.has(key)) {
            return;
        }
        this.seen.add(key);
        // Messages may open with a phrase such as "the cn-hangzhou-a zone mapping"; "vSwitch" stays as it is.
        const sentence = /^[a-z]+[\s,]/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message;
        const addresses = new Set([...(resource ? [resource.address] : []), ...involved.map((r) => r.address)]);
        this.findings.push({ policy: this.policy, outcome, resource: resource?.address, involved: [...addresses], message: sentence, cause });
    }
}

/** Declares a rule; its literal name becomes part of PolicyName once it is listed in RULES. */
export function defineRule<N extends string, O extends Record<string, RuleOption>>(rule: Rule<O, N>): Rule<O, N> {
    return rule;
}
