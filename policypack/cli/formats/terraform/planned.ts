// The resource instances a plan's `planned_values` or a state's `values` hold, taken out of their
// modules into one list, and what a reading of them hands back to the checker.

import { ResourceInput, ResourceKind } from "../../../core/resources";
import { isRecord } from "../../../core/values";
import { InputFormat, LoadedInput, lineLocator } from "../loaded";
import { Key, ModuleStep, parseModuleAddress } from "./addresses";
import { kindOfTerraformType } from "./names";

export interface PlannedResource {
    readonly address: string;
    readonly mode?: string;
    readonly type: string;
    readonly name: string;
    readonly index?: Key;
    readonly providerName?: string;
    readonly values: Record<string, unknown>;
    readonly module: ModuleStep[];
}

export function plannedResources(root: unknown): PlannedResource[] {
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

/** The managed resources (data sources left out), the ones a file is said to hold. */
export function managedResources(planned: readonly PlannedResource[]): PlannedResource[] {
    return planned.filter((resource) => resource.mode !== "data");
}

/** The kind of a managed resource the rules read; undefined for a data source or another type. */
export function kindOfPlanned(resource: PlannedResource): ResourceKind | undefined {
    return resource.mode === "data" ? undefined : kindOfTerraformType(resource.type);
}

/** The reading of a plan or state: `resources` are the core's, providers first. */
export function loadedInput(file: string, format: InputFormat, planned: readonly PlannedResource[], resources: ResourceInput[], notes: string[], text: string): LoadedInput {
    const locateAddress = lineLocator(text, "address");
    return {
        file,
        format,
        resources,
        totalResources: managedResources(planned).length,
        notes,
        locate: (address) => locateAddress(address),
    };
}
