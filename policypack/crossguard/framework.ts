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
