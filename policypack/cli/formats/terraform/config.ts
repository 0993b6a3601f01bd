// Finds things in a plan's `configuration`: the module a module instance runs, a resource's block,
// the provider configurations, the argument a module call gives and a module's outputs.

import { isRecord } from "../../../core/values";
import { ModuleStep } from "./addresses";
import { ConfigModule, ConfigResource, ProviderConfig } from "./types";

export class ConfigReader {
    constructor(private readonly config: Record<string, unknown>) {}

    module(steps: readonly ModuleStep[]): ConfigModule | undefined {
        let module: unknown = this.config.root_module;
        for (const step of steps) {
            const calls = isRecord(module) ? module.module_calls : undefined;
            const call = isRecord(calls) ? calls[step.name] : undefined;
            module = isRecord(call) ? call.module : undefined;
        }
        return isRecord(module) ? module : undefined;
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

    /** The expression the call `call` in the module at `steps` gives the called module's `variable`. */
    callArgument(steps: readonly ModuleStep[], call: string, variable: string): unknown {
        return this.module(steps)?.module_calls?.[call]?.expressions?.[variable];
    }

    /** The expression of the output `output` of the module at `steps`. */
    outputExpression(steps: readonly ModuleStep[], output: string): unknown {
        return this.module(steps)?.outputs?.[output]?.expression;
    }
}
