// Reads a Terraform plan (`terraform show -json` of a saved plan) into the core's resources: planned
// values with their unknowns, providers with their regions, and property dependencies.

import { ResourceInput, ResourceKind } from "../../../core/resources";
import { isRecord } from "../../../core/values";
import { LoadedInput } from "../loaded";
import { checkFormatVersion, requireAlicloud } from "./accept";
import { ConfigReader } from "./config";
import { dependenciesOf } from "./dependencies";
import { Instances } from "./instances";
import { pulumiNames } from "./names";
import { PlannedResource, kindOfPlanned, loadedInput, plannedResources } from "./planned";
import { PlanProviders } from "./providers";
import { ReferenceResolver, Scope } from "./resolver";
import { ConfigResource, referencesOf } from "./types";
import { afterUnknowns, markUnknownIn } from "./unknowns";

/**
 * A plan gives each resource instance's planned values (`planned_values`, unknown values left out),
 * which of them are unknown (`resource_changes[].change.after_unknown`), and the configuration the
 * values came from (`configuration`): every argument's expression, with the references it makes.
 * The references are what Pulumi calls property dependencies: at plan time `allocation_id` of a new
 * association is unknown, and `references: ["alicloud_eip_address.web.id", ...]` is how the rules
 * know which EIP it will be. An unknown argument with no expression is one the configuration leaves
 * unset (Optional+Computed): it is handed to the core as unknown with no dependencies, which the
 * core reads as unset. Provider regions come from `configuration.provider_config`, through each
 * resource's `provider_config_key` (aliases such as `alicloud.beijing`, modules, inherited configs).
 */
export function fromTerraformPlan(file: string, doc: Record<string, unknown>, text: string): LoadedInput {
    checkFormatVersion(file, doc, "Terraform plan");
    const planned = plannedResources(isRecord(doc.planned_values) ? doc.planned_values.root_module : undefined);
    const reader = new ConfigReader(isRecord(doc.configuration) ? doc.configuration : {});
    const resolver = new ReferenceResolver(reader, new Instances(planned));
    const configs = reader.providerConfigs();
    requireAlicloud(
        file,
        "Terraform plan",
        planned,
        Object.values(configs).flatMap((config) => (typeof config?.full_name === "string" ? [config.full_name] : [])),
    );

    const unknowns = afterUnknowns(doc.resource_changes);
    const providers = new PlanProviders(configs, doc.variables);
    const resources: ResourceInput[] = [];
    for (const resource of planned) {
        const kind = kindOfPlanned(resource);
        if (kind === undefined) {
            continue;
        }
        const config = reader.resource(resource.module, resource.mode, resource.type, resource.name);
        const provider = providers.use(resource, config);
        resources.push(plannedInput(resolver, resource, kind, config, provider, unknowns.get(resource.address)));
    }
    const notes: string[] = [];
    if (!isRecord(doc.configuration) && resources.length > 0) {
        notes.push("The plan has no configuration section, so references between resources and provider regions are unknown; checks that need them are reported as undecided.");
    }
    return loadedInput(file, "terraform-plan", planned, [...providers.resources(), ...resources], notes, text);
}

/** One planned resource instance as the core reads it: Pulumi's names, unknowns marked, dependencies. */
function plannedInput(
    resolver: ReferenceResolver,
    resource: PlannedResource,
    kind: ResourceKind,
    config: ConfigResource | undefined,
    provider: string,
    unknown: unknown,
): ResourceInput {
    const snake = markUnknownIn({ ...resource.values }, unknown);
    const scope: Scope = { module: resource.module, key: resource.index, forEach: referencesOf(config?.for_each_expression) };
    const propertyDependencies = config === undefined ? {} : dependenciesOf(resolver, config.expressions ?? {}, snake, scope);
    // depends_on orders creation like a reference does; it is written as references are.
    const declared = Array.isArray(config?.depends_on) ? config.depends_on.filter((ref): ref is string => typeof ref === "string") : [];
    const dependencies = declared.length > 0 ? resolver.resolve(declared, scope) : [];
    return {
        address: resource.address,
        name: resource.address,
        kind,
        type: resource.type,
        props: pulumiNames(snake),
        provider,
        propertyDependencies,
        ...(dependencies.length > 0 ? { dependencies } : {}),
    };
}
