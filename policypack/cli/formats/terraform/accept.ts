// What Terraform JSON this reader accepts: the format versions it knows, and files that hold
// alicloud resources (or none at all).

import { InputError } from "../../input";
import { noAlicloudResource } from "../refusal";
import { PlannedResource, managedResources } from "./planned";
import { isAlicloudProvider, providerShortName } from "./providers";

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

/** Refuses a file that holds resources, none of them of the alicloud provider. */
export function requireAlicloud(file: string, what: string, planned: readonly PlannedResource[], providerNames: readonly string[]): void {
    const managed = managedResources(planned);
    const alicloud = managed.filter((resource) => resource.type.startsWith("alicloud_") || isAlicloudProvider(resource.providerName));
    if (managed.length > 0 && alicloud.length === 0) {
        const providers = [
            ...new Set(
                [...managed.map((resource) => resource.providerName ?? resource.type.split("_")[0]), ...providerNames].filter(Boolean).map((name) => providerShortName(name)),
            ),
        ];
        throw noAlicloudResource(file, `${what} for ${providers.join(", ")}`, managed.length, "none of type alicloud_*");
    }
}
