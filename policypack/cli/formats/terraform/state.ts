// Reads a Terraform state (`terraform show -json` without a plan) into the core's resources.

import { ResourceInput } from "../../../core/resources";
import { isRecord } from "../../../core/values";
import { LoadedInput } from "../loaded";
import { checkFormatVersion, requireAlicloud } from "./accept";
import { pulumiNames } from "./names";
import { kindOfPlanned, loadedInput, plannedResources } from "./planned";
import { DEFAULT_PROVIDER, providerAddress, providerShortName } from "./providers";

/**
 * A state has known values only and no configuration: ids link the resources, and every resource
 * shares one provider of unknown region (a binding that exists was accepted by Alibaba Cloud, so its
 * EIP and target are in one region).
 */
export function fromTerraformState(file: string, doc: Record<string, unknown>, text: string): LoadedInput {
    checkFormatVersion(file, doc, "Terraform state");
    const planned = plannedResources(isRecord(doc.values) ? doc.values.root_module : undefined);
    requireAlicloud(file, "Terraform state", planned, []);
    const providers = new Map<string, ResourceInput>();
    const resources: ResourceInput[] = [];
    for (const resource of planned) {
        const kind = kindOfPlanned(resource);
        if (kind === undefined) {
            continue;
        }
        const fullName = resource.providerName ?? DEFAULT_PROVIDER;
        const address = providerAddress(fullName, undefined, undefined);
        if (!providers.has(address)) {
            providers.set(address, { address, name: providerShortName(fullName), kind: "provider", type: "provider", props: {} });
        }
        resources.push({
            address: resource.address,
            name: resource.address,
            kind,
            type: resource.type,
            props: pulumiNames(resource.values),
            provider: address,
            propertyDependencies: {},
        });
    }
    return loadedInput(file, "terraform-state", planned, [...providers.values(), ...resources], [], text);
}
