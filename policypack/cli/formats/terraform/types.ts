// The shapes of the `configuration` section of Terraform's JSON plan that this reader uses, and the
// two readers of an expression.

import { isRecord } from "../../../core/values";

export interface ConfigResource {
    readonly address?: string;
    readonly mode?: string;
    readonly type?: string;
    readonly name?: string;
    readonly provider_config_key?: string;
    readonly expressions?: Record<string, unknown>;
    readonly for_each_expression?: { references?: string[] };
    readonly depends_on?: string[];
}

export interface ConfigModule {
    readonly resources?: ConfigResource[];
    readonly module_calls?: Record<string, { expressions?: Record<string, unknown>; module?: ConfigModule }>;
    readonly outputs?: Record<string, { expression?: { references?: string[] } }>;
}

export interface ProviderConfig {
    readonly name?: string;
    readonly full_name?: string;
    readonly alias?: string;
    readonly module_address?: string;
    readonly expressions?: Record<string, unknown>;
}

export interface Expression {
    readonly constant_value?: unknown;
    readonly references?: string[];
}

export function isExpression(value: unknown): value is Expression {
    return isRecord(value) && ("constant_value" in value || "references" in value || Object.keys(value).length === 0);
}

export function referencesOf(value: unknown): string[] | undefined {
    return isRecord(value) && Array.isArray(value.references) ? value.references.filter((ref): ref is string => typeof ref === "string") : undefined;
}
