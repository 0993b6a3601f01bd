// The instances a plan holds of each resource and each module call, which say what a reference to a
// resource or module with count or for_each names.

import { Key, prefixOf } from "./addresses";
import { PlannedResource } from "./planned";

/** The instances the plan holds of each resource and each module call, to resolve references. */
export class Instances {
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
