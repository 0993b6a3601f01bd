// Terraform JSON (`terraform show -json`) to the core's resources.
//
// A plan gives each resource instance's planned values (`planned_values`, unknown values left out),
// which of them are unknown (`resource_changes[].change.after_unknown`), and the configuration the
// values came from (`configuration`): every argument's expression, with the references it makes.
// The references are what Pulumi calls property dependencies: at plan time `allocation_id` of a new
// association is unknown, and `references: ["alicloud_eip_address.web.id", ...]` is how the rules
// know which EIP it will be. An unknown argument with no expression is one the configuration leaves
// unset (Optional+Computed): it is handed to the core as unknown with no dependencies, which the
// core reads as unset. Provider regions come from `configuration.provider_config`, through each
// resource's `provider_config_key` (aliases such as `alicloud.beijing`, modules, inherited configs).
//
// A state (`terraform show -json` without a plan) has known values only and no configuration: ids
// link the resources, and every resource shares one provider of unknown region (a binding that
// exists was accepted by Alibaba Cloud, so its EIP and target are in one region).

import { ResourceInput, ResourceKind } from "../../core/resources";
import { UNKNOWN, isRecord } from "../../core/values";
import { InputError } from "../input";
import { LoadedInput, lineLocator } from "./loaded";

/** Terraform resource types of the alicloud provider, and the kind each one is. */
export const TERRAFORM_TYPE_KINDS: Readonly<Record<string, ResourceKind>> = {
    alicloud_eip_address: "eip",
    alicloud_eip: "eip",
    alicloud_eip_association: "eipAssociation",
    alicloud_instance: "ecsInstance",
    alicloud_ecs_network_interface: "eni",
    alicloud_network_interface: "eni",
    alicloud_ecs_network_interface_attachment: "eniAttachment",
    alicloud_network_interface_attachment: "eniAttachment",
    alicloud_nat_gateway: "natGateway",
    alicloud_forward_entry: "forwardEntry",
    alicloud_vswitch: "vswitch",
    alicloud_vpc: "vpc",
    alicloud_slb_load_balancer: "clb",
    alicloud_slb: "clb",
    alicloud_alb_load_balancer: "alb",
    alicloud_nlb_load_balancer: "nlb",
    alicloud_havip: "havip",
    alicloud_vpc_ha_vip: "havip",
};

export function kindOfTerraformType(type: string): ResourceKind | undefined {
    return Object.prototype.hasOwnProperty.call(TERRAFORM_TYPE_KINDS, type) ? TERRAFORM_TYPE_KINDS[type] : undefined;
}

/** Terraform's JSON formats this reader knows: 0.x and 1.x (minor versions only add fields). */
export function checkFormatVersion(file: string, doc: Record<string, unknown>, what: string): void {
    const version = doc.format_version;
    if (typeof version !== "string" || !/^[01]\.\d+$/.test(version)) {
        throw new InputError(
            file,
            `is a ${what} with format_version ${JSON.stringify(version)}, which this checker does not know: it reads Terraform's JSON format 0.x and 1.x (terraform show -json of Terraform 0.12 and later). A newer major version may have changed the format; please report it.`,
        );
    }
}

const camelNames = new Map<string, string>();

/** snake_case to the camelCase Pulumi uses for the same attribute (the bridge's generic rule). */
export function camel(name: string): string {
    let converted = camelNames.get(name);
    if (converted === undefined) {
        converted = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
        camelNames.set(name, converted);
    }
    return converted;
}

/**
 * Attribute names to Pulumi's: the resource's own attributes and those inside nested blocks (arrays
 * of objects) are renamed; an object that is the value of an attribute is a map (tags) and keeps its
 * keys, which are the user's.
 */
export function pulumiNames(values: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        out[camel(key)] = Array.isArray(value) ? value.map((element) => (isRecord(element) ? pulumiNames(element) : element)) : value;
    }
    return out;
}

/**
 * Marks the unknown parts of planned values, following an `after_unknown` tree: `true` marks a value
 * unknown, `false` and empty branches leave it as planned. Only the branches that change are copied,
 * so a large plan whose trees are mostly `false` costs little.
 */
export function overlayUnknown(value: unknown, unknown: unknown): unknown {
    if (unknown === true) {
        return UNKNOWN;
    }
    if (Array.isArray(unknown)) {
        const base = Array.isArray(value) ? value : undefined;
        let list: unknown[] | undefined;
        unknown.forEach((element, index) => {
            if (element === false || element === null || element === undefined) {
                return;
            }
            const current = base?.[index];
            const next = overlayUnknown(current === null ? undefined : current, element);
            if (next !== current) {
                list ??= base === undefined ? [] : [...base];
                list[index] = next;
            }
        });
        return list ?? value;
    }
    if (isRecord(unknown)) {
        const base = isRecord(value) ? value : undefined;
        let record: Record<string, unknown> | undefined;
        for (const key in unknown) {
            const element = unknown[key];
            if (element === false || element === null || element === undefined) {
                continue;
            }
            const current = base?.[key];
            const next = overlayUnknown(current === null ? undefined : current, element);
            if (next !== current && next !== undefined) {
                record ??= base === undefined ? {} : { ...base };
                record[key] = next;
            }
        }
        return record ?? value;
    }
    return value;
}

/** overlayUnknown for a resource's own values, writing into `values` (a copy the caller owns). */
function markUnknownIn(values: Record<string, unknown>, unknown: unknown): Record<string, unknown> {
    if (!isRecord(unknown)) {
        return values;
    }
    for (const key in unknown) {
        const element = unknown[key];
        if (element === false || element === null || element === undefined) {
            continue;
        }
        const current = values[key];
        const next = overlayUnknown(current === null ? undefined : current, element);
        if (next !== current && next !== undefined) {
            values[key] = next;
        }
    }
    return values;
}

// ---------------------------------------------------------------------------------------------
// Addresses and references

type Key = number | string;

type Token = { readonly name: string } | { readonly key: Key };

/** Splits `module.a[0].alicloud_eip.web["x"].id` into names and keys; undefined if it does not parse. */
export function traversal(text: string): Token[] | undefined {
    const tokens: Token[] = [];
    let i = 0;
    const name = /^[A-Za-z_][\w-]*/;
    while (i < text.length) {
        if (text[i] === ".") {
            i++;
            continue;
        }
        if (text[i] === "[") {
            const rest = text.slice(i);
            const numeric = /^\[(\d+)\]/.exec(rest);
            const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
            if (numeric) {
                tokens.push({ key: Number(numeric[1]) });
                i += numeric[0].length;
            } else if (quoted) {
                tokens.push({ key: JSON.parse(`"${quoted[1]}"`) as string });
                i += quoted[0].length;
            } else {
                return tokens.length > 0 ? tokens : undefined; // [*] or an expression: stop here
            }
            continue;
        }
        const match = name.exec(text.slice(i));
        if (!match) {
            return tokens.length > 0 ? tokens : undefined;
        }
        tokens.push({ name: match[0] });
        i += match[0].length;
    }
    return tokens;
}

function nameAt(tokens: readonly Token[], index: number): string | undefined {
    const token = tokens[index];
    return token !== undefined && "name" in token ? token.name : undefined;
}

function keyAt(tokens: readonly Token[], index: number): Key | undefined {
    const token = tokens[index];
    return token !== undefined && "key" in token ? token.key : undefined;
}

export function keySuffix(key: Key | undefined | null): string {
    return key === undefined || key === null ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

interface ModuleStep {
    readonly name: string;
    readonly key?: Key;
}

function moduleAddressOf(steps: readonly ModuleStep[]): string {
    return steps.map((step) => `module.${step.name}${keySuffix(step.key)}`).join(".");
}

function parseModuleAddress(address: string | undefined): ModuleStep[] {
    if (!address) {
        return [];
    }
    const tokens = traversal(address) ?? [];
    const steps: ModuleStep[] = [];
    for (let i = 0; i < tokens.length; i++) {
        const name = nameAt(tokens, i + 1);
        if (nameAt(tokens, i) !== "module" || name === undefined) {
            break;
        }
        const key = keyAt(tokens, i + 2);
        steps.push(key === undefined ? { name } : { name, key });
        i += key === undefined ? 1 : 2;
    }
    return steps;
}

function prefixOf(steps: readonly ModuleStep[]): string {
    return steps.length === 0 ? "" : `${moduleAddressOf(steps)}.`;
}

// ---------------------------------------------------------------------------------------------
// The configuration

interface ConfigResource {
    readonly address?: string;
    readonly mode?: string;
    readonly type?: string;
    readonly name?: string;
    readonly provider_config_key?: string;
    readonly expressions?: Record<string, unknown>;
    readonly for_each_expression?: { references?: string[] };
}

interface ConfigModule {
    readonly resources?: ConfigResource[];
    readonly module_calls?: Record<string, { expressions?: Record<string, unknown>; module?: ConfigModule }>;
    readonly outputs?: Record<string, { expression?: { references?: string[] } }>;
}

interface ProviderConfig {
    readonly name?: string;
    readonly full_name?: string;
    readonly alias?: string;
    readonly module_address?: string;
    readonly expressions?: Record<string, unknown>;
}

interface Expression {
    readonly constant_value?: unknown;
    readonly references?: string[];
}

function isExpression(value: unknown): value is Expression {
    return isRecord(value) && ("constant_value" in value || "references" in value || Object.keys(value).length === 0);
}

function referencesOf(value: unknown): string[] | undefined {
    return isRecord(value) && Array.isArray(value.references) ? value.references.filter((ref): ref is string => typeof ref === "string") : undefined;
}

interface PlannedResource {
    readonly address: string;
    readonly mode?: string;
    readonly type: string;
    readonly name: string;
    readonly index?: Key;
    readonly providerName?: string;
    readonly values: Record<string, unknown>;
    readonly module: ModuleStep[];
}

function plannedResources(root: unknown): PlannedResource[] {
    const out: PlannedResource[] = [];
    const walk = (module: unknown, depth: number) => {
        if (!isRecord(module) || depth > 100) {
            return;
        }
        const steps = parseModuleAddress(typeof module.address === "string" ? module.address : undefined);
        for (const resource of Array.isArray(module.resources) ? module.resources : []) {
            if (!isRecord(resource) || typeof resource.type !== "string" || typeof resource.address !== "string") {
                continue;
            }
            const index = typeof resource.index === "number" || typeof resource.index === "string" ? resource.index : undefined;
            out.push({
                address: resource.address,
                mode: typeof resource.mode === "string" ? resource.mode : undefined,
                type: resource.type,
                name: typeof resource.name === "string" ? resource.name : resource.address,
                index,
                providerName: typeof resource.provider_name === "string" ? resource.provider_name : undefined,
                values: isRecord(resource.values) ? resource.values : {},
                module: steps,
            });
        }
        for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) {
            walk(child, depth + 1);
        }
    };
    walk(root, 0);
    return out;
}

/** The instances the plan holds of each resource and each module call, to resolve references. */
class Instances {
    // Keys in the order they were planned, with a set beside each list to add them in constant time.
    private readonly resources = new Map<string, { list: Key[]; seen: Set<Key> }>();
    private readonly modules = new Map<string, { list: Key[]; seen: Set<Key> }>();
    readonly addresses = new Set<string>();

    constructor(planned: readonly PlannedResource[]) {
        for (const resource of planned) {
            this.addresses.add(resource.address);
            const base = `${prefixOf(resource.module)}${resource.mode === "data" ? "data." : ""}${resource.type}.${resource.name}`;
            this.add(this.resources, base, resource.index);
            for (let depth = 1; depth <= resource.module.length; depth++) {
                const parent = resource.module.slice(0, depth - 1);
                const step = resource.module[depth - 1];
                this.add(this.modules, `${prefixOf(parent)}module.${step.name}`, step.key);
            }
        }
    }

    private add(map: Map<string, { list: Key[]; seen: Set<Key> }>, base: string, key: Key | undefined): void {
        const k = key ?? "";
        const keys = map.get(base);
        if (keys === undefined) {
            map.set(base, { list: [k], seen: new Set([k]) });
        } else if (!keys.seen.has(k)) {
            keys.seen.add(k);
            keys.list.push(k);
        }
    }

    resourceKeys(base: string): readonly Key[] | undefined {
        return this.resources.get(base)?.list;
    }

    moduleKeys(base: string): readonly Key[] | undefined {
        return this.modules.get(base)?.list;
    }
}

interface Scope {
    readonly module: ModuleStep[];
    /** The count index or for_each key of the resource instance the expression belongs to. */
    readonly key?: Key;
    /** The references of the resource's for_each expression, for `each.value`. */
    readonly forEach?: string[];
}

const META_ROOTS = new Set(["count", "each", "path", "terraform", "self"]);

class ConfigReader {
    constructor(
        private readonly config: Record<string, unknown>,
        private readonly instances: Instances,
    ) {}

    module(steps: readonly ModuleStep[]): ConfigModule | undefined {
        let module: unknown = this.config.root_module;
        for (const step of steps) {
            const calls = isRecord(module) ? module.module_calls : undefined;
            const call = isRecord(calls) ? calls[step.name] : undefined;
            module = isRecord(call) ? call.module : undefined;
        }
        return isRecord(module) ? (module as ConfigModule) : undefined;
    }

    resource(steps: readonly ModuleStep[], mode: string | undefined, type: string, name: string): ConfigResource | undefined {
        const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
        const resources = this.module(steps)?.resources;
        return Array.isArray(resources) ? resources.find((resource) => isRecord(resource) && resource.address === address) : undefined;
    }

    providerConfigs(): Record<string, ProviderConfig> {
        const configs = this.config.provider_config;
        return isRecord(configs) ? (configs as Record<string, ProviderConfig>) : {};
    }

    /**
     * The addresses of the resource instances an expression's references name, relative to the
     * module instance it is written in. Variables of a module and outputs of a child module are
     * followed to the expressions behind them. A reference that leads to no resource instance of the
     * plan (a local value, a data source, a variable of the root module) is kept as it is written, so
     * that the value still counts as computed from something.
     */
    resolve(refs: readonly string[], scope: Scope, depth = 0): string[] {
        const out = new Set<string>();
        const prefix = prefixOf(scope.module);
        if (depth > 20) {
            refs.forEach((ref) => out.add(`${prefix}${ref}`));
            return [...out];
        }
        const byCount = refs.some((ref) => ref.startsWith("count."));
        const byEach = refs.some((ref) => ref.startsWith("each."));
        const eachValue = refs.some((ref) => ref === "each.value" || ref.startsWith("each.value.") || ref.startsWith("each.value["));
        const resources = new Map<string, Set<Key>>();
        const modules = new Map<string, { keys: Set<Key>; outputs: Set<string> }>();
        const unresolved: string[] = [];
        for (const ref of refs) {
            const tokens = traversal(ref);
            const root = tokens === undefined ? undefined : nameAt(tokens, 0);
            if (tokens === undefined || root === undefined || META_ROOTS.has(root)) {
                continue;
            }
            if (root === "var") {
                const name = nameAt(tokens, 1);
                const found = name === undefined ? [] : this.variable(name, scope, depth);
                found.forEach((address) => out.add(address));
                if (found.length === 0) {
                    unresolved.push(ref);
                }
            } else if (root === "local") {
                unresolved.push(ref);
            } else if (root === "module") {
                const name = nameAt(tokens, 1);
                if (name === undefined) {
                    continue;
                }
                const key = keyAt(tokens, 2);
                const output = nameAt(tokens, key === undefined ? 2 : 3);
                const entry = modules.get(name) ?? { keys: new Set<Key>(), outputs: new Set<string>() };
                if (key !== undefined) {
                    entry.keys.add(key);
                }
                if (output !== undefined) {
                    entry.outputs.add(output);
                }
                modules.set(name, entry);
            } else if (root === "data") {
                const type = nameAt(tokens, 1);
                const name = nameAt(tokens, 2);
                if (type !== undefined && name !== undefined) {
                    const key = keyAt(tokens, 3);
                    out.add(`${prefix}data.${type}.${name}${keySuffix(key)}`);
                }
            } else {
                const name = nameAt(tokens, 1);
                if (name === undefined) {
                    continue;
                }
                const base = `${root}.${name}`;
                const keys = resources.get(base) ?? new Set<Key>();
                const key = keyAt(tokens, 2);
                if (key !== undefined) {
                    keys.add(key);
                }
                resources.set(base, keys);
            }
        }
        for (const [base, keys] of resources) {
            this.resourceInstances(`${prefix}${base}`, keys, scope.key, byCount, byEach).forEach((address) => out.add(address));
        }
        if (eachValue && resources.size === 0 && scope.forEach !== undefined && scope.key !== undefined) {
            // `for_each = alicloud_instance.web` and `instance_id = each.value.id`: the instance of the same key.
            const over = [...new Set(scope.forEach.map((ref) => traversal(ref)).flatMap((tokens) => (tokens && nameAt(tokens, 1) && !META_ROOTS.has(nameAt(tokens, 0)!) && !["var", "local", "module", "data"].includes(nameAt(tokens, 0)!) ? [`${nameAt(tokens, 0)}.${nameAt(tokens, 1)}`] : [])))];
            if (over.length === 1) {
                this.resourceInstances(`${prefix}${over[0]}`, new Set(), scope.key, false, true).forEach((address) => out.add(address));
            }
        }
        for (const [name, entry] of modules) {
            const base = `${prefix}module.${name}`;
            const known = this.instances.moduleKeys(base) ?? [""];
            let keys = [...entry.keys];
            if (keys.length === 0) {
                const same = scope.key !== undefined && (byCount || byEach) && known.includes(scope.key) && known.length > 1 ? [scope.key] : undefined;
                keys = same ?? [...known];
            }
            if (entry.outputs.size === 0) {
                out.add(base);
                continue;
            }
            for (const key of keys) {
                const child = [...scope.module, key === "" ? { name } : { name, key }];
                for (const output of entry.outputs) {
                    const refsOfOutput = referencesOf(this.module(child)?.outputs?.[output]?.expression);
                    if (refsOfOutput !== undefined && refsOfOutput.length > 0) {
                        this.resolve(refsOfOutput, { module: child }, depth + 1).forEach((address) => out.add(address));
                    }
                }
            }
        }
        if (out.size === 0 && unresolved.length > 0) {
            out.add(`${prefix}${unresolved[0]}`);
        }
        return [...out];
    }

    /** A variable of a module instance: the argument its module call gives, in the calling module. */
    private variable(name: string, scope: Scope, depth: number): string[] {
        if (scope.module.length === 0) {
            return [];
        }
        const parent = scope.module.slice(0, -1);
        const call = scope.module[scope.module.length - 1];
        const expression = this.module(parent)?.module_calls?.[call.name]?.expressions?.[name];
        const refs = referencesOf(expression);
        return refs === undefined || refs.length === 0 ? [] : this.resolve(refs, { module: parent, key: call.key }, depth + 1);
    }

    /**
     * The instances a reference to `base` names: the keyed ones it gives, else every instance, except
     * that `web[count.index]` (which Terraform reports as a reference to `web` and to `count.index`)
     * is taken to mean the instance with the referring instance's own index when there is one.
     */
    private resourceInstances(base: string, keys: ReadonlySet<Key>, key: Key | undefined, byCount: boolean, byEach: boolean): string[] {
        if (keys.size > 0) {
            return [...keys].map((k) => `${base}${keySuffix(k)}`);
        }
        const known = this.instances.resourceKeys(base);
        if (known === undefined || known.length === 0) {
            return [base];
        }
        if (known.length > 1 && key !== undefined && ((byCount && typeof key === "number") || (byEach && typeof key === "string")) && known.includes(key)) {
            return [`${base}${keySuffix(key)}`];
        }
        return known.map((k) => `${base}${keySuffix(k === "" ? undefined : k)}`);
    }
}

// ---------------------------------------------------------------------------------------------
// Providers

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

interface ProviderTarget {
    readonly address: string;
    readonly name: string;
    readonly config?: ProviderConfig;
}

function providerAddress(fullName: string, alias: string | undefined, moduleAddress: string | undefined): string {
    return `${moduleAddress ? `${moduleAddress}.` : ""}provider[${JSON.stringify(fullName)}]${alias ? `.${alias}` : ""}`;
}

/** The provider configuration a resource uses, following keys that name an inherited configuration. */
function providerTarget(configs: Record<string, ProviderConfig>, key: string, fallbackFullName: string): ProviderTarget {
    let candidate = key;
    for (let guard = 0; guard < 50; guard++) {
        const config = configs[candidate];
        if (isRecord(config)) {
            const fullName = typeof config.full_name === "string" ? config.full_name : fallbackFullName;
            const alias = typeof config.alias === "string" ? config.alias : undefined;
            const moduleAddress = typeof config.module_address === "string" ? config.module_address : undefined;
            return { address: providerAddress(fullName, alias, moduleAddress), name: candidate, config: config as ProviderConfig };
        }
        // "module.a.module.b:alicloud" inherits from "module.a:alicloud", which inherits from "alicloud".
        const colon = candidate.lastIndexOf(":");
        if (colon < 0) {
            break;
        }
        const modulePath = candidate.slice(0, colon);
        const local = candidate.slice(colon + 1);
        const parent = modulePath.replace(/\.?module\.[^.]+$/, "");
        candidate = parent === "" ? local : `${parent}:${local}`;
    }
    const local = key.slice(key.lastIndexOf(":") + 1);
    const alias = local.includes(".") ? local.slice(local.indexOf(".") + 1) : undefined;
    return { address: providerAddress(fallbackFullName, alias, undefined), name: local };
}

function regionOf(config: ProviderConfig | undefined, variables: unknown): unknown {
    const expression = config?.expressions?.region;
    if (!isRecord(expression)) {
        return undefined; // From the environment (ALICLOUD_REGION, a profile): unknown to any check.
    }
    if (typeof expression.constant_value === "string") {
        return expression.constant_value;
    }
    const refs = referencesOf(expression) ?? [];
    // `region = var.region` in the root module: the plan records the variable's value. Only a value
    // that is itself a region id is taken, since the expression around the reference is not recorded.
    const vars = [...new Set(refs.filter((ref) => /^var\.[\w-]+$/.test(ref)))];
    if (!config?.module_address && vars.length === 1 && refs.every((ref) => ref === vars[0])) {
        const entry = isRecord(variables) ? variables[vars[0].slice(4)] : undefined;
        const value = isRecord(entry) ? entry.value : undefined;
        if (typeof value === "string" && REGION_PATTERN.test(value)) {
            return value;
        }
    }
    return UNKNOWN;
}

// ---------------------------------------------------------------------------------------------
// Nested blocks: which configuration block became which planned element

function deepEqual(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

function compatible(block: Record<string, unknown>, element: unknown): boolean {
    if (!isRecord(element)) {
        return false;
    }
    for (const [field, expression] of Object.entries(block)) {
        if (!isRecord(expression) || !("constant_value" in expression) || expression.constant_value === null) {
            continue;
        }
        const value = element[field];
        if (value === UNKNOWN || (value !== undefined && value !== null && !deepEqual(value, expression.constant_value))) {
            return false;
        }
    }
    return true;
}

/**
 * Pairs configuration blocks with planned elements (a set, such as zone_mappings, is planned in an
 * order of its own): each block with an element whose known values agree with the block's constants.
 * Undefined when they cannot be paired.
 */
export function matchBlocks(blocks: readonly Record<string, unknown>[], elements: readonly unknown[]): number[] | undefined {
    if (blocks.length !== elements.length || blocks.length > 64) {
        return undefined;
    }
    const assigned: number[] = [];
    const used = new Set<number>();
    const place = (b: number): boolean => {
        if (b === blocks.length) {
            return true;
        }
        const order = [b, ...elements.map((_, i) => i).filter((i) => i !== b)];
        for (const e of order) {
            if (e < elements.length && !used.has(e) && compatible(blocks[b], elements[e])) {
                used.add(e);
                assigned[b] = e;
                if (place(b + 1)) {
                    return true;
                }
                used.delete(e);
            }
        }
        return false;
    };
    return place(0) ? assigned : undefined;
}

// ---------------------------------------------------------------------------------------------
// Plans and states

function providerShortName(fullName: string): string {
    return fullName.replace(/^registry\.terraform\.io\//, "");
}

function isAlicloudProvider(fullName: string | undefined): boolean {
    return typeof fullName === "string" && /(^|\/)alicloud$/.test(fullName);
}

/** Refuses a file that holds resources, none of them of the alicloud provider. */
function requireAlicloud(file: string, what: string, planned: readonly PlannedResource[], providerNames: readonly string[]): void {
    const managed = planned.filter((resource) => resource.mode !== "data");
    const alicloud = managed.filter((resource) => resource.type.startsWith("alicloud_") || isAlicloudProvider(resource.providerName));
    if (managed.length > 0 && alicloud.length === 0) {
        const providers = [...new Set([...managed.map((resource) => resource.providerName ?? resource.type.split("_")[0]), ...providerNames].filter(Boolean).map((name) => providerShortName(name!)))];
        throw new InputError(
            file,
            `is a ${what} for ${providers.join(", ")}, with no alicloud resource (${managed.length} resource${managed.length === 1 ? "" : "s"}, none of type alicloud_*). This checker reads Alibaba Cloud (alicloud) infrastructure only.`,
        );
    }
}

export function fromTerraformPlan(file: string, doc: Record<string, unknown>, text: string): LoadedInput {
    checkFormatVersion(file, doc, "Terraform plan");
    const planned = plannedResources(isRecord(doc.planned_values) ? doc.planned_values.root_module : undefined);
    const configuration = isRecord(doc.configuration) ? doc.configuration : {};
    const reader = new ConfigReader(configuration, new Instances(planned));
    const configs = reader.providerConfigs();
    requireAlicloud(file, "Terraform plan", planned, Object.values(configs).flatMap((config) => (typeof config?.full_name === "string" ? [config.full_name] : [])));

    const unknowns = new Map<string, unknown>();
    for (const change of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
        if (isRecord(change) && typeof change.address === "string" && change.deposed === undefined && isRecord(change.change)) {
            unknowns.set(change.address, change.change.after_unknown);
        }
    }

    const notes: string[] = [];
    const providers = new Map<string, ResourceInput>();
    const resources: ResourceInput[] = [];
    for (const resource of planned) {
        const kind = resource.mode === "data" ? undefined : kindOfTerraformType(resource.type);
        if (kind === undefined) {
            continue;
        }
        const config = reader.resource(resource.module, resource.mode, resource.type, resource.name);
        const fullName = resource.providerName ?? "registry.terraform.io/aliyun/alicloud";
        const key = typeof config?.provider_config_key === "string" ? config.provider_config_key : `${resource.module.length > 0 ? `${moduleAddressOf(resource.module.map((step) => ({ name: step.name })))}:` : ""}alicloud`;
        const target = providerTarget(configs, key, fullName);
        if (!providers.has(target.address)) {
            const region = regionOf(target.config, doc.variables);
            providers.set(target.address, {
                address: target.address,
                name: target.name,
                kind: "provider",
                type: "provider",
                props: region === undefined ? {} : { region },
            });
        }
        const snake = markUnknownIn({ ...resource.values }, unknowns.get(resource.address));
        const scope: Scope = { module: resource.module, key: resource.index, forEach: referencesOf(config?.for_each_expression) };
        const propertyDependencies = config === undefined ? {} : dependenciesOf(reader, config.expressions ?? {}, snake, scope);
        resources.push({
            address: resource.address,
            name: resource.address,
            kind,
            type: resource.type,
            props: pulumiNames(snake),
            provider: target.address,
            propertyDependencies,
        });
    }
    if (!isRecord(doc.configuration) && resources.length > 0) {
        notes.push("The plan has no configuration section, so references between resources and provider regions are unknown; checks that need them are reported as undecided.");
    }
    const locateAddress = lineLocator(text, "address");
    return {
        file,
        format: "terraform-plan",
        resources: [...providers.values(), ...resources],
        totalResources: planned.filter((resource) => resource.mode !== "data").length,
        notes,
        locate: (address) => locateAddress(address),
    };
}

/** Property dependencies from a resource's expressions, per attribute and per nested block element. */
function dependenciesOf(reader: ConfigReader, expressions: Record<string, unknown>, values: Record<string, unknown>, scope: Scope): Record<string, string[]> {
    const deps: Record<string, string[]> = {};
    for (const [attribute, expression] of Object.entries(expressions)) {
        const key = camel(attribute);
        if (isExpression(expression)) {
            const refs = referencesOf(expression);
            if (refs !== undefined && refs.length > 0) {
                deps[key] = reader.resolve(refs, scope);
            }
            continue;
        }
        const blocks = (Array.isArray(expression) ? expression : isRecord(expression) ? [expression] : []).filter(isRecord);
        const elements = Array.isArray(values[attribute]) ? (values[attribute] as unknown[]) : undefined;
        const pairing = elements === undefined ? undefined : matchBlocks(blocks, elements);
        const union = new Set<string>();
        blocks.forEach((block, b) => {
            for (const [field, fieldExpression] of Object.entries(block)) {
                const refs = referencesOf(fieldExpression);
                if (refs === undefined || refs.length === 0) {
                    continue;
                }
                const found = reader.resolve(refs, scope);
                found.forEach((address) => union.add(address));
                if (pairing !== undefined) {
                    deps[`${key}[${pairing[b]}].${camel(field)}`] = found;
                }
            }
        });
        if (union.size > 0) {
            deps[key] = [...union];
        }
    }
    return deps;
}

export function fromTerraformState(file: string, doc: Record<string, unknown>, text: string): LoadedInput {
    checkFormatVersion(file, doc, "Terraform state");
    const planned = plannedResources(isRecord(doc.values) ? doc.values.root_module : undefined);
    requireAlicloud(file, "Terraform state", planned, []);
    const providers = new Map<string, ResourceInput>();
    const resources: ResourceInput[] = [];
    for (const resource of planned) {
        const kind = resource.mode === "data" ? undefined : kindOfTerraformType(resource.type);
        if (kind === undefined) {
            continue;
        }
        const fullName = resource.providerName ?? "registry.terraform.io/aliyun/alicloud";
        const address = providerAddress(fullName, undefined, undefined);
        if (!providers.has(address)) {
            providers.set(address, { address, name: providerShortName(fullName), kind: "provider", type: "provider", props: {} });
        }
        resources.push({ address: resource.address, name: resource.address, kind, type: resource.type, props: pulumiNames(resource.values), provider: address, propertyDependencies: {} });
    }
    const locateAddress = lineLocator(text, "address");
    return {
        file,
        format: "terraform-state",
        resources: [...providers.values(), ...resources],
        totalResources: planned.filter((resource) => resource.mode !== "data").length,
        notes: [],
        locate: (address) => locateAddress(address),
    };
}
