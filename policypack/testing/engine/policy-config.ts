// What the Pulumi CLI does with `--policy-pack-config` before the pack sees any of it: parse the
// file, merge it over the policies' defaults, validate every policy's options against its schema,
// and only then send Configure. A configuration the CLI refuses fails the preview with the CLI's
// error and never reaches the pack.
//
// Source: pulumi/pulumi pkg/resource/analyzer/config.go (parsePolicyPackConfig,
// extractEnforcementLevel, ReconcilePolicyPackConfig, createConfigWithDefaults, applyConfig,
// validatePolicyPackConfig), pkg/engine/update.go (loadPolicyPlugins, the local policy pack path of
// `pulumi preview --policy-pack`), pkg/resource/plugin/analyzer_plugin.go ((*analyzer).GetAnalyzerInfo,
// which injects an `enforcementLevel` enum into every schema; (*analyzer).Configure).

import { PolicySchema, schemaProblems } from "./config-schema";

export type Level = "advisory" | "mandatory" | "disabled" | "remediate";
const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/** One entry of the map the CLI sends in Configure; `""` is a level the CLI never had. */
export interface PolicyConfig {
    readonly enforcementLevel: Level | "";
    readonly properties?: Record<string, unknown>;
}

/** What the reconciliation needs of a policy, from GetAnalyzerInfo. */
export interface PolicyInfo {
    readonly name: string;
    readonly enforcementLevel: Level;
    readonly configSchema?: PolicySchema;
}

export interface PackInfo {
    readonly name: string;
    readonly version: string;
    readonly supportsConfig: boolean;
    readonly policies: readonly PolicyInfo[];
    readonly initialConfig?: ReadonlyMap<string, PolicyConfig>;
}

/** The CLI refused the configuration; `message` is its error text, one problem a line. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

const isLevel = (value: unknown): value is Level => typeof value === "string" && LEVELS.includes(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A JSON value as Go's `%v` prints what encoding/json decoded: <nil>, 1e+06, [a b], map[k:v]. */
function goValue(value: unknown): string {
    if (value === null || value === undefined) return "<nil>";
    if (typeof value === "number") {
        const [mantissa, exponent] = value.toExponential().split("e");
        const exp = Number(exponent);
        // strconv's shortest %g switches to an exponent from 1e+06 on.
        return exp < -4 || exp >= 6 ? `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}` : String(value);
    }
    if (Array.isArray(value)) return `[${value.map(goValue).join(" ")}]`;
    if (isObject(value)) {
        return `map[${Object.keys(value)
            .sort()
            .map((key) => `${key}:${goValue(value[key])}`)
            .join(" ")}]`;
    }
    return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

/** config.go `extractEnforcementLevel`: the level out of an entry's object, checked. */
function extractEnforcementLevel(entry: Record<string, unknown>): { level: Level | ""; rest: Record<string, unknown> } {
    if (!("enforcementLevel" in entry)) {
        return { level: "", rest: { ...entry } };
    }
    const { enforcementLevel, ...rest } = entry;
    if (typeof enforcementLevel !== "string") {
        throw new Error(`${goValue(enforcementLevel)} is not a valid enforcement level; must be a string`);
    }
    if (!isLevel(enforcementLevel)) {
        throw new Error(`"${enforcementLevel}" is not a valid enforcement level`);
    }
    return { level: enforcementLevel, rest };
}

/**
 * config.go `parsePolicyPackConfig`: each entry a level or an object (its `enforcementLevel` taken
 * out and checked, the rest its properties); empty entries dropped. `all` is parsed like any entry.
 */
export function parsePolicyPackConfig(file: unknown): Map<string, PolicyConfig> {
    const result = new Map<string, PolicyConfig>();
    if (file === undefined) {
        return result;
    }
    if (!isObject(file)) {
        throw new PolicyConfigError(`json: cannot unmarshal ${Array.isArray(file) ? "array" : typeof file} into Go value of type map[string]interface {}`);
    }
    if ("environments" in file) {
        // update.go loadPolicyPlugins resolves them through the backend (Pulumi ESC), which the harness has not.
        throw new PolicyConfigError("policy pack config specifies ESC environments; the harness does not resolve them");
    }
    for (const [key, value] of Object.entries(file)) {
        let entry: PolicyConfig;
        if (typeof value === "string") {
            if (!isLevel(value)) {
                throw new PolicyConfigError(`parsing enforcement level for "${key}": "${value}" is not a valid enforcement level`);
            }
            entry = { enforcementLevel: value };
        } else if (isObject(value)) {
            try {
                const { level, rest } = extractEnforcementLevel(value);
                entry = { enforcementLevel: level, ...(Object.keys(rest).length > 0 ? { properties: rest } : {}) };
            } catch (error) {
                throw new PolicyConfigError(`parsing enforcement level for "${key}": ${(error as Error).message}`);
            }
        } else {
            throw new PolicyConfigError(`parsing "${key}": ${goValue(value)} is not a valid value; must be a string or object`);
        }
        if (entry.enforcementLevel !== "" || entry.properties !== undefined) {
            result.set(key, entry);
        }
    }
    return result;
}

/** config.go `createConfigWithDefaults`: every policy at its declared level, with its schema's defaults. */
function createConfigWithDefaults(policies: readonly PolicyInfo[]): Map<string, { enforcementLevel: Level | ""; properties?: Record<string, unknown> }> {
    const result = new Map<string, { enforcementLevel: Level | ""; properties?: Record<string, unknown> }>();
    for (const policy of policies) {
        let properties: Record<string, unknown> | undefined;
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (isObject(schema) && "default" in schema) {
                properties = { ...properties, [key]: schema.default };
            }
        }
        result.set(policy.name, { enforcementLevel: policy.enforcementLevel, properties });
    }
    return result;
}

/**
 * config.go `applyConfig`: a valid level of `all` goes to every entry so far (its other keys go to
 * no policy), then each entry's own level and properties, copied over the ones it has. An entry for
 * a name that is no policy, `all` included, is kept as it is and sent to the pack.
 */
function applyConfig(result: ReturnType<typeof createConfigWithDefaults>, config: ReadonlyMap<string, PolicyConfig>): void {
    const all = config.get("all");
    if (all !== undefined && isLevel(all.enforcementLevel)) {
        for (const [name, entry] of result) {
            result.set(name, { enforcementLevel: all.enforcementLevel, properties: entry.properties });
        }
    }
    for (const [name, given] of config) {
        const current = result.get(name);
        const enforcementLevel = isLevel(given.enforcementLevel) ? given.enforcementLevel : (current?.enforcementLevel ?? "");
        let properties = current?.properties;
        if (given.properties !== undefined && Object.keys(given.properties).length > 0) {
            properties = { ...properties, ...given.properties };
        }
        result.set(name, { enforcementLevel, properties });
    }
}

/** Every policy's schema as the CLI holds it: GetAnalyzerInfo adds an `enforcementLevel` enum. */
function schemaAsTheCliHoldsIt(schema: PolicySchema | undefined): PolicySchema {
    return {
        properties: { ...schema?.properties, enforcementLevel: { type: "string", enum: ["advisory", "mandatory", "remediate", "disabled"] } },
        required: schema?.required ?? [],
    };
}

/**
 * config.go `ReconcilePolicyPackConfig` and the checks around it in update.go `loadPolicyPlugins`
 * and analyzer_plugin.go `Configure`: the map the CLI would send, or the CLI's error.
 * `validate: false` skips the schema check only, to put a value the CLI refuses to the pack.
 */
export function reconcile(pack: PackInfo, file: unknown, packDir: string, options: { validate?: boolean } = {}): Map<string, PolicyConfig> {
    const parsed = parsePolicyPackConfig(file);
    if (!pack.supportsConfig) {
        if (file !== undefined) {
            throw new PolicyConfigError(`policy pack "${pack.name}" at "${packDir}" does not support config`);
        }
        return new Map();
    }
    const result = createConfigWithDefaults(pack.policies);
    if (pack.initialConfig !== undefined) {
        applyConfig(result, pack.initialConfig);
    }
    applyConfig(result, parsed);

    if (options.validate !== false) {
        const problems = pack.policies.flatMap((policy) =>
            schemaProblems(schemaAsTheCliHoldsIt(policy.configSchema), result.get(policy.name)?.properties ?? {}).map((problem) => `${policy.name}: ${problem}`),
        );
        if (problems.length > 0) {
            // update.go loadPolicyPlugins: one error diagnostic a problem, sorted, then the failure.
            const lines = problems.map((problem) => `validating policy config: ${pack.name} ${pack.version}  ${problem}`).sort();
            throw new PolicyConfigError([...lines, "validating policy config"].join("\n"));
        }
    }
    for (const entry of result.values()) {
        if (!isLevel(entry.enforcementLevel)) {
            // analyzer_plugin.go Configure refuses an entry without a level (an entry for a name
            // that is no policy, or `all`, with options only).
            throw new PolicyConfigError(`configuring policy pack "${pack.name}" at "${packDir}": invalid enforcement level "${entry.enforcementLevel}"`);
        }
    }
    return result;
}
