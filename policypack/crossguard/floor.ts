// One deserialisation of the stack per AnalyzeStack request, however many policies the pack has.
//
// @pulumi/policy deserialises the whole stack again for every stack policy it runs, and that is
// nearly all an AnalyzeStack costs. The first of the pack's policies to run in a request builds
// the model every rule reads (policies.ts modelOf). From there on the pack answers each later
// policy from that model when the server comes to it: the policy's validateStack reads as
// undefined (framework.ts 7), so the server passes over it without deserialising anything, and
// the pack has just reported, through the reporter of the policy that built the model, the very
// diagnostics the policy would have reported itself (framework.ts 8), at the level the server
// would have given it (framework.ts 9), in the place in the answer they would have taken.
//
// What the engine and Pulumi Cloud see stays what they see on the ordinary path: a policy that has
// nothing to report is passed over without a diagnostic and without a not-applicable entry, which
// the engine counts as passed, as it does when the policy runs and finds nothing; a policy whose
// type gate finds no resource of its type is still left to the server, which says it is not
// applicable, as it always did; a disabled policy is never asked.
//
// In doubt, the ordinary path, policy by policy: outside a request scope (framework.ts 6), with
// EIP_GUARD_ORDINARY=1, when the configuration the pack mirrored is not what the server gave the
// policy that built the model, after a Configure in the middle of the request, or when anything
// fails before a policy's findings are reported.

import type { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { isDeepStrictEqual } from "util";
import { Model } from "../core/model";
import { Finding, Rule } from "../core/rule";
import { adaptHeapGrowth } from "./memory";
import { RequestScopes, ServingHooks, appliedConfigOf, levelOf, propertiesOf, reportAs, requestTokenOf } from "./framework";

/** Set to 1, the pack runs every policy the ordinary way: the path the fast one is compared with. */
export const ORDINARY_VARIABLE = "EIP_GUARD_ORDINARY";

/** What the policy that built the model leaves for the policies after it in its request. */
interface Shared {
    readonly model: Model;
    readonly report: ReportViolation;
    /** The resource types of the request, as the server's type gate checks them. */
    readonly types: ReadonlySet<string>;
    /** The position of the policy that built the model: only the policies after it are answered. */
    readonly after: number;
    /** The Configure the answers are made with. */
    readonly generation: number;
}

interface Scope {
    shared?: Shared;
    /** Set when the request is served the ordinary way from here on. */
    ordinary: boolean;
    readonly answered: Set<string>;
}

/** How many Configure calls the server has applied; a request that sees it change stops sharing. */
let generation = 0;

/** The configuration the server holds (none before the first Configure); undefined when unreadable. */
let applied: ReadonlyMap<string, Record<string, unknown>> | undefined = new Map();

export const scopes = new RequestScopes<Scope>();

export function ordinaryPath(env: NodeJS.ProcessEnv = process.env): boolean {
    return env[ORDINARY_VARIABLE] === "1";
}

/** What the pack hooks into the server (framework.ts 6, policypack/index.ts). */
export const SERVING_HOOKS: ServingHooks<Scope> = {
    scopeFor: () => {
        if (ordinaryPath()) {
            return undefined;
        }
        // Decided at every request, not only when a policy runs: a request no policy applies to
        // (a stack without alicloud resources) must not inherit the bound a large stack set.
        adaptHeapGrowth();
        return { ordinary: false, answered: new Set() };
    },
    configured: (request) => {
        generation++;
        try {
            applied = appliedConfigOf(request);
        } catch {
            applied = undefined;
        }
    },
};

function typesOf(args: StackValidationArgs): Set<string> {
    const types = new Set<string>();
    for (const resource of args.resources) {
        types.add(resource.type);
    }
    return types;
}

/**
 * Called by a policy that ran with the model of its request: the first to run in a request scope
 * offers the model to the policies after it, if the pack's mirror of the configuration agrees with
 * what the server gave this policy. Never throws.
 */
export function offerModel(rule: Rule, position: number, args: StackValidationArgs, model: Model, report: ReportViolation): void {
    const scope = scopes.current();
    if (scope === undefined || scope.ordinary || scope.shared !== undefined) {
        return;
    }
    try {
        // Without a request token every policy builds a model of its own on the ordinary path, and says what no policy could see again.
        const mirrored = applied !== undefined && isDeepStrictEqual(args.getConfig(), propertiesOf(applied.get(rule.name)));
        if (mirrored && requestTokenOf(args) !== undefined) {
            scope.shared = { model, report, types: typesOf(args), after: position, generation };
            return;
        }
    } catch {
        // Fall through: this request is served the ordinary way.
    }
    scope.ordinary = true;
}

/**
 * Whether the policy of `rule` at `position` has been answered from its request's model, its
 * findings reported for it; false leaves it to the server. `gate` is its type gate, `evaluate`
 * gives its findings on a model with a configuration.
 */
export function answeredFromModel(
    rule: Rule,
    position: number,
    gate: string | undefined,
    evaluate: (model: Model, config: Readonly<Record<string, unknown>>) => Finding[],
): boolean {
    const scope = scopes.current();
    const shared = scope?.shared;
    if (scope === undefined || shared === undefined || scope.ordinary || position <= shared.after) {
        return false;
    }
    if (scope.answered.has(rule.name)) {
        return true;
    }
    const config = applied?.get(rule.name);
    if (shared.generation !== generation || applied === undefined || (gate !== undefined && !shared.types.has(gate))) {
        return false;
    }
    const findings = evaluate(shared.model, propertiesOf(config));
    const as = { name: rule.name, description: rule.description, severity: rule.severity, level: levelOf(config, rule.enforcementLevel) };
    scope.answered.add(rule.name);
    try {
        for (const finding of findings) {
            reportAs(shared.report, as, finding.message, finding.resource, finding.outcome !== "violation");
        }
    } catch {
        // Unreachable (the server's reporter only appends); running the policy now could report twice.
    }
    return true;
}
