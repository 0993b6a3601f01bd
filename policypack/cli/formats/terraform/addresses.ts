// Terraform addresses and references taken apart: `module.a[0].alicloud_eip.web["x"].id` into names
// and keys (count indexes, for_each keys), and module paths written back as addresses.

/** A count index or a for_each key. */
export type Key = number | string;

export type Token = { readonly name: string } | { readonly key: Key };

/** Splits `module.a[0].alicloud_eip.web["x"].id` into names and keys; undefined if it does not parse. */
export function traversal(text: string): Token[] | undefined {
    const tokens: Token[] = [];
    let i = 0;
    const name = /^[A-Za-z_][\w-]*/;
    while (i < text.length) {
        if (text[i] === ".") {
            i++;
            continue;
        }
        if (text[i] === "[") {
            const rest = text.slice(i);
            const numeric = /^\[(\d+)\]/.exec(rest);
            const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
            if (numeric) {
                tokens.push({ key: Number(numeric[1]) });
                i += numeric[0].length;
            } else if (quoted) {
                tokens.push({ key: JSON.parse(`"${quoted[1]}"`) as string });
                i += quoted[0].length;
            } else {
                return tokens.length > 0 ? tokens : undefined; // [*] or an expression: stop here
            }
            continue;
        }
        const match = name.exec(text.slice(i));
        if (!match) {
            return tokens.length > 0 ? tokens : undefined;
        }
        tokens.push({ name: match[0] });
        i += match[0].length;
    }
    return tokens;
}

export function nameAt(tokens: readonly Token[], index: number): string | undefined {
    const token = tokens[index];
    return token !== undefined && "name" in token ? token.name : undefined;
}

export function keyAt(tokens: readonly Token[], index: number): Key | undefined {
    const token = tokens[index];
    return token !== undefined && "key" in token ? token.key : undefined;
}

export function keySuffix(key: Key | undefined | null): string {
    return key === undefined || key === null ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** One module call on the way from the root module to a module instance. */
export interface ModuleStep {
    readonly name: string;
    readonly key?: Key;
}

export function moduleAddressOf(steps: readonly ModuleStep[]): string {
    return steps.map((step) => `module.${step.name}${keySuffix(step.key)}`).join(".");
}

export function parseModuleAddress(address: string | undefined): ModuleStep[] {
    if (!address) {
        return [];
    }
    const tokens = traversal(address) ?? [];
    const steps: ModuleStep[] = [];
    for (let i = 0; i < tokens.length; i++) {
        const name = nameAt(tokens, i + 1);
        if (nameAt(tokens, i) !== "module" || name === undefined) {
            break;
        }
        const key = keyAt(tokens, i + 2);
        steps.push(key === undefined ? { name } : { name, key });
        i += key === undefined ? 1 : 2;
    }
    return steps;
}

/** What addresses inside a module instance start with: `module.a[0].`, or nothing at the root. */
export function prefixOf(steps: readonly ModuleStep[]): string {
    return steps.length === 0 ? "" : `${moduleAddressOf(steps)}.`;
}
