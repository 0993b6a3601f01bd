// A Mermaid flowchart of the EIP bindings a file holds: each EIP to what it is bound to, the
// resources of a violation drawn red. GitHub and GitLab render it in a pull request comment.
// Node ids are generated (n0, n1, ...) and labels are quoted with every character that Mermaid
// could read as syntax written as an entity code, so no resource name can break the diagram.

import { Model, Ref } from "../../core/model";
import { ResourceInput } from "../../core/resources";

export interface Edge {
    readonly eip: Ref;
    readonly target: Ref;
    /** How the EIP is bound: an association, or an ALB/NLB zone mapping. */
    readonly via: "association" | "zoneMapping";
}

/** A label Mermaid shows as written: letters, digits and a few safe marks as they are, anything else as `#<code>;`. */
export function mermaidLabel(text: string): string {
    return [...text].map((char) => (/[A-Za-z0-9 _.,:/()-]/.test(char) ? char : `#${char.codePointAt(0)};`)).join("");
}

export function bindingsOf(resources: readonly ResourceInput[]): Edge[] {
    return new Model(resources).bindings.map((binding) => ({ eip: binding.eip, target: binding.target, via: binding.source }));
}

/** The flowchart's text, or undefined when there is no binding to draw. */
export function bindingFlowchart(resources: readonly ResourceInput[], faulty: ReadonlySet<string>): string | undefined {
    const edges = bindingsOf(resources);
    if (edges.length === 0) {
        return undefined;
    }
    const ids = new Map<string, string>();
    const lines = ["flowchart LR"];
    const classes = new Map<string, string[]>([
        ["fault", []],
        ["outside", []],
    ]);
    let anonymous = 0;
    /** The node of one end of a binding, declared the first time it is seen. */
    const node = (ref: Ref, role: "EIP" | "target"): string => {
        const key = ref.kind === "resource" ? `r:${ref.resource.address}` : ref.kind === "literal" ? `l:${ref.id}` : `u:${anonymous++}`;
        let id = ids.get(key);
        if (id === undefined) {
            id = `n${ids.size}`;
            ids.set(key, id);
            // Ids written in the plan are left out, as in every message of the pack.
            const label =
                ref.kind === "resource"
                    ? `${ref.resource.name} (${ref.resource.type})`
                    : ref.kind === "literal"
                      ? `an existing ${role} outside the plan`
                      : `${role === "EIP" ? "an EIP" : "a target"} not known before deployment`;
            lines.push(`    ${id}["${mermaidLabel(label)}"]`);
            if (ref.kind === "resource" && faulty.has(ref.resource.address)) {
                classes.get("fault")!.push(id);
            } else if (ref.kind !== "resource") {
                classes.get("outside")!.push(id);
            }
        }
        return id;
    };
    for (const edge of edges) {
        const from = node(edge.eip, "EIP");
        const to = node(edge.target, "target");
        lines.push(edge.via === "association" ? `    ${from} --> ${to}` : `    ${from} -->|zone mapping| ${to}`);
    }
    lines.push("    classDef fault fill:#fdd,stroke:#c00,color:#900", "    classDef outside stroke-dasharray:4 4");
    for (const [name, members] of classes) {
        if (members.length > 0) {
            lines.push(`    class ${members.join(",")} ${name}`);
        }
    }
    return lines.join("\n");
}
