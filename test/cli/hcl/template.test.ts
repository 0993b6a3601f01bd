// Template strings of the parser's JSON: code told from literal text and escapes, HCL source made
// back from them, and the plain traversals whose trees are built without calling the parser.

import { expressionTree } from "../../../policypack/cli/formats/hcl/parser";
import { hasCode, literal, plainTraversal, splitTemplate, templateSource } from "../../../policypack/cli/formats/hcl/template";

test("code, literal text and escapes", () => {
    expect(hasCode("plain")).toBe(false);
    expect(hasCode("$${not.code}")).toBe(false);
    expect(hasCode("%%{not code}")).toBe(false);
    expect(hasCode("a-${var.x}")).toBe(true);
    expect(literal("$${x} and %%{y}")).toBe("${x} and %{y}");
    expect(splitTemplate('a "${lookup(var.m, "}")}" b')).toEqual([
        { code: false, text: 'a "' },
        { code: true, text: '${lookup(var.m, "}")}' },
        { code: false, text: '" b' },
    ]);
    expect(templateSource('say "hi"\n${var.x}\\')).toBe('"say \\"hi\\"\\n${var.x}\\\\"');
});

test.each(["${var.x}", "${alicloud_eip_address.web[0].id}", '${module.web["a"].instance_id}', "${alicloud_eip_address.nat-ip[3].id}", "${each.value.id}", '${local.m["k.x/y-1"]}'])(
    "%s: the tree built here is the parser's",
    (text) => {
        const strip = (node: unknown): unknown =>
            Array.isArray(node)
                ? node.map(strip)
                : node !== null && typeof node === "object"
                  ? Object.fromEntries(
                        Object.entries(node)
                            .filter(([key, value]) => !["range", "fullAccessor", "value"].includes(key) && !(key === "children" && Array.isArray(value) && value.length === 0))
                            .map(([key, value]) => [key, strip(value)]),
                    )
                  : node;
        expect(strip(plainTraversal(text))).toEqual(strip(expressionTree(`"${text}"`)));
    },
);

test("anything else goes to the parser", () => {
    for (const text of ["${var.x + 1}", "${var.x} ", "${ var.x }", "${var.l[count.index]}", "${f(x)}", '${var.m["a b"]}']) {
        expect({ text, tree: plainTraversal(text) }).toEqual({ text, tree: undefined });
    }
});
