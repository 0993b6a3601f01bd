// Runs a real Pulumi program in this process under the Pulumi runtime's mocks and records the graph
// it registers the way the engine sees it: types, names, parents, providers, dependencies, property
// dependencies, inputs, and the outputs a provider would report.
//
// The mock provider plays the alicloud provider's part: at preview every new id is unknown and the
// Optional+Computed attributes a program did not set come back unknown (computed.ts); at update
// every resource gets an id of its kind's prefix and the outputs the provider reads back once it
// exists (deployed.ts). A preview of a stack already deployed (`deployed`) gives each resource whose
// inputs did not change the id and outputs the update left it with, as the engine's SameStep does.
// At preview, a provider with an unknown configuration value answers every resource on it with no
// properties at all, as the engine's unconfigured provider plugin does.

import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { COMPUTED_AT_PREVIEW, COMPUTED_IN_ELEMENTS } from "./computed";
import { Deployment } from "./deployed";
import { UNKNOWN_SENTINEL } from "./sentinel";

// Internal runtime entry points (marked @internal, so not in the typings): a fresh store per run,
// the mock monitor, and the wait for outstanding registrations.
const state: { withLocalStorage<T>(callback: () => T): T } = require("@pulumi/pulumi/runtime/state");
const settings: { getMonitor(): unknown; waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");

export { UNKNOWN_SENTINEL };
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface RecordedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly parent?: string;
    /** `<provider urn>::<provider id>`, as the SDK sends it; absent for the default provider. */
    readonly providerRef?: string;
    /** The package version the SDK registered the resource with (names the default provider). */
    readonly version?: string;
    readonly dependencies: string[];
    readonly propertyDependencies: Record<string, string[]>;
    /** Inputs as sent by the SDK; unknown values are the string sentinel. */
    readonly inputs: Record<string, unknown>;
    /** Outputs as the mock provider reported them; the id is included for custom resources. */
    readonly outputs: Record<string, unknown>;
    readonly id?: string;
    readonly read: boolean;
    /** The properties the SDK was answered with (the outputs, without the id), to replay them. */
    readonly state: Record<string, unknown>;
}

export interface ProgramRun {
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
    readonly config: Record<string, string>;
    readonly resources: RecordedResource[];
}

export interface RunOptions {
    readonly project?: string;
    readonly stack?: string;
    /** Stack configuration, `namespace:key` to value (for example `alicloud:region`). */
    readonly config?: Record<string, string>;
    /** Preview (the default) or update. */
    readonly preview?: boolean;
    /**
     * The update that deployed the stack this preview starts from: every resource it registered
     * with the same inputs keeps its id and outputs (pulumi/pulumi pkg/resource/deploy/step.go
     * SameStep.Apply: `s.new.Outputs = s.old.Outputs`), so the program sees them known at preview.
     * A resource whose inputs changed is planned as a new one.
     */
    readonly deployed?: ProgramRun;
}

/** Two zones of one region, the answer of every zone look-up. */
const MOCK_ZONES = [
    { id: "cn-hangzhou-h", localName: "Hangzhou H" },
    { id: "cn-hangzhou-i", localName: "Hangzhou I" },
];

/** Two resource groups; documented programs take `ids[0]`, `groups[0].id` or `groups[1].id`. */
const MOCK_RESOURCE_GROUPS = [
    { id: "rg-aek2mock0000001", name: "default-resource-group" },
    { id: "rg-aek2mock0000002", name: "example-resource-group" },
];

/**
 * Answers the invokes example programs commonly make (zones, images, instance types, resource
 * groups), in the shape of the provider's result types (@pulumi/alicloud `Get*Result`), so that a
 * program that reads `zones[0].id` gets a plausible value. Any other invoke gets its inputs back
 * with empty `ids` and `names`.
 */
function invokeResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (token) {
        case "alicloud:index/getZones:getZones":
            return { ids: MOCK_ZONES.map((zone) => zone.id), zones: MOCK_ZONES };
        // The ALB and NLB zone look-ups report each zone's id twice, as `id` and `zoneId`.
        case "alicloud:alb/getZones:getZones":
        case "alicloud:nlb/getZones:getZones":
            return { ...inputs, id: "cn-hangzhou", ids: MOCK_ZONES.map((zone) => zone.id), zones: MOCK_ZONES.map((zone) => ({ ...zone, zoneId: zone.id })) };
        case "alicloud:vpc/getEnhancedNatAvailableZones:getEnhancedNatAvailableZones":
            return { ...inputs, id: "cn-hangzhou", ids: MOCK_ZONES.map((zone) => zone.id), zones: MOCK_ZONES.map((zone) => ({ zoneId: zone.id, localName: zone.localName })) };
        case "alicloud:resourcemanager/getResourceGroups:getResourceGroups":
            return {
                ...inputs,
                id: "resource-groups",
                ids: MOCK_RESOURCE_GROUPS.map((group) => group.id),
                names: MOCK_RESOURCE_GROUPS.map((group) => group.name),
                groups: MOCK_RESOURCE_GROUPS.map((group) => ({
                    id: group.id,
                    name: group.name,
                    resourceGroupName: group.name,
                    displayName: group.name,
                    accountId: "1234567890123456",
                    status: "OK",
                    regionStatuses: [],
                })),
            };
        case "alicloud:ecs/getImages:getImages":
            return { ids: ["ubuntu_22_04_x64_20G_alibase_20240101.vhd"], images: [{ id: "ubuntu_22_04_x64_20G_alibase_20240101.vhd", name: "ubuntu_22_04" }] };
        case "alicloud:ecs/getInstanceTypes:getInstanceTypes":
            return { ids: ["ecs.g7.large"], instanceTypes: [{ id: "ecs.g7.large", cpuCoreCount: 2, memorySize: 8 }] };
        default:
            return { ...inputs, ids: [], names: [] };
    }
}

const ID_PREFIXES: Record<string, string> = {
    "alicloud:ecs/eipAddress:EipAddress": "eip-",
    "alicloud:ecs/eip:Eip": "eip-",
    "alicloud:ecs/instance:Instance": "i-",
    "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": "eni-",
    "alicloud:vpc/networkInterface:NetworkInterface": "eni-",
    "alicloud:vpc/natGateway:NatGateway": "ngw-",
    "alicloud:vpc/switch:Switch": "vsw-",
    "alicloud:vpc/network:Network": "vpc-",
    "alicloud:slb/loadBalancer:LoadBalancer": "lb-",
    "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": "lb-",
    "alicloud:alb/loadBalancer:LoadBalancer": "alb-",
    "alicloud:nlb/loadBalancer:LoadBalancer": "nlb-",
    "alicloud:vpc/haVipv2:HaVipv2": "havip-",
    "alicloud:vpc/hAVip:HAVip": "havip-",
    "alicloud:ecs/securityGroup:SecurityGroup": "sg-",
};

/** The outputs a provider reports for a resource at preview: inputs, with computed attributes unknown. */
export function plannedOutputs(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const outputs: Record<string, unknown> = { ...inputs };
    for (const key of COMPUTED_AT_PREVIEW[type] ?? []) {
        if (outputs[key] === undefined) {
            outputs[key] = UNKNOWN_SENTINEL;
        }
    }
    for (const [key, fields] of Object.entries(COMPUTED_IN_ELEMENTS[type] ?? {})) {
        const list = outputs[key];
        if (Array.isArray(list)) {
            outputs[key] = list.map((element) =>
                typeof element === "object" && element !== null && !Array.isArray(element)
                    ? { ...Object.fromEntries(fields.map((field) => [field, UNKNOWN_SENTINEL])), ...element }
                    : element,
            );
        }
    }
    return outputs;
}

/** Whether a value holds an unknown anywhere (resource.PropertyValue.ContainsUnknowns). */
function containsUnknown(value: unknown): boolean {
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    if (typeof value === "object" && value !== null) {
        return Object.values(value).some(containsUnknown);
    }
    return value === UNKNOWN_SENTINEL;
}

/**
 * Whether the provider a resource is registered with (`<urn>::<id>`, empty for the default one) has
 * an input other than `version` that is unknown: the engine then leaves the plugin unconfigured at
 * preview (pkg/resource/plugin/provider_plugin.go Configure).
 */
function configUnknown(resources: readonly RecordedResource[], reference: string): boolean {
    const urn = reference.slice(0, Math.max(0, reference.lastIndexOf("::")));
    const provider = urn === "" ? undefined : resources.find((resource) => resource.urn === urn);
    return provider !== undefined && Object.entries(provider.inputs).some(([key, value]) => key !== "version" && containsUnknown(value));
}

/** Deep equality of two JSON values, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((element, index) => sameValue(element, b[index]));
    }
    if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length && keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
    }
    return a === b;
}

/**
 * Evaluates a compiled CommonJS program afresh on every call. Its imports are resolved from its own
 * directory but loaded through this module's `require`, so the program shares this harness's copy of
 * the Pulumi runtime (and of @pulumi/alicloud) whether the harness runs under Node or under jest's
 * module registry, where a module cannot be evicted from the cache to run it twice.
 */
function loadFresh(file: string): unknown {
    const source = fs.readFileSync(file, "utf8");
    const dir = path.dirname(file);
    const moduleObject: { exports: unknown } = { exports: {} };
    const localRequire = (id: string): unknown => (id.startsWith(".") ? loadFresh(require.resolve(path.resolve(dir, id))) : require(require.resolve(id, { paths: [dir] })));
    // The module wrapper Node itself puts around a CommonJS file, so that each run loads it afresh.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const body = new Function("exports", "require", "module", "__filename", "__dirname", source);
    body(moduleObject.exports, localRequire, moduleObject, file, dir);
    return moduleObject.exports;
}

/** A program given as a function, as a Pulumi program's entry point exports it. */
export type ProgramFunction = () => unknown;

/**
 * Runs the program (a compiled JS file or a directory with one, or a function) under mocks, in a
 * fresh Pulumi runtime store, and returns what it registered.
 */
export async function runProgram(program: string | ProgramFunction, options: RunOptions = {}): Promise<ProgramRun> {
    const project = options.project ?? "examples";
    const stack = options.stack ?? "dev";
    const preview = options.preview ?? true;
    const config = options.config ?? {};
    const file = typeof program === "function" ? undefined : require.resolve(path.resolve(program));
    const resources: RecordedResource[] = [];
    let counter = 0;
    const deployment = new Deployment();
    const before = new Map((preview ? (options.deployed?.resources ?? []) : []).filter((resource) => !resource.read).map((resource) => [resource.urn, resource]));

    return state.withLocalStorage(async () => {
        const mocks: pulumi.runtime.Mocks = {
            newResource(args) {
                counter++;
                const type = args.type;
                const inputs = args.inputs;
                if (type.startsWith("pulumi:providers:")) {
                    return { id: preview ? "" : `provider-${counter}`, state: inputs };
                }
                if (args.id === UNKNOWN_SENTINEL) {
                    // A read whose id is not known yet: the engine does not run it at preview and the
                    // resource has no outputs (pkg/resource/deploy/step.go ReadStep.Apply).
                    return { id: "", state: {} };
                }
                if (args.id) {
                    // A read or an import: the provider reads the resource as it exists.
                    return { id: args.id, state: { ...deployment.outputs(type, inputs, counter, args.id), id: args.id } };
                }
                if (preview) {
                    return { id: "", state: plannedOutputs(type, inputs) };
                }
                const id = `${ID_PREFIXES[type] ?? "res-"}${String(counter).padStart(8, "0")}`;
                return { id, state: deployment.outputs(type, inputs, counter, id) };
            },
            call(args) {
                return invokeResult(args.token, args.inputs);
            },
        };
        await pulumi.runtime.setMocks(mocks, project, stack, preview);
        pulumi.runtime.setAllConfig(config);
        const monitor: any = settings.getMonitor();
        // URNs as the engine makes them (pulumi/pulumi pkg/resource/deploy/deployment.go
        // generateURN, sdk/go/common/resource/urn/urn.go New): the type is prefixed with the parent's
        // whole qualified type ("site$tier$child" two components deep), except under the root stack.
        // The mock monitor (runtime/mocks.js MockMonitor.newUrn) keeps only the last `$` segment of
        // the parent's type, and prefixes the root stack's type too.
        monitor.newUrn = (parent: string, type: string, name: string) => {
            const parentType = parent ? parent.split("::")[2] : "";
            const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
            return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
        };
        const record = (method: "registerResource" | "readResource") => {
            const original = monitor[method].bind(monitor);
            monitor[method] = (req: any, callback: (err: any, resp: any) => void) => {
                original(req, (err: any, resp: any) => {
                    if (!err) {
                        const type: string = req.getType();
                        const inputs = (method === "registerResource" ? req.getObject() : req.getProperties())?.toJavaScript() ?? {};
                        const custom = method === "readResource" || req.getCustom();
                        const prior = method === "registerResource" ? before.get(resp.getUrn()) : undefined;
                        const unconfigured = preview && custom && !type.startsWith("pulumi:providers:") && configUnknown(resources, req.getProvider());
                        if (unconfigured) {
                            // The provider cannot be configured at preview: it answers every resource,
                            // new or deployed, with no properties (pkg/resource/plugin/provider_plugin.go
                            // Create and Update with Preview and an unconfigured plugin; Read alike).
                            const empty = (resp.getObject?.() ?? resp.getProperties()).constructor.fromJavaScript({});
                            if (method === "registerResource") {
                                resp.setId(prior?.id ?? "");
                                resp.setObject(empty);
                            } else {
                                resp.setProperties(empty);
                            }
                        } else if (prior !== undefined && sameValue(prior.inputs, inputs)) {
                            resp.setId(prior.id ?? "");
                            resp.setObject(resp.getObject().constructor.fromJavaScript(prior.state));
                        }
                        const id: string | undefined = method === "registerResource" ? resp.getId() : req.getId();
                        const propertyDependencies: Record<string, string[]> = {};
                        if (method === "registerResource") {
                            req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
                                propertyDependencies[key] = deps.getUrnsList();
                            });
                        }
                        const answered: Record<string, unknown> = resp.getProperties?.()?.toJavaScript() ?? resp.getObject?.()?.toJavaScript() ?? {};
                        let outputs = answered;
                        if (custom && !type.startsWith("pulumi:providers:") && !unconfigured) {
                            outputs = { ...outputs, id: id || UNKNOWN_SENTINEL };
                        }
                        resources.push({
                            urn: resp.getUrn(),
                            type,
                            name: req.getName(),
                            custom,
                            parent: req.getParent() || undefined,
                            providerRef: req.getProvider() || undefined,
                            version: req.getVersion() || undefined,
                            dependencies: method === "registerResource" ? req.getDependenciesList() : [],
                            propertyDependencies,
                            inputs,
                            outputs,
                            id: id || undefined,
                            read: method === "readResource",
                            state: answered,
                        });
                    }
                    callback(err, resp);
                });
            };
        };
        record("registerResource");
        record("readResource");

        await pulumi.runtime.runInPulumiStack(async () => {
            if (file === undefined) {
                return await (program as ProgramFunction)();
            }
            const loaded: any = loadFresh(file);
            const main = typeof loaded === "function" ? loaded : loaded?.default;
            return typeof main === "function" ? await main() : loaded;
        });
        await settings.waitForRPCs();
        return { project, stack, preview, config, resources };
    });
}
