// The README's install commands, as the README writes them: every fenced block announced by an
// `<!-- install:<name> -->` comment. The install test runs them from here, so the README and the
// test cannot say different things.

export interface InstallBlock {
    /** `checker`, `pack`, `checker:registry`, ... */
    readonly name: string;
    /** The block's lines, without the fences. */
    readonly lines: string[];
}

export function installBlocks(readme: string): Map<string, InstallBlock> {
    const blocks = new Map<string, InstallBlock>();
    for (const match of readme.matchAll(/<!-- install:([\w:-]+) -->\n```sh\n([\s\S]*?)```\n/g)) {
        blocks.set(match[1], { name: match[1], lines: match[2].split("\n").filter((line) => line.trim() !== "") });
    }
    return blocks;
}

/** The lines of every fenced code block (YAML recipes included), trimmed, with a leading `- run:` or `run:` taken off. */
export function codeLines(readme: string): string[] {
    const lines: string[] = [];
    for (const match of readme.matchAll(/```[\w-]*\n([\s\S]*?)```/g)) {
        for (const line of match[1].split("\n")) {
            lines.push(line.trim().replace(/^(- )?run: /, ""));
        }
    }
    return lines;
}
