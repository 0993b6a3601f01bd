// Which provider configuration each resource uses, and its region, as Terraform decides it: the
// resource's `provider = alicloud.beijing` (else its type's default `alicloud`), looked up in its own
// module, then through the calling module's `providers = { ... }` map, and for the default
// configuration inherited from the caller when the module declares none.

import { ResourceInput } from "../../../core/resources";
import { UNKNOWN, isRecord } from "../../../core/values";
import { DEFAULT_PROVIDER, providerAddress } from "../terraform/providers";
import { evaluate } from "./evaluate";
import { ModuleInstance } from "./modules";
import { Project } from "./project";
import { NamedBlock } from "./sources";
import { literal } from "./template";

/** `alicloud.beijing` from the text of a provider reference (`"${alicloud.beijing}"` or `alicloud.beijing`). */
export function providerKey(raw: unknown): string | undefined {
    if (typeof raw !== "string") {
        return undefined;
    }
    const text = raw.replace(/^\$\{\s*/, "").replace(/\s*\}$/, "");
    return /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)?$/.test(text) ? text : undefined;
}

function aliasOf(block: NamedBlock): string | undefined {
    return typeof block.body.alias === "string" ? literal(block.body.alias) : undefined;
}

/** The registry address of a provider's local name in a module: `required_providers`, else the pack's default. */
function fullName(module: ModuleInstance, local: string): string {
    for (let at: ModuleInstance | undefined = module; at !== undefined; at = at.parent) {
        const source = at.source.requiredProviders.get(local);
        if (source !== undefined) {
            const parts = source.toLowerCase().split("/");
            return parts.length === 2 ? `registry.terraform.io/${parts.join("/")}` : parts.join("/");
        }
    }
    return local === "alicloud" ? DEFAULT_PROVIDER : `registry.terraform.io/hashicorp/${local}`;
}

interface Found {
    readonly module: ModuleInstance;
    readonly block?: NamedBlock;
    readonly key: string;
}

/** The provider configuration `key` names in `module`, following the callers' `providers` maps. */
function findConfiguration(module: ModuleInstance, key: string): Found | undefined {
    const [local, alias] = key.split(".");
    const block = module.source.providers.find((candidate) => candidate.name === local && aliasOf(candidate) === alias);
    if (block !== undefined) {
        return { module, block, key };
    }
    if (module.parent === undefined || module.call === undefined) {
        return undefined;
    }
    const passed = isRecord(module.call.body.providers) ? module.call.body.providers : undefined;
    const mapped = passed === undefined ? undefined : providerKey(passed[key]);
    if (mapped !== undefined) {
        return findConfiguration(module.parent, mapped);
    }
    return alias === undefined ? findConfiguration(module.parent, key) : undefined;
}

export class SourceProviders {
    private readonly inputs = new Map<string, ResourceInput>();

    constructor(private readonly project: Project) {}

    /** The address of the provider a resource block in `module` uses, added the first time. */
    use(module: ModuleInstance, type: string, meta: unknown): string {
        const key = providerKey(meta) ?? type.split("_")[0];
        const [local, alias] = key.split(".");
        const found = findConfiguration(module, key);
        const name = fullName(found?.module ?? module, local);
        if (found === undefined) {
            // No configuration: the default one is Terraform's empty configuration (its region comes from
            // the environment); an alias nobody configured is an error Terraform reports, unknown here.
            const address = alias === undefined ? providerAddress(name, undefined, undefined) : providerAddress(name, alias, module.path || undefined);
            this.add(address, key, alias === undefined ? {} : { region: UNKNOWN });
            return address;
        }
        // The configuration found may be another key than the one asked for (`providers = { alicloud = alicloud.beijing }`).
        const address = providerAddress(name, found.key.split(".")[1], found.module.path || undefined);
        if (!this.inputs.has(address)) {
            this.add(address, found.module.path === "" ? found.key : `${found.module.path}:${found.key}`, this.regionProps(found));
        }
        return address;
    }

    private regionProps(found: Found): Record<string, unknown> {
        const body = found.block?.body ?? {};
        if (!("region" in body)) {
            return {};
        }
        const region = evaluate(body.region, { module: found.module.address }, this.project, new Set());
        return { region: typeof region === "string" && region !== "" ? region : UNKNOWN };
    }

    private add(address: string, name: string, props: Record<string, unknown>): void {
        if (!this.inputs.has(address)) {
            this.inputs.set(address, { address, name, kind: "provider", type: "provider", props });
        }
    }

    resources(): ResourceInput[] {
        return [...this.inputs.values()];
    }
}
