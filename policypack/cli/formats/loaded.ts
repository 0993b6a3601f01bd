// What a front end makes of one input file: the core's resources, and where each one is written.

import { ResourceInput } from "../../core/resources";
import type { InlineWaiver } from "./hcl/suppressions";

export type InputFormat = "terraform-plan" | "terraform-state" | "terraform-source" | "pulumi-export" | "pulumi-preview";

export const FORMAT_LABEL: Readonly<Record<InputFormat, string>> = {
    "terraform-plan": "Terraform plan",
    "terraform-state": "Terraform state",
    "terraform-source": "Terraform configuration",
    "pulumi-export": "Pulumi stack export",
    "pulumi-preview": "Pulumi preview",
};

export interface LoadedInput {
    readonly file: string;
    readonly format: InputFormat;
    /** The alicloud resources and their providers, as the core reads them. */
    readonly resources: ResourceInput[];
    /** How many resources the file holds in all (of every provider). */
    readonly totalResources: number;
    /** Things the user should know about how the file was read (advisory). */
    readonly notes: string[];
    /**
     * Why the file holds only part of the stack (a preview without --show-sames), when it does: one of
     * `notes`, which the report turns into a failing finding unless partial input was accepted.
     */
    readonly partial?: string;
    /** The 1-based line on which the file first names a resource address, for reports. */
    locate: (address: string) => number | undefined;
    /** Where a resource is declared, when that is another file than this input (a .tf file of a directory). */
    readonly source?: (address: string) => SourceLocation | undefined;
    /** Suppressions written in the input itself (comments in .tf files), judged as configured exemptions. */
    readonly waivers?: readonly InlineWaiver[];
}

/** A line of a file. */
export interface SourceLocation {
    readonly file: string;
    readonly line: number;
}

/** Finds the line of `"key": "value"` in a JSON text, whatever the spacing. */
export function lineLocator(text: string, key: string): (value: string) => number | undefined {
    const cache = new Map<string, number | undefined>();
    return (value) => {
        if (cache.has(value)) {
            return cache.get(value);
        }
        const needle = JSON.stringify(value);
        let line: number | undefined;
        const pattern = new RegExp(`"${key}"\\s*:\\s*${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
        const match = pattern.exec(text);
        if (match) {
            line = 1;
            for (let i = 0; i < match.index; i++) {
                if (text.charCodeAt(i) === 10) {
                    line++;
                }
            }
        }
        cache.set(value, line);
        return line;
    };
}
