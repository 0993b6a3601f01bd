// The pack entry (policypack/index.ts) in-process: constructing the real PolicyPack would start the
// analyzer server, so @pulumi/policy is replaced by a recording constructor and the entry is loaded
// in a module registry of its own.

import * as fs from "fs";
import * as path from "path";
import { POLICY_DOCS_URL, README_URL } from "../../policypack/core/pack";
import { RULES } from "../../policypack/core/rules";
import { packReadme } from "../../policypack/pack-readme";
import { PACK_CONTRACT } from "../contract/contract";

interface Constructed {
    name: string;
    args: Record<string, any>;
}

const repositoryReadme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

/** Loads policypack/index.ts with a recording PolicyPack and a readFileSync that answers with `readme`. */
function loadEntry(readme: (file: string, encoding: unknown) => string): { packs: Constructed[]; reads: unknown[][] } {
    const packs: Constructed[] = [];
    const reads: unknown[][] = [];
    jest.isolateModules(() => {
        jest.doMock("@pulumi/policy", () => ({
            PolicyPack: function PolicyPack(name: string, args: Record<string, unknown>) {
                packs.push({ name, args });
            },
        }));
        jest.doMock("fs", () => {
            const actual = jest.requireActual("fs");
            return {
                ...actual,
                readFileSync: (file: unknown, encoding: unknown) => {
                    if (typeof file === "string" && file.endsWith("README.md")) {
                        reads.push([file, encoding]);
                        return readme(file, encoding);
                    }
                    return actual.readFileSync(file, encoding);
                },
            };
        });
        try {
            require("../../policypack/index");
        } finally {
            jest.dontMock("@pulumi/policy");
            jest.dontMock("fs");
        }
    });
    return { packs, reads };
}

describe("the pack entry", () => {
    test("constructs exactly one PolicyPack named alicloud-eip-guard with every policy at its default level", () => {
        const { packs } = loadEntry(() => repositoryReadme);
        expect(packs).toHaveLength(1);
        const [{ name, args }] = packs;
        expect(name).toBe("alicloud-eip-guard");
        expect(args.policies.map((policy: { name: string; enforcementLevel: string }) => [policy.name, policy.enforcementLevel])).toEqual(
            PACK_CONTRACT.map((policy) => [policy.name, policy.enforcementLevel]),
        );
        expect(args.policies.slice(0, RULES.length).map((policy: { name: string }) => policy.name)).toEqual(RULES.map((rule) => rule.name));
        for (const policy of args.policies.slice(0, RULES.length)) {
            expect(typeof policy.validateStack).toBe("function");
        }
        for (const policy of args.policies.slice(RULES.length)) {
            expect(typeof policy.validateResource).toBe("function");
        }
    });

    test("carries the pack's metadata", () => {
        const { packs } = loadEntry(() => repositoryReadme);
        const { policies: _policies, readme: _readme, ...metadata } = packs[0].args;
        expect(metadata).toEqual({
            displayName: "Alibaba Cloud EIP binding guard",
            description: "Rejects Alibaba Cloud EIP bindings that the EIP binding FAQ says will fail, during pulumi preview.",
            provider: "alicloud",
            tags: ["alicloud", "eip", "networking"],
            repository: "https://github.com/alicloud-eip-guard/alicloud-eip-guard",
        });
    });

    test("the readme Pulumi Cloud shows is short: every policy at its default level with a link to its reference, and where to configure and waive", () => {
        const { packs, reads } = loadEntry(() => repositoryReadme);
        const readme = packs[0].args.readme as string;
        expect(reads).toEqual([]);
        expect(readme).toBe(packReadme());
        expect(readme.split("\n").length).toBeLessThan(30);
        for (const rule of RULES) {
            expect(readme).toContain(`| [${rule.name}](${POLICY_DOCS_URL}#${rule.name}) | ${rule.enforcementLevel} |`);
        }
        expect(readme).toContain(`${README_URL}#configuration`);
        expect(readme).toContain(`${README_URL}#waivers`);
    });
});
