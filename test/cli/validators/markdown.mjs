/* global process, console, Buffer */
// Reads a Markdown report on standard input and prints, as JSON, what a Markdown parser (marked's
// lexer, as GitHub-flavoured Markdown) made of it: its headings, its tables and its code blocks,
// each Mermaid block with the verdict of Mermaid's own parser. Mermaid and marked are ES modules and
// Mermaid needs a DOM, so this runs in a node process of its own, with jsdom standing in for the page.
import { JSDOM } from "jsdom";
import { marked } from "marked";

const chunks = [];
for await (const chunk of process.stdin) {
    chunks.push(chunk);
}
const text = Buffer.concat(chunks).toString("utf8");

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const tokens = marked.lexer(text, { gfm: true });
const headings = [];
const tables = [];
const code = [];
const walk = (list) => {
    for (const token of list) {
        if (token.type === "heading") {
            headings.push({ depth: token.depth, text: token.text });
        } else if (token.type === "table") {
            tables.push({ header: token.header.map((cell) => cell.text), rows: token.rows.map((row) => row.map((cell) => cell.text)) });
        } else if (token.type === "code") {
            code.push({ lang: token.lang ?? "", text: token.text });
        }
        if (Array.isArray(token.tokens)) {
            walk(token.tokens);
        }
        if (Array.isArray(token.items)) {
            walk(token.items);
        }
    }
};
walk(tokens);
for (const block of code.filter((entry) => entry.lang === "mermaid")) {
    try {
        const parsed = await mermaid.parse(block.text);
        block.mermaid = { ok: true, diagramType: parsed.diagramType };
    } catch (error) {
        block.mermaid = { ok: false, error: String(error instanceof Error ? error.message : error) };
    }
}
console.log(JSON.stringify({ headings, tables, code }));
