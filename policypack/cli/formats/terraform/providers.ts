// The providers of a plan's resources: which provider configuration a resource uses (aliases such as
// `alicloud.beijing`, modules, inherited configurations), its address, and the region it sets.

import { ResourceInput } from "../../../core/resources";
import { UNKNOWN, isRecord } from "../../../core/values";
import { ModuleStep, moduleAddressOf } from "./addresses";
import { PlannedResource } from "./planned";
import { ConfigResource, ProviderConfig, referencesOf } from "./types";

/** The provider a resource that names none belongs to. */
export const DEFAULT_PROVIDER = "registry.terraform.io/aliyun/alicloud";

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

interface ProviderTarget {
    readonly address: string;
    readonly name: string;
    readonly config?: ProviderConfig;
}

export function providerAddress(fullName: string, alias: string | undefined, moduleAddress: string | undefined): string {
    return `${moduleAddress ? `${moduleAddress}.` : ""}provider[${JSON.stringify(fullName)}]${alias ? `.${alias}` : ""}`;
}

export function providerShortName(fullName: string): string {
    return fullName.replace(/^registry\.terraform\.io\//, "");
}

export function isAlicloudProvider(fullName: string | undefined): boolean {
    return typeof fullName === "string" && /(^|\/)alicloud$/.test(fullName);
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
            return { address: providerAddress(fullName, alias, moduleAddress), name: candidate, config: config };
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

/** The key of the provider configuration a resource uses: the one it names, else its module's `alicloud`. */
function providerConfigKey(config: ConfigResource | undefined, module: readonly ModuleStep[]): string {
    return typeof config?.provider_config_key === "string"
        ? config.provider_config_key
        : `${module.length > 0 ? `${moduleAddressOf(module.map((step) => ({ name: step.name })))}:` : ""}alicloud`;
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

/** The provider resources of a plan, one per provider configuration its resources use, in the order first used. */
export class PlanProviders {
    private readonly inputs = new Map<string, ResourceInput>();

    constructor(
        private readonly configs: Record<string, ProviderConfig>,
        private readonly variables: unknown,
    ) {}

    /** The address of the provider `resource` uses, added to the plan's providers the first time. */
    use(resource: PlannedResource, config: ConfigResource | undefined): string {
        const fullName = resource.providerName ?? DEFAULT_PROVIDER;
        const target = providerTarget(this.configs, providerConfigKey(config, resource.module), fullName);
        if (!this.inputs.has(target.address)) {
            const region = regionOf(target.config, this.variables);
            this.inputs.set(target.address, {
                address: target.address,
                name: target.name,
                kind: "provider",
                type: "provider",
                props: region === undefined ? {} : { region },
            });
        }
        return target.address;
    }

    resources(): ResourceInput[] {
        return [...this.inputs.values()];
    }
}
