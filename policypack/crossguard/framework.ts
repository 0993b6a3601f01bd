// Everything the pack relies on in @pulumi/policy beyond its public, typed API, so that an upgrade
// breaks one visible place. test/crossguard/framework.test.ts checks each item against the installed
// version and fails naming the item that changed.
//
// 1. The proxy's target key. The server wraps every props object it hands a policy in
//    unknownCheckingProxy (proxy.js), which throws UnknownValueError when an unknown value is read;
//    the server then skips the whole policy with an advisory "can't run policy during preview". The
//    core must see raw values, sentinels included. The proxy's get trap hands out its target for the
//    key "__getSpecialProxyTarget" (proxy.js `getSpecialProxyTarget`, marked @internal). That target
//    is the plain object deserialize.js builds, secrets already unwrapped, of data properties only.
//    If it breaks: `rawPropsOf` copies the own data properties through property descriptors, which
//    the proxy (a get trap only) does not intercept: the same values, at the price of a copy.
// 2. The type gate. Before it deserialises the stack for a stack policy, the server reads
//    `__pulumiType` off its validateStack function (server.js makeAnalyzeStackRpcFun, through
//    policy.js getPulumiType) and skips the policy when no resource of that type is in the stack.
//    The public way to set it, validateStackResourcesOfType, takes a resource class and hands the
//    validation only the resources of that class; the pack gates on a type token and needs them all.
//    If it breaks: every policy deserialises every stack it is sent: the same verdicts, slower on
//    stacks without the gated type, and such policies no longer show as "not applicable".
// 3. The object form of reportViolation. The server's reporter (server.js makeReportViolationFun)
//    accepts {message, urn, enforcementLevel}, whose level overrides the policy's and whose message
//    goes out without the policy description; the typings declare only (message, urn).
//    If it breaks there is no fallback: a note that should be advisory could reach the engine at the
//    policy's level, mandatory for most, and fail a preview. The contract test must pass first.
// 4. The request token. The server deserialises the stack afresh for every policy, so nothing a
//    policy is given is shared between the policies of one AnalyzeStack request, except what comes
//    straight from the request message: `opts.aliases` of a resource is `getAliasesList()` of the
//    protobuf message (server.js getResourceOptions), the array that message holds, the same object
//    for every policy of a request and another one for every request.
//    If it breaks by copying: no two calls share a token, the model cache misses and every policy
//    builds its own model: correct, slower. If it broke by sharing one array across requests, the
//    cache would serve a model of an earlier stack: the contract test checks that it does not.
// 5. The deployment token. The server keeps the tags ConfigureStack sends (once per deployment, when
//    the engine starts the pack) in a frozen object it builds anew on every ConfigureStack
//    (server.js configureStack, freezeMap), and hands that same object to every Analyze and
//    AnalyzeStack call as `args.stackTags` until the next one. inputs.ts files the inputs recorded
//    from Analyze calls under it, so a process that serves several deployments (the harness's does;
//    the CLI starts a process per deployment) never reads one deployment's inputs in another.
//    If it breaks by a new object per call: no AnalyzeStack finds what Analyze recorded, and the
//    pack reads outputs alone, as it does without the recorder (the cases of docs/how-it-decides.md "How it decides
//    at preview" stay weaker at preview). If it breaks by one object for good: inputs.ts still
//    clears what an AnalyzeStack has read before recording a new deployment's.
// 6. The handlers. `new PolicyPack` serves the pack by calling `addService` of @grpc/grpc-js's Server
//    (the copy @pulumi/policy resolves) with @pulumi/pulumi's AnalyzerService and an object of
//    handlers (server.js serve), and grpc-js takes each handler from that object there and then.
//    `servingWith` replaces addService for the length of the constructor only, so the pack can run
//    each AnalyzeStack handler inside a scope of its own (async_hooks: the scope follows the
//    handler's awaits, so two requests that overlap never see each other's) and learn each
//    configuration the server's Configure handler applied (its callback without an error).
//    If it breaks: no handler runs in a scope, and every policy runs the ordinary way (floor.ts).
// 7. The skip. In its AnalyzeStack loop the server works out a policy's level first (server.js
//    makeAnalyzeStackRpcFun: the Configure level, else the policy's, else the pack's; remediate is
//    run as mandatory) and passes over a disabled policy without reading anything else of it. Then
//    it reads `validateStack` (policy.js isStackPolicy) and passes over a policy whose
//    validateStack is not a function, with no diagnostic and no not-applicable entry: the answer
//    the engine counts as passed (pulumi/pulumi pkg/resource/analyzer/summary.go), exactly what a
//    policy with nothing to report gets. Only after that does it deserialise the stack for it.
//    `withSkip` makes validateStack a getter the pack can answer with undefined.
//    If it breaks (the property read once and kept, or the policy copied): the getter is never
//    asked, and every policy runs the ordinary way.
// 8. Reporting for another policy. The object form of (3) also takes `name`, `description` and
//    `severity`, each replacing the reporting policy's in the diagnostic; a violation's message
//    is then not prefixed, so `reportAs` prefixes it with the description as the string form
//    does. The result is the diagnostic the named policy would have pushed itself.
// 9. The configuration. The server keeps what Configure sent as `{...properties, enforcementLevel}`
//    per policy name (server.js configure, with protoutil.js convertEnforcementLevel), starts with
//    none, and hands a policy those properties without the level (makeGetConfigFun), or {}.
//    `appliedConfigOf` reads a Configure request the same way, with the same functions.

import { AsyncLocalStorage } from "async_hooks";
import * as path from "path";

import type { ReportViolation, ResourceValidationArgs, StackValidation, StackValidationArgs } from "@pulumi/policy";

/** The key the framework's props proxy answers with its target (1). */
export const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

/** The property of a validation function the server reads as its type gate (2). */
const TYPE_GATE_KEY = "__pulumiType";

/** The target of a framework props proxy, or undefined when `props` does not hand one out. */
export function proxyTargetOf(props: unknown): Record<string, unknown> | undefined {
    if (typeof props !== "object" || props === null) {
        return undefined;
    }
    let target: unknown;
    try {
        target = (props as Record<string, unknown>)[PROXY_TARGET_KEY];
    } catch {
        return undefined;
    }
    if (typeof target === "object" && target !== null && !Array.isArray(target) && target !== props) {
        return target as Record<string, unknown>;
    }
    return undefined;
}

/** A copy of the own data properties of `props`, read without going through a proxy's get trap. */
export function ownDataPropsOf(props: object): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    for (const key of Object.keys(props)) {
        const descriptor = Object.getOwnPropertyDescriptor(props, key);
        if (descriptor !== undefined && "value" in descriptor) {
            raw[key] = descriptor.value;
        }
    }
    return raw;
}

/** The raw own properties of a (possibly proxied) props object; never throws on unknowns. */
export function rawPropsOf(props: unknown): Record<string, unknown> {
    if (typeof props !== "object" || props === null) {
        return {};
    }
    return proxyTargetOf(props) ?? ownDataPropsOf(props);
}

/** `validate`, which the server skips cheaply for a stack without a resource of `type`. */
export function withTypeGate(validate: StackValidation, type: string): StackValidation {
    (validate as StackValidation & Record<typeof TYPE_GATE_KEY, string>)[TYPE_GATE_KEY] = type;
    return validate;
}

/** The type a validation function is gated on, if any. */
export function typeGateOf(validate: StackValidation): string | undefined {
    const type = (validate as StackValidation & Partial<Record<typeof TYPE_GATE_KEY, unknown>>)[TYPE_GATE_KEY];
    return typeof type === "string" ? type : undefined;
}

/** Reports `message` as advisory whatever the policy's level, without the policy description. */
export function reportAdvisory(report: ReportViolation, message: string, urn: string | undefined): void {
    const advisory = { message, urn, enforcementLevel: "advisory" };
    (report as unknown as (diagnostic: typeof advisory) => void)(advisory);
}

/**
 * An object that is the same for every policy of one AnalyzeStack request and differs between
 * requests; undefined when the request offers none (no resources, or options in another shape).
 */
export function requestTokenOf(args: StackValidationArgs): object | undefined {
    try {
        const aliases = args.resources[0]?.opts?.aliases;
        return typeof aliases === "object" && aliases !== null ? aliases : undefined;
    } catch {
        return undefined;
    }
}

/**
 * An object that is the same for every call of one deployment (from one ConfigureStack to the next)
 * and differs between deployments (5); undefined when the arguments carry none.
 */
export function deploymentTokenOf(args: ResourceValidationArgs | StackValidationArgs): object | undefined {
    try {
        const tags: unknown = args.stackTags;
        return typeof tags === "object" && tags !== null ? tags : undefined;
    } catch {
        return undefined;
    }
}

/** The level the server reports a policy's violations at (7): never "remediate" for a stack policy. */
export function levelOf(config: Readonly<Record<string, unknown>> | undefined, policyLevel: string | undefined, packLevel = "advisory"): string {
    // The server keeps the level as convertEnforcementLevel gave it: a string, or nothing.
    const configured = typeof config?.enforcementLevel === "string" ? config.enforcementLevel : undefined;
    const level = configured || policyLevel || packLevel;
    return level === "remediate" ? "mandatory" : level;
}

/** What the server's `args.getConfig()` returns for a policy configured with `config` (9). */
export function propertiesOf(config: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
    if (config === undefined) {
        return {};
    }
    const { enforcementLevel: _level, ...properties } = config;
    return properties;
}

/** Reports a finding as the policy described by `as` would through its own reporter (8). */
export function reportAs(
    report: ReportViolation,
    as: { readonly name: string; readonly description: string; readonly severity?: string; readonly level: string },
    message: string,
    urn: string | undefined,
    advisory: boolean,
): void {
    const diagnostic: Record<string, string | undefined> = {
        name: as.name,
        description: as.description,
        severity: as.severity,
        enforcementLevel: advisory ? "advisory" : as.level,
        message: advisory ? message : message ? `${as.description}\n${message}` : as.description,
        urn,
    };
    (report as unknown as (diagnostic: Record<string, string | undefined>) => void)(diagnostic);
}

/** `policy`, whose validateStack reads as undefined whenever `skip()` says so (7); never throws. */
export function withSkip<P extends { validateStack?: StackValidation }>(policy: P, skip: () => boolean): P {
    const validate = policy.validateStack;
    Object.defineProperty(policy, "validateStack", {
        enumerable: true,
        configurable: true,
        get: () => {
            try {
                return skip() ? undefined : validate;
            } catch {
                return validate;
            }
        },
    });
    return policy;
}

/** @pulumi/policy's own copy of a module it requires (6, 9). */
function fromPolicy(id: string): unknown {
    const policyDir = path.dirname(require.resolve("@pulumi/policy/server"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve(id, { paths: [policyDir] }));
}

type Callback = (error: unknown, response?: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => unknown;

export interface ServingHooks<S> {
    /** The scope an AnalyzeStack request runs in; undefined runs it without one. */
    scopeFor(): S | undefined;
    /** A Configure request the server has applied. */
    configured(request: unknown): void;
}

/** The pack's scope of the AnalyzeStack request being served here, if any (6). */
export class RequestScopes<S> {
    private readonly storage = new AsyncLocalStorage<S>();

    current(): S | undefined {
        return this.storage.getStore();
    }

    run<T>(scope: S | undefined, fn: () => T): T {
        return scope === undefined ? fn() : this.storage.run(scope, fn);
    }
}

/** The handlers `implementation` with AnalyzeStack run in a scope and Configure reported (6). */
function hooked<S>(implementation: Record<string, unknown>, scopes: RequestScopes<S>, hooks: ServingHooks<S>): Record<string, unknown> {
    const analyzeStack = implementation.analyzeStack as Handler | undefined;
    const configure = implementation.configure as Handler | undefined;
    if (typeof analyzeStack !== "function" || typeof configure !== "function") {
        return implementation;
    }
    return {
        ...implementation,
        analyzeStack: (call: { request: unknown }, callback: Callback) => {
            let scope: S | undefined;
            try {
                scope = hooks.scopeFor();
            } catch {
                scope = undefined;
            }
            return scopes.run(scope, () => analyzeStack.call(implementation, call, callback));
        },
        configure: (call: { request: unknown }, callback: Callback) =>
            configure.call(implementation, call, (error: unknown, response?: unknown) => {
                if (!error) {
                    try {
                        hooks.configured(call.request);
                    } catch {
                        // The hook decides what an unreadable configuration means; the answer goes out regardless.
                    }
                }
                callback(error, response);
            }),
    };
}

/**
 * Runs `construct` (the `new PolicyPack`) with the server's handlers hooked (6); returns whether
 * they were. Whatever fails, `construct` runs, once, and grpc-js is left as it was.
 */
export function servingWith<S>(scopes: RequestScopes<S>, hooks: ServingHooks<S>, construct: () => void): boolean {
    let prototype: { addService: (service: unknown, implementation: unknown) => unknown } | undefined;
    let service: unknown;
    try {
        prototype = (fromPolicy("@grpc/grpc-js") as { Server: { prototype: typeof prototype } }).Server.prototype;
        service = (fromPolicy("@pulumi/pulumi/proto/analyzer_grpc_pb") as { AnalyzerService: unknown }).AnalyzerService;
    } catch {
        prototype = undefined;
    }
    const original = prototype?.addService;
    if (prototype === undefined || typeof original !== "function") {
        construct();
        return false;
    }
    let hookedOnce = false;
    prototype.addService = function (this: unknown, target: unknown, implementation: unknown) {
        if (target === service && typeof implementation === "object" && implementation !== null) {
            const replaced = hooked(implementation as Record<string, unknown>, scopes, hooks);
            hookedOnce = replaced !== implementation;
            return original.call(this, target, replaced);
        }
        return original.call(this, target, implementation);
    };
    try {
        construct();
    } finally {
        prototype.addService = original;
    }
    return hookedOnce;
}

/** The configuration the server keeps after it applied Configure `request`, per policy (9); throws where it would. */
export function appliedConfigOf(request: unknown): Map<string, Record<string, unknown>> {
    const { convertEnforcementLevel } = fromPolicy("./protoutil") as { convertEnforcementLevel: (level: unknown) => string };
    type Entry = { getProperties(): { toJavaScript(): Record<string, unknown> }; getEnforcementlevel(): unknown };
    const map = (request as { getPolicyconfigMap(): { entries(): Iterable<[string, Entry]> } }).getPolicyconfigMap();
    const config = new Map<string, Record<string, unknown>>();
    for (const [name, entry] of map.entries()) {
        const properties = entry.getProperties().toJavaScript();
        properties.enforcementLevel = convertEnforcementLevel(entry.getEnforcementlevel());
        config.set(name, properties);
    }
    return config;
}
