// Plays the Pulumi engine's part towards a policy pack: starts the pack the way the CLI does and
// speaks the analyzer gRPC protocol to it, in the engine's call order.
//
// The CLI runs `node <@pulumi/pulumi/cmd/run-policy-pack> <engine-address> <pack-dir>` in the pack
// directory and reads the port of the pack's gRPC server from the first line of its stdout. It then
// calls ConfigureStack, GetAnalyzerInfo, Configure (every policy with its level and its config,
// defaults filled in from the schema, after checking the configuration as the CLI does), Analyze for
// each resource's inputs as it is registered, and AnalyzeStack with every resource's outputs at the
// end of a preview or an update.

import { ChildProcess, spawn } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { PolicyConfig, reconcile } from "./policy-config";
import { SHUFFLE_SEED_VARIABLE, seedFor, shuffleSeed, shuffled } from "./shuffle";

// The protocol stubs, and the grpc-js and google-protobuf copies they were generated against: every
// message must be built with the very classes the stubs use (serializers check `instanceof`).
const protoDir = path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb"));
const fromProto = (id: string) => require(require.resolve(id, { paths: [protoDir] }));
const analyzerpb = fromProto("./analyzer_pb");
const analyzerrpc = fromProto("./analyzer_grpc_pb");
const grpc = fromProto("@grpc/grpc-js");
const structpb = fromProto("google-protobuf/google/protobuf/struct_pb");

/** The most the Pulumi CLI accepts in an answer from a Node policy pack: grpc-go's default, 4 MiB. */
export const CLI_RECEIVE_LIMIT = 4 * 1024 * 1024;

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";
const LEVEL_NAMES: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
const SEVERITY_NAMES = ["unspecified", "low", "medium", "high", "critical"];

/** A resource as the engine describes it to an analyzer. Property values may hold unknown sentinels. */
export interface EngineResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Inputs for Analyze, outputs for AnalyzeStack. */
    readonly properties: Record<string, unknown>;
    readonly parent?: string;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly provider?: { readonly urn: string; readonly type: string; readonly name: string; readonly properties: Record<string, unknown> };
    readonly protect?: boolean;
}

export interface Diagnostic {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly policyPackVersion: string;
    readonly description: string;
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly urn: string;
    readonly severity: string;
}

export interface AnalyzeResult {
    readonly diagnostics: Diagnostic[];
    readonly notApplicable: { policyName: string; reason: string }[];
    /** The size of the encoded answer, for AnalyzeStack: what counts against CLI_RECEIVE_LIMIT. */
    readonly answerBytes?: number;
}

export interface PolicyDescription {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: string;
    readonly remediationSteps: string;
    readonly url: string;
    readonly tags: string[];
    readonly configSchema?: { properties: Record<string, any>; required: string[] };
}

export interface AnalyzerDescription {
    readonly name: string;
    readonly displayName: string;
    readonly version: string;
    readonly supportsConfig: boolean;
    readonly description: string;
    readonly provider: string;
    readonly tags: string[];
    readonly policies: PolicyDescription[];
    /** The pack's own configuration (`new PolicyPack(name, args, initialConfig)`), applied before the user's. */
    readonly initialConfig: ReadonlyMap<string, PolicyConfig>;
}

/**
 * What a user passes with `--policy-pack-config`: per policy (or `all`) a level, or an object with
 * `enforcementLevel` and options. The harness checks it as the CLI does (see policy-config.ts).
 */
export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface StackIdentity {
    readonly stack: string;
    readonly project: string;
    readonly organization: string;
    readonly dryRun: boolean;
    readonly tags?: Record<string, string>;
}

function toStruct(value: Record<string, unknown>): unknown {
    return structpb.Struct.fromJavaScript(value);
}

function options(resource: EngineResource): unknown {
    const opts = new analyzerpb.AnalyzerResourceOptions();
    opts.setProtect(resource.protect ?? false);
    opts.setCustomtimeouts(new analyzerpb.AnalyzerResourceOptions.CustomTimeouts());
    if (resource.parent) {
        opts.setParent(resource.parent);
    }
    return opts;
}

function provider(resource: EngineResource): unknown {
    if (resource.provider === undefined) {
        return undefined;
    }
    const p = new analyzerpb.AnalyzerProviderResource();
    p.setUrn(resource.provider.urn);
    p.setType(resource.provider.type);
    p.setName(resource.provider.name);
    p.setProperties(toStruct(resource.provider.properties));
    return p;
}

function stackResource(resource: EngineResource): unknown {
    const r = new analyzerpb.AnalyzerResource();
    r.setUrn(resource.urn);
    r.setType(resource.type);
    r.setName(resource.name);
    r.setProperties(toStruct(resource.properties));
    r.setOptions(options(resource));
    const p = provider(resource);
    if (p !== undefined) {
        r.setProvider(p);
    }
    if (resource.parent) {
        r.setParent(resource.parent);
    }
    r.setDependenciesList([...(resource.dependencies ?? [])]);
    const map = r.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
        const deps = new analyzerpb.AnalyzerPropertyDependencies();
        deps.setUrnsList([...urns]);
        map.set(key, deps);
    }
    return r;
}

function analyzeRequest(resource: EngineResource): unknown {
    const request = new analyzerpb.AnalyzeRequest();
    request.setUrn(resource.urn);
    request.setType(resource.type);
    request.setName(resource.name);
    request.setProperties(toStruct(resource.properties));
    request.setOptions(options(resource));
    const p = provider(resource);
    if (p !== undefined) {
        request.setProvider(p);
    }
    return request;
}

/** The wire form of an Analyze (or Remediate) request, for `analyzeEncoded`. */
export function encodeAnalyze(resource: EngineResource): Buffer {
    return Buffer.from((analyzeRequest(resource) as { serializeBinary(): Uint8Array }).serializeBinary());
}

/** An Analyze request as a pack's gRPC server hands it to its handler (see `receivedAnalyzeStack`). */
export function receivedAnalyze(resource: EngineResource): unknown {
    const bytes = (analyzeRequest(resource) as { serializeBinary(): Uint8Array }).serializeBinary();
    return analyzerrpc.AnalyzerService.analyze.requestDeserialize(Buffer.from(bytes));
}

function analyzeStackRequest(resources: readonly EngineResource[]): unknown {
    const request = new analyzerpb.AnalyzeStackRequest();
    request.setResourcesList(resources.map(stackResource));
    return request;
}

/** The order in which AnalyzeStack sends `resources` for `seed`: a permutation drawn from both. */
export function stackOrder<T extends EngineResource>(resources: readonly T[], seed: number): T[] {
    return shuffled(
        resources,
        seedFor(
            seed,
            resources.map((resource) => resource.urn),
        ),
    );
}

/** The wire form of an AnalyzeStack request, for `analyzeStackEncoded`. */
export function encodeAnalyzeStack(resources: readonly EngineResource[]): Buffer {
    return Buffer.from((analyzeStackRequest(resources) as { serializeBinary(): Uint8Array }).serializeBinary());
}

/**
 * An AnalyzeStack request as a pack's gRPC server hands it to its handler: encoded as the engine
 * sends it and decoded by the service's own deserialiser, for tests that call the handler in-process.
 */
export function receivedAnalyzeStack(resources: readonly EngineResource[]): unknown {
    return analyzerrpc.AnalyzerService.analyzeStack.requestDeserialize(encodeAnalyzeStack(resources));
}

/** What an AnalyzeResponse message says, in this harness's terms. */
export function readResult(response: any): AnalyzeResult {
    return {
        diagnostics: response.getDiagnosticsList().map((d: any) => ({
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            policyPackVersion: d.getPolicypackversion(),
            description: d.getDescription(),
            message: d.getMessage(),
            enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()] ?? "advisory",
            urn: d.getUrn(),
            severity: SEVERITY_NAMES[d.getSeverity()] ?? "unspecified",
        })),
        notApplicable: response.getNotApplicableList().map((n: any) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
}

export interface ConfigureOptions {
    /**
     * `false` sends options the CLI would refuse (the schema check only; levels are still checked),
     * to test the pack's own tolerance of them: the CLI never sends such a configuration.
     */
    readonly validate?: boolean;
}

/**
 * Set to 1 (the test suite sets it, test/support/compare-paths.ts), every client of this pack also
 * starts a twin on the ordinary path (EIP_GUARD_ORDINARY=1, policypack/crossguard/floor.ts), sends
 * it every call it sends its pack, and fails any AnalyzeStack whose answer is not byte for byte the
 * twin's.
 */
export const COMPARE_PATHS_VARIABLE = "EIP_GUARD_COMPARE_PATHS";
const ORDINARY_VARIABLE = "EIP_GUARD_ORDINARY";

function isThisPack(packDir: string): boolean {
    try {
        return JSON.parse(readFileSync(path.join(packDir, "package.json"), "utf8")).name === "alicloud-eip-guard";
    } catch {
        return false;
    }
}

/** The answers of the two paths side by side, for a failure message. */
function describeDifference(fast: Buffer, ordinary: Buffer): string {
    const read = (buffer: Buffer) => JSON.stringify(readResult(analyzerrpc.AnalyzerService.analyzeStack.responseDeserialize(buffer)), null, 1);
    return `the fast path answered (${fast.length} bytes)\n${read(fast)}\nthe ordinary path (${ordinary.length} bytes)\n${read(ordinary)}`;
}

export interface StartOptions {
    /** Milliseconds to wait for the port; the pack is killed after. */
    readonly timeoutMs?: number;
    readonly env?: NodeJS.ProcessEnv;
    /** The seed of the AnalyzeStack order (shuffle.ts); by default EIP_GUARD_SHUFFLE_SEED or a fixed one. */
    readonly shuffleSeed?: number;
}

export interface AnalyzeStackOptions {
    /** This request's own order seed instead of the client's (to send one stack in several orders). */
    readonly seed?: number;
}

export class AnalyzerClient {
    private constructor(
        private readonly packDir: string,
        private readonly child: ChildProcess,
        private readonly client: any,
        /** Milliseconds from spawn to the port being announced. */
        readonly startupMs: number,
        private readonly stderr: () => string,
        /** The seed the AnalyzeStack orders are drawn from. */
        readonly shuffleSeed: number,
        /** The same pack on the ordinary path, when paths are compared (COMPARE_PATHS_VARIABLE). */
        private readonly twin?: AnalyzerClient,
    ) {}

    /** Starts the pack in `packDir` exactly as the Pulumi CLI does. */
    static async start(packDir: string, startOptions: StartOptions = {}): Promise<AnalyzerClient> {
        const env = startOptions.env ?? process.env;
        const compare = process.env[COMPARE_PATHS_VARIABLE] === "1" && env[ORDINARY_VARIABLE] !== "1" && isThisPack(packDir);
        const seed = startOptions.shuffleSeed ?? shuffleSeed();
        const client = await AnalyzerClient.startOne(packDir, { ...startOptions, shuffleSeed: seed });
        if (!compare) {
            return client;
        }
        try {
            const twin = await AnalyzerClient.startOne(packDir, { ...startOptions, shuffleSeed: seed, env: { ...env, [ORDINARY_VARIABLE]: "1" } });
            return new AnalyzerClient(packDir, client.child, client.client, client.startupMs, client.stderr, seed, twin);
        } catch (error) {
            await client.close();
            throw error;
        }
    }

    private static async startOne(packDir: string, startOptions: StartOptions): Promise<AnalyzerClient> {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
        const began = process.hrtime.bigint();
        const child = spawn(process.execPath, [runner, "127.0.0.1:0", packDir], {
            cwd: packDir,
            env: startOptions.env ?? process.env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += String(chunk)));
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            const timer = setTimeout(() => {
                child.kill();
                reject(new Error(`policy pack did not announce a port within ${startOptions.timeoutMs ?? 30000} ms; stderr: ${stderr}`));
            }, startOptions.timeoutMs ?? 30000);
            child.stdout.on("data", (chunk) => {
                stdout += String(chunk);
                const newline = stdout.indexOf("\n");
                if (newline >= 0) {
                    clearTimeout(timer);
                    const port = Number(stdout.slice(0, newline).trim());
                    if (Number.isInteger(port) && port > 0) {
                        resolve(port);
                    } else {
                        child.kill();
                        reject(new Error(`policy pack printed "${stdout.slice(0, newline)}" instead of a port; stderr: ${stderr}`));
                    }
                }
            });
            child.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error(`policy pack exited with code ${code} before announcing a port; stderr: ${stderr}`));
            });
        });
        const startupMs = Number(process.hrtime.bigint() - began) / 1e6;
        const client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            // What the CLI accepts back: since v3.221 it reaches the pack through the language host's
            // proxy, a grpc-go client with the default receive limit (pulumi/pulumi sdk/policy_proxy.go
            // Attach). The engine's own requests are sent with 400 MiB allowed.
            "grpc.max_receive_message_length": CLI_RECEIVE_LIMIT,
            "grpc.max_send_message_length": 1024 * 1024 * 400,
        });
        return new AnalyzerClient(packDir, child, client, startupMs, () => stderr, startOptions.shuffleSeed ?? shuffleSeed());
    }

    /** What the pack wrote to stderr so far. */
    get log(): string {
        return this.stderr();
    }

    private async call<T>(method: string, request: unknown): Promise<T> {
        const [answer] = await Promise.all([this.callOne<T>(method, request), this.twin?.callOne(method, request)]);
        return answer;
    }

    private callOne<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) => {
            this.client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response)));
        });
    }

    async configureStack(identity: StackIdentity): Promise<void> {
        const request = new analyzerpb.AnalyzerStackConfigureRequest();
        request.setStack(identity.stack);
        request.setProject(identity.project);
        request.setOrganization(identity.organization);
        request.setDryRun(identity.dryRun);
        const tags = request.getTagsMap();
        for (const [key, value] of Object.entries(identity.tags ?? {})) {
            tags.set(key, value);
        }
        await this.call("configureStack", request);
    }

    async getAnalyzerInfo(): Promise<AnalyzerDescription> {
        const info: any = await this.call("getAnalyzerInfo", new analyzerrpc.AnalyzerService.getAnalyzerInfo.requestType());
        return {
            name: info.getName(),
            displayName: info.getDisplayname(),
            version: info.getVersion(),
            supportsConfig: info.getSupportsconfig(),
            description: info.getDescription(),
            provider: info.getProvider(),
            tags: info.getTagsList(),
            policies: info.getPoliciesList().map((p: any) => {
                const schema = p.getConfigschema();
                return {
                    name: p.getName(),
                    description: p.getDescription(),
                    enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()],
                    severity: SEVERITY_NAMES[p.getSeverity()],
                    remediationSteps: p.getRemediationSteps(),
                    url: p.getUrl(),
                    tags: p.getTagsList(),
                    configSchema: schema ? { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() } : undefined,
                };
            }),
            initialConfig: new Map(
                [...info.getInitialconfigMap().entries()].map(([name, config]: [string, any]) => [
                    name,
                    { enforcementLevel: LEVEL_NAMES[config.getEnforcementlevel()], properties: config.getProperties()?.toJavaScript() },
                ]),
            ),
        };
    }

    /**
     * Configure as the CLI sends it: the user's configuration merged over the pack's defaults and
     * checked first, so that one the CLI refuses throws its error (PolicyConfigError) and never
     * reaches the pack. The map sent holds every policy, and every other name the user configured.
     */
    async configure(pack: AnalyzerDescription, user?: unknown, options: ConfigureOptions = {}): Promise<void> {
        const config = reconcile(pack, user, this.packDir, options);
        if (config.size === 0) {
            // analyzer_plugin.go Configure: nothing to configure, no call (a pack without config support).
            return;
        }
        const request = new analyzerpb.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [name, entry] of config) {
            const message = new analyzerpb.PolicyConfig();
            message.setEnforcementlevel(LEVEL_NAMES.indexOf(entry.enforcementLevel as EnforcementLevel));
            message.setProperties(toStruct(entry.properties ?? {}));
            map.set(name, message);
        }
        await this.call("configure", request);
    }

    /** Analyze, with the resource's inputs: what the engine sends for each registered resource. */
    async analyze(resource: EngineResource): Promise<AnalyzeResult> {
        return readResult(await this.call("analyze", analyzeRequest(resource)));
    }

    /** Remediate, which the engine sends with the same inputs just before Analyze. */
    async remediate(resource: EngineResource): Promise<void> {
        await this.call("remediate", analyzeRequest(resource));
    }

    /**
     * AnalyzeStack with the resources in an order of the harness's choosing, as the engine's is
     * unspecified (shuffle.ts): drawn from the seed and the request, so the same run replays it.
     */
    async analyzeStack(resources: readonly EngineResource[], options: AnalyzeStackOptions = {}): Promise<AnalyzeResult> {
        try {
            return await this.analyzeStackEncoded(encodeAnalyzeStack(stackOrder(resources, options.seed ?? this.shuffleSeed)));
        } catch (error) {
            const replay = options.seed === undefined ? `${SHUFFLE_SEED_VARIABLE}=${this.shuffleSeed}` : `seed ${options.seed}`;
            throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
                message: `${error instanceof Error ? error.message : String(error)} (AnalyzeStack order from ${replay})`,
            });
        }
    }

    /**
     * AnalyzeStack with a request serialised once beforehand (see `encodeAnalyzeStack`), so that a
     * benchmark times the transport and the pack, not this client's encoding.
     */
    async analyzeStackEncoded(encoded: Buffer): Promise<AnalyzeResult> {
        if (this.twin === undefined) {
            return (await this.analyzeStackOne(encoded)).result;
        }
        const [fast, ordinary] = await Promise.allSettled([this.analyzeStackOne(encoded), this.twin.analyzeStackOne(encoded)]);
        if (fast.status === "fulfilled" && ordinary.status === "fulfilled") {
            if (!fast.value.answer.equals(ordinary.value.answer)) {
                throw new Error(`AnalyzeStack: the fast path and the ordinary path answered differently: ${describeDifference(fast.value.answer, ordinary.value.answer)}`);
            }
            return fast.value.result;
        }
        if (fast.status === "rejected" && ordinary.status === "rejected") {
            const [a, b] = [fast.reason, ordinary.reason] as { code?: unknown; details?: unknown }[];
            if (a.code !== b.code || a.details !== b.details) {
                throw new Error(`AnalyzeStack: the two paths failed differently: fast ${String(a.details)}, ordinary ${String(b.details)}`);
            }
            throw fast.reason;
        }
        throw new Error(
            `AnalyzeStack: only the ${fast.status === "rejected" ? "fast" : "ordinary"} path failed: ${String(fast.status === "rejected" ? fast.reason : (ordinary as PromiseRejectedResult).reason)}`,
        );
    }

    private analyzeStackOne(encoded: Buffer): Promise<{ result: AnalyzeResult; answer: Buffer }> {
        const method = analyzerrpc.AnalyzerService.analyzeStack;
        let answer: Buffer = Buffer.alloc(0);
        const deserialize = (buffer: Buffer) => {
            answer = buffer;
            return method.responseDeserialize(buffer);
        };
        return new Promise((resolve, reject) => {
            this.client.makeUnaryRequest(
                method.path,
                (buffer: Buffer) => buffer,
                deserialize,
                encoded,
                (error: Error | null, response: unknown) => (error ? reject(error) : resolve({ result: { ...readResult(response), answerBytes: answer.length }, answer })),
            );
        });
    }

    /**
     * Analyze or Remediate with a request serialised beforehand (`encodeAnalyze`), for a benchmark of
     * the per-resource calls the engine makes.
     */
    async analyzeEncoded(method: "analyze" | "remediate", encoded: Buffer): Promise<void> {
        await Promise.all([this.analyzeEncodedOne(method, encoded), this.twin?.analyzeEncodedOne(method, encoded)]);
    }

    private analyzeEncodedOne(method: "analyze" | "remediate", encoded: Buffer): Promise<void> {
        const definition = analyzerrpc.AnalyzerService[method];
        return new Promise((resolve, reject) => {
            this.client.makeUnaryRequest(
                definition.path,
                (buffer: Buffer) => buffer,
                definition.responseDeserialize,
                encoded,
                (error: Error | null) => (error ? reject(error) : resolve()),
            );
        });
    }

    /** The operating-system process id of the pack. */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** ConfigureStack, GetAnalyzerInfo and Configure, as the engine opens a session. */
    async open(identity: StackIdentity, user?: unknown, options: ConfigureOptions = {}): Promise<AnalyzerDescription> {
        await this.configureStack(identity);
        const info = await this.getAnalyzerInfo();
        await this.configure(info, user, options);
        return info;
    }

    async close(): Promise<void> {
        await this.twin?.close();
        this.client.close();
        if (this.child.exitCode === null) {
            const exited = new Promise((resolve) => this.child.once("exit", resolve));
            this.child.kill();
            await exited;
        }
    }
}
