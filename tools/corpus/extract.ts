// The false-alarm corpus: the example programs that ship in the installed @pulumi/alicloud package's
// own documentation, for every resource type the pack reads (policypack/core/resources.ts,
// PULUMI_TYPE_KINDS). Programs no one here wrote, and valid configurations: the pack must report no
// mandatory violation on any of them (test/corpus/corpus.test.ts).
//
// For each type token the resource's module is found in the package (`alicloud:vpc/hAVip:HAVip` is
// vpc/havip.js, recognised by its `__pulumiType`), every ```typescript block of every doc comment of
// its .d.ts is taken, the comment prefix (` * `) stripped, and the program transpiled to a CommonJS
// file that policypack/testing/engine/program.ts runs. Those pages hold a single EIP binding between them, so the
// corpus also takes, from every other page of the package, the documented programs that bind an EIP
// (a NAT gateway's SNAT entry, an ALB zone mapping, ...). Nothing here is committed: the programs are
// extracted afresh from whatever package is installed, into a directory under dist/.
//
//   node dist/tools/corpus/extract.js [out-dir]     extract and print the list

import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { PULUMI_TYPE_KINDS } from "../../policypack/pulumi/types";
import { REPO_ROOT } from "../harness/examples";

export const PACKAGE_NAME = "@pulumi/alicloud";

export interface CorpusProgram {
    /** `vpc/natGateway#2`: the module file and the 1-based index of the block in it. */
    readonly id: string;
    readonly group: CorpusGroup;
    /** The .d.ts the block was taken from, relative to the package directory (`vpc/natGateway.d.ts`). */
    readonly sourceFile: string;
    /** 1-based index of the ```typescript block in that file. */
    readonly blockIndex: number;
    /** What the documentation page holding the program documents: a resource type, or for a function's page its invoke token. */
    readonly resourceType: string;
    /** The prose line just above the block ("Basic Usage", "- create enhanced nat gateway"), if any. */
    readonly caption: string;
    /** The TypeScript source, as documented. */
    readonly source: string;
    /** The compiled CommonJS program. */
    readonly file: string;
    /** Packages the program imports. */
    readonly imports: string[];
    /** Why the program cannot be run (a package it imports is not installed, it does not compile); absent when it can. */
    readonly notRunnable?: string;
}

export interface CorpusSource {
    readonly resourceType: string;
    /** Relative to the package directory; absent when the type's module was not found. */
    readonly sourceFile?: string;
    readonly blocks: number;
    readonly error?: string;
}

export interface Corpus {
    readonly packageVersion: string;
    readonly packageDir: string;
    readonly outDir: string;
    readonly sources: CorpusSource[];
    readonly programs: CorpusProgram[];
    /** Blocks skipped because their code repeats a program already taken. */
    readonly duplicates: string[];
}

/** The resource types the pack reads: every alicloud type token it gives a kind to. */
export function corpusResourceTypes(): string[] {
    return Object.keys(PULUMI_TYPE_KINDS).filter((type) => !type.startsWith("pulumi:providers:"));
}

export function packageDir(): string {
    return path.dirname(require.resolve(`${PACKAGE_NAME}/package.json`, { paths: [REPO_ROOT] }));
}

/**
 * The module file (without extension, relative to the package) that defines `type`. The file name
 * is the token's member name up to case (`vpc/hAVip` is `vpc/havip`); the file's `__pulumiType`
 * decides, and the whole module directory is searched when the name does not match.
 */
export function moduleFileOf(pkgDir: string, type: string): string | undefined {
    const match = /^[^:]+:([^/]+)\/([^:]+):[^:]+$/.exec(type);
    if (match === null) {
        return undefined;
    }
    const [, module, member] = match;
    const dir = path.join(pkgDir, module);
    if (!fs.existsSync(dir)) {
        return undefined;
    }
    const defines = (file: string) => fs.readFileSync(path.join(dir, file), "utf8").includes(`__pulumiType = '${type}'`);
    const files = fs
        .readdirSync(dir)
        .filter((file) => file.endsWith(".js"))
        .sort();
    const named = files.filter((file) => file.slice(0, -3).toLowerCase() === member.toLowerCase());
    const found = named.find(defines) ?? files.find((file) => !named.includes(file) && defines(file));
    return found === undefined ? undefined : `${module}/${found.slice(0, -3)}`;
}

export interface DocBlock {
    readonly code: string;
    readonly caption: string;
}

/** Every ```typescript block of every doc comment of a .d.ts, with the comment prefix stripped. */
export function typescriptBlocks(declarations: string): DocBlock[] {
    const blocks: DocBlock[] = [];
    for (const comment of declarations.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
        const lines = comment
            .slice(3, -2)
            .split(/\r?\n/)
            .map((line) => line.replace(/^\s*\*( |$)/, ""));
        let caption = "";
        for (let i = 0; i < lines.length; i++) {
            const fence = /^\s*```\s*(\S*)/.exec(lines[i]);
            if (fence === null) {
                if (lines[i].trim() !== "") {
                    caption = lines[i].trim();
                }
                continue;
            }
            let end = i + 1;
            while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) {
                end++;
            }
            if (fence[1] === "typescript" || fence[1] === "ts") {
                blocks.push({ code: `${lines.slice(i + 1, end).join("\n")}\n`, caption });
            }
            caption = "";
            i = end;
        }
    }
    return blocks;
}

function resolvable(specifier: string, fromDir: string): boolean {
    try {
        require.resolve(specifier, { paths: [fromDir] });
        return true;
    } catch {
        return false;
    }
}

/** The package a module specifier names (`@pulumi/alicloud/ecs` is `@pulumi/alicloud`). */
function packageOf(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The default output directory: a fresh directory under dist/corpus/ (ignored by git). */
export function freshOutDir(): string {
    const base = path.join(REPO_ROOT, "dist", "corpus");
    fs.mkdirSync(base, { recursive: true });
    return fs.mkdtempSync(path.join(base, "programs-"));
}

/** Which part of the corpus a program belongs to. */
export type CorpusGroup =
    /** A block of the documentation of a resource type the pack reads (corpusResourceTypes). */
    | "resource docs"
    /** A block of any other documentation page of the package that binds an EIP (bindsEip). */
    | "binding docs";

/**
 * Whether a documented program binds an EIP the way the pack checks: it declares an
 * alicloud.ecs.EipAssociation, or an ALB/NLB with a zone mapping's allocationId. (Textual: the
 * programs are documentation, written in one style by the provider's generator.)
 */
export function bindsEip(code: string): boolean {
    return /new alicloud\.ecs\.EipAssociation\(/.test(code) || (/new alicloud\.(alb|nlb)\.LoadBalancer\(/.test(code) && /\ballocationId\s*:/.test(code));
}

/** What a module documents: its resource type (`__pulumiType`) or its invoke token. */
function subjectOf(pkgDir: string, moduleFile: string): string {
    const jsPath = path.join(pkgDir, `${moduleFile}.js`);
    const js = fs.existsSync(jsPath) ? fs.readFileSync(jsPath, "utf8") : "";
    return /__pulumiType = '([^']+)'/.exec(js)?.[1] ?? /invoke(?:Output|SingleOutput|Single)?\("([^"]+)"/.exec(js)?.[1] ?? moduleFile;
}

/** Every .d.ts of the package except the shared type declarations, relative and sorted. */
function declarationFiles(pkgDir: string): string[] {
    const found: string[] = [];
    const walk = (relative: string) => {
        for (const entry of fs.readdirSync(path.join(pkgDir, relative), { withFileTypes: true })) {
            const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules" && child !== "types") {
                    walk(child);
                }
            } else if (entry.name.endsWith(".d.ts")) {
                found.push(child);
            }
        }
    };
    walk("");
    return found.sort();
}

/**
 * Extracts the corpus into `outDir` (which must be inside the repository, so that the programs'
 * imports resolve to its node_modules): one `<module>-<file>-<n>.js` per block, its `.ts` source
 * beside it, and `corpus.json` listing them.
 *
 * Two groups: every ```typescript block of the documentation of each resource type the pack reads
 * ("resource docs"), and, from every other documentation page of the package, the blocks that bind
 * an EIP ("binding docs": the resource pages hold a single EipAssociation between them). A block
 * whose code repeats one already taken (a function's page documents `getX` and `getXOutput` with
 * the same program) is skipped and listed in `duplicates`.
 */
export function extractCorpus(outDir: string = freshOutDir(), types: readonly string[] = corpusResourceTypes()): Corpus {
    const pkgDir = packageDir();
    const packageVersion = (JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
    fs.mkdirSync(outDir, { recursive: true });
    const sources: CorpusSource[] = [];
    const programs: CorpusProgram[] = [];
    const duplicates: string[] = [];
    const seen = new Map<string, string>();

    const take = (group: CorpusGroup, moduleFile: string, resourceType: string, block: DocBlock, blockIndex: number) => {
        const id = `${moduleFile}#${blockIndex}`;
        const earlier = seen.get(block.code);
        if (earlier !== undefined) {
            duplicates.push(`${id} (same program as ${earlier})`);
            return;
        }
        seen.set(block.code, id);
        const base = `${moduleFile.replace(/\//g, "-")}-${blockIndex}`;
        const file = path.join(outDir, `${base}.js`);
        const imports = [...new Set(ts.preProcessFile(block.code, true, true).importedFiles.map((imported) => imported.fileName))];
        const missing = [...new Set(imports.filter((specifier) => !specifier.startsWith(".") && !resolvable(specifier, outDir)).map(packageOf))];
        const output = ts.transpileModule(block.code, {
            fileName: `${base}.ts`,
            reportDiagnostics: true,
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        });
        const syntaxErrors = (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
        fs.writeFileSync(path.join(outDir, `${base}.ts`), block.code);
        fs.writeFileSync(file, output.outputText);
        const notRunnable = missing.length > 0 ? `missing package ${missing.join(", ")}` : syntaxErrors.length > 0 ? `does not compile: ${syntaxErrors.join("; ")}` : undefined;
        programs.push({
            id,
            group,
            sourceFile: `${moduleFile}.d.ts`,
            blockIndex,
            resourceType,
            caption: block.caption,
            source: block.code,
            file,
            imports,
            ...(notRunnable === undefined ? {} : { notRunnable }),
        });
    };

    const resourceFiles = new Set<string>();
    for (const resourceType of types) {
        const moduleFile = moduleFileOf(pkgDir, resourceType);
        if (moduleFile === undefined) {
            sources.push({ resourceType, blocks: 0, error: `no module of ${PACKAGE_NAME} defines ${resourceType}` });
            continue;
        }
        const sourceFile = `${moduleFile}.d.ts`;
        resourceFiles.add(sourceFile);
        const declarationsPath = path.join(pkgDir, sourceFile);
        if (!fs.existsSync(declarationsPath)) {
            sources.push({ resourceType, sourceFile, blocks: 0, error: `${sourceFile} is missing` });
            continue;
        }
        const blocks = typescriptBlocks(fs.readFileSync(declarationsPath, "utf8"));
        sources.push({ resourceType, sourceFile, blocks: blocks.length });
        blocks.forEach((block, index) => take("resource docs", moduleFile, resourceType, block, index + 1));
    }

    for (const sourceFile of declarationFiles(pkgDir)) {
        if (resourceFiles.has(sourceFile)) {
            continue;
        }
        const text = fs.readFileSync(path.join(pkgDir, sourceFile), "utf8");
        if (!text.includes("```typescript") || !text.includes("alicloud.")) {
            continue;
        }
        const moduleFile = sourceFile.slice(0, -".d.ts".length);
        typescriptBlocks(text).forEach((block, index) => {
            if (bindsEip(block.code)) {
                take("binding docs", moduleFile, subjectOf(pkgDir, moduleFile), block, index + 1);
            }
        });
    }

    const corpus: Corpus = { packageVersion, packageDir: pkgDir, outDir, sources, programs, duplicates };
    fs.writeFileSync(path.join(outDir, "corpus.json"), `${JSON.stringify({ ...corpus, programs: programs.map(({ source: _source, ...rest }) => rest) }, null, 2)}\n`);
    return corpus;
}

if (require.main === module) {
    const corpus = extractCorpus(process.argv[2] === undefined ? undefined : path.resolve(process.argv[2]));
    console.log(
        `${PACKAGE_NAME}@${corpus.packageVersion}: ${corpus.programs.length} programs from ${corpus.sources.length} resource types, in ${path.relative(process.cwd(), corpus.outDir)}`,
    );
    for (const source of corpus.sources) {
        console.log(`  ${source.resourceType}  ${source.sourceFile ?? "-"}  ${source.blocks} block(s)${source.error ? `  (${source.error})` : ""}`);
    }
    for (const program of corpus.programs) {
        console.log(`  [${program.group}] ${program.id}  ${program.resourceType}  ${program.notRunnable ?? "runnable"}`);
    }
    for (const duplicate of corpus.duplicates) {
        console.log(`  skipped ${duplicate}`);
    }
}
