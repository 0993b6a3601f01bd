// Lint: typescript-eslint's recommended type-checked rules over all TypeScript of the repository,
// with Prettier owning the layout (eslint-config-prettier turns the rules that would fight it off).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["dist/**", "node_modules/**", "reports/**", ".stryker-tmp/**", "coverage/**", "bench/packs/**", "engine/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: { project: "./tsconfig.test.json", tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            // A leading underscore marks a value left out on purpose (a rest sibling, a parameter a signature needs).
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
        },
    },
    {
        // Tests and the harness, with the engine's part it shares with the test helper
        // (policypack/testing/engine/), read parsed JSON documents and the untyped gRPC stubs of the
        // analyzer protocol, whose values are `any` by nature; the pack's own code gets no such leave.
        files: ["test/**/*.ts", "tools/harness/**/*.ts", "policypack/testing/engine/**/*.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-unsafe-argument": "off",
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-call": "off",
            "@typescript-eslint/no-unsafe-member-access": "off",
            "@typescript-eslint/no-unsafe-return": "off",
            // They load packs, programs and JSON documents by path at run time, and match ANSI colours.
            "@typescript-eslint/no-require-imports": "off",
            "no-control-regex": "off",
        },
    },
    { files: ["**/*.js", "**/*.cjs", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
    {
        files: ["**/*.js", "**/*.cjs"],
        rules: { "@typescript-eslint/no-require-imports": "off" },
        languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
    },
    prettier,
);
