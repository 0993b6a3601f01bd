// Terraform configuration files (`.tf`, `.tf.json`) read without a plan into the core's resources, as
// the plan reader builds them from a plan of the same configuration: what can be known without a
// cloud is evaluated, everything else is unknown and says what it was computed from.

import * as fs from "fs";
import * as path from "path";
import { ResourceInput } from "../../../core/resources";
import { RULES } from "../../../core/rules";
import { InputError } from "../../input";
import { LoadedInput, SourceLocation } from "../loaded";
import { noAlicloudResource } from "../refusal";
import { kindOfTerraformType } from "../terraform/names";
import { ModuleInstance, prefixOf } from "./modules";
import { Project } from "./project";
import { SourceProviders } from "./providers";
import { resourceInput } from "./resources";
import { configFilesIn, isConfigFile, readModule } from "./sources";
import { InlineWaiver, instancesGlob, readSuppressions } from "./suppressions";
import { VariableArgument, automaticVarFiles, variableValues } from "./tfvars";

export { isConfigFile } from "./sources";

export interface SourceOptions {
    /** `--var-file`s and `--var`s, in the order given, after the files Terraform loads by itself. */
    readonly variables?: readonly VariableArgument[];
    /** The environment, for TF_VAR_<name> variables. */
    readonly environment?: Readonly<Record<string, string | undefined>>;
    /** `--tf-root`: the sources a plan or state was made from, to locate its resources in them. */
    readonly tfRoot?: string;
}

/** Whether a path names Terraform sources: a directory, or a .tf / .tf.json file. */
export function isSourceInput(file: string): boolean {
    if (isConfigFile(path.basename(file))) {
        return true;
    }
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

/** The inputs of a command line: each argument, except that the .tf files of one directory are one module, read together. */
export function sourceGroups(files: readonly string[]): { label: string; paths?: string[] }[] {
    const out: { label: string; paths?: string[] }[] = [];
    const byDir = new Map<string, { label: string; paths: string[] }>();
    for (const file of files) {
        if (file === "-" || !isConfigFile(path.basename(file))) {
            out.push({ label: file });
            continue;
        }
        const dir = path.dirname(file);
        const group = byDir.get(dir);
        if (group === undefined) {
            const created = { label: file, paths: [file] };
            byDir.set(dir, created);
            out.push(created);
        } else if (!group.paths.includes(file)) {
            group.paths.push(file);
            group.label = dir;
        }
    }
    return out;
}

/** The module directory and files an input names: a directory's files, or the files given (one directory). */
function rootFiles(label: string, inputs: readonly string[]): { dir: string; files: string[] } {
    if (inputs.length === 1 && !isConfigFile(path.basename(inputs[0]))) {
        const files = configFilesIn(inputs[0]);
        if (files.length === 0) {
            throw new InputError(
                label,
                "is a directory, not a file, and holds no Terraform configuration (*.tf or *.tf.json). Give a directory of .tf files, a .tf file, or a JSON file (for example plan.json from `terraform show -json tfplan > plan.json`).",
            );
        }
        return { dir: inputs[0], files };
    }
    for (const file of inputs) {
        if (!fs.existsSync(file)) {
            throw new InputError(file, "does not exist.");
        }
    }
    return { dir: path.dirname(inputs[0]), files: [...inputs] };
}

/** Reads the Terraform module at `inputs` (a directory, or .tf files of one directory). */
export function fromTerraformSources(label: string, inputs: readonly string[], options: SourceOptions = {}): LoadedInput {
    const { dir, files } = rootFiles(label, inputs);
    const source = readModule(dir, files);
    const others = files.length === inputs.length ? configFilesIn(dir).filter((file) => !files.some((given) => path.resolve(given) === path.resolve(file))) : [];
    const declared = new Map([...source.variables].map(([name, block]) => [name, block.body.type]));
    const project = new Project(source, variableValues(automaticVarFiles(dir), options.variables, options.environment, declared));
    const providers = new SourceProviders(project);
    const resources: ResourceInput[] = [];
    const located = new Map<string, SourceLocation>();
    const waivers: InlineWaiver[] = [];
    const notes: string[] = [];
    const policies = RULES.map((rule) => rule.name as string);
    let managed = 0;
    let alicloud = 0;
    const types = new Set<string>();
    const modules: ModuleInstance[] = project.moduleInstances();
    for (const module of modules) {
        for (const block of module.source.resources) {
            if (block.mode !== "managed") {
                continue;
            }
            const instances = project.instancesOf(module, block) ?? [];
            for (const instance of instances) {
                managed++;
                types.add(block.type.split("_")[0]);
                alicloud += block.type.startsWith("alicloud_") ? 1 : 0;
                located.set(instance.address, { file: block.file, line: block.line });
                const kind = kindOfTerraformType(block.type);
                if (kind !== undefined) {
                    resources.push(resourceInput(project, instance, kind, providers.use(module, block.type, block.body.provider)));
                }
            }
            const base = `${prefixOf(module.address)}${block.type}.${block.name}`;
            const found = readSuppressions(
                block.comments,
                block.file,
                instancesGlob(
                    instances.map((instance) => instance.address),
                    base,
                ),
                policies,
                instances.find((instance) => located.has(instance.address) && kindOfTerraformType(block.type) !== undefined)?.address,
            );
            waivers.push(...found.waivers);
            found.problems.forEach((problem) => notes.includes(problem) || notes.push(problem));
        }
    }
    if (managed > 0 && alicloud === 0) {
        throw noAlicloudResource(label, `Terraform configuration for ${[...types].join(", ")}`, managed, "none of type alicloud_*");
    }
    notes.push(...project.notes);
    if (project.unsetVariables.size > 0) {
        const names = [...project.unsetVariables].sort();
        notes.push(
            `${names.length === 1 ? "Variable" : "Variables"} ${names.map((name) => `var.${name}`).join(", ")} ${names.length === 1 ? "has" : "have"} no default and no value in a .tfvars file, a TF_VAR_ variable or --var, so what is computed from ${names.length === 1 ? "it" : "them"} is unknown. Give the values with --var-file or --var to check it.`,
        );
    }
    if (others.length > 0) {
        notes.push(
            `Only the files given were read; ${dir} also holds ${others.map((file) => path.basename(file)).join(", ")}, which Terraform reads as part of the same module. Give the directory to check the whole module.`,
        );
    }
    if (source.overrides.length > 0) {
        notes.push(
            `Override files (${source.overrides.join(", ")}) are merged by Terraform into the other files; this checker does not merge them, and read the configuration without them.`,
        );
    }
    return {
        file: label,
        format: "terraform-source",
        resources: [...providers.resources(), ...resources],
        totalResources: managed,
        notes,
        locate: (address) => located.get(address)?.line,
        source: (address) => located.get(address),
        waivers,
    };
}
