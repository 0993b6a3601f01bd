// --format junit: validated against the JUnit schema in validators/junit.xsd (the subset this
// checker writes; no npm package ships a JUnit XSD) with libxml2 compiled to WebAssembly
// (xmllint-wasm), and read back for what CI test views show: a suite per policy, a failure per
// mandatory violation, skipped cases for the policies that did not run, an error per unreadable file.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { validateXML } from "xmllint-wasm";
import { renderJunit } from "../../policypack/cli/output/junit";
import { Report } from "../../policypack/cli/report";
import { run } from "../../policypack/cli/run";
import { RULES } from "../../policypack/core/rules";
import { FIXTURES, NOW, REPO } from "./support";

const SCHEMA = fs.readFileSync(path.join(__dirname, "validators", "junit.xsd"), "utf8");
const FAILING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--fail-shared-eip.json");
const PASSING = path.join(FIXTURES, "terraform-plan", "eip-single-binding--pass-one-eip-per-server.json");
const AWS_PLAN = path.join(FIXTURES, "bad", "aws-plan.json");
const EMPTY = path.join(FIXTURES, "bad", "empty.json");

function junit(args: string[]): { code: number; xml: string } {
    let xml = "";
    const code = run(["check", "--format", "junit", ...args], {
        stdout: (text) => (xml += text),
        stderr: () => undefined,
        isTTY: false,
        env: { ALICLOUD_EIP_GUARD_DATE: NOW.toISOString() },
        cwd: REPO,
    });
    return { code, xml };
}

async function expectValid(xml: string): Promise<void> {
    const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "junit.xsd", contents: SCHEMA }] });
    expect(result.errors.map((error) => error.message)).toEqual([]);
    expect(result.valid).toBe(true);
}

interface Suite {
    name: string;
    attributes: Record<string, string>;
    cases: { attributes: Record<string, string>; result: string }[];
}

/** The suites and cases of a report, read with patterns that fit the layout the schema has just accepted. */
function suitesOf(xml: string): Suite[] {
    const attributes = (text: string) => Object.fromEntries([...text.matchAll(/(\w[\w-]*)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
    return [...xml.matchAll(/<testsuite ([^>]*)>([\s\S]*?)<\/testsuite>/g)].map((suite) => ({
        name: attributes(suite[1]).name,
        attributes: attributes(suite[1]),
        cases: [...suite[2].matchAll(/<testcase ([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((test) => ({
            attributes: attributes(test[1]),
            result: /^\s*<(failure|error|skipped)\b/.exec(test[2] ?? "")?.[1] ?? "passed",
        })),
    }));
}

test("a failing plan: valid JUnit, one suite per policy, the mandatory violation a failure with the resources and the fix", async () => {
    const { code, xml } = junit([FAILING]);
    expect(code).toBe(1);
    await expectValid(xml);
    const suites = suitesOf(xml);
    expect(suites.map((suite) => suite.name)).toEqual([...RULES.map((rule) => rule.name), "input files"]);
    const binding = suites.find((suite) => suite.name === "eip-single-binding")!;
    expect(binding.cases.every((test) => test.result === "failure")).toBe(true);
    expect(binding.attributes.failures).toBe(String(binding.cases.length));
    expect(xml).toMatch(/<failure message="[^"]+" type="mandatory">[^<]*Resources involved: [^<]*alicloud_eip_association\.web-1-eip[^<]*\nFix: Give every resource/);
    // Every other policy checked the file and passed: one case each, with nothing in it.
    for (const suite of suites.filter((entry) => entry.name !== "eip-single-binding" && entry.name !== "input files")) {
        expect(suite.cases.map((test) => test.result)).toEqual(["passed"]);
    }
    const counts = suites.reduce((sum, suite) => sum + Number(suite.attributes.tests), 0);
    expect(xml).toContain(`<testsuites name="alicloud-eip-guard `);
    expect(xml).toMatch(new RegExp(`<testsuites [^>]*tests="${counts}"`));
});

test("skipped policies are skipped cases; an unreadable file is an error; another cloud's plan is skipped", async () => {
    const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eip-guard-junit-")), "config.json");
    fs.writeFileSync(config, JSON.stringify({ "ecs-single-eip": "disabled", "eip-same-regoin": "advisory" }));
    const { code, xml } = junit(["--skip-policy", "eip-single-binding", "--config", config, PASSING, AWS_PLAN, EMPTY]);
    expect(code).toBe(2);
    await expectValid(xml);
    const suites = suitesOf(xml);
    const byName = (name: string) => suites.find((suite) => suite.name === name)!;
    expect(byName("eip-single-binding").cases).toEqual([{ attributes: expect.objectContaining({ name: PASSING }), result: "skipped" }]);
    expect(xml).toContain('<skipped message="skipped by --policy / --skip-policy" type="skipped"/>');
    expect(xml).toContain('<skipped message="disabled by the configuration" type="skipped"/>');
    expect(byName("ecs-single-eip").cases.map((test) => test.result)).toEqual(["skipped"]);
    expect(byName("input files").cases.map((test) => [test.attributes.name, test.result])).toEqual([
        [PASSING, "passed"],
        [AWS_PLAN, "skipped"],
        [EMPTY, "error"],
        [config, "passed"],
    ]);
    expect(xml).toMatch(/<system-out>ignored: &quot;eip-same-regoin&quot; is not a policy of this pack .* Did you mean &quot;eip-same-region&quot;\?<\/system-out>/);
});

test("names and messages with markup and control characters stay valid XML", async () => {
    const rule = RULES[0];
    const report: Report = {
        tool: { name: "alicloud-eip-guard", version: "1.0.0" },
        configProblems: [],
        exitCode: 1,
        files: [
            {
                file: "odd <\"plan\"> & 'more'.json",
                format: "terraform-plan",
                resourceCount: 1,
                notes: ["a note with ]]> and \u0007"],
                locate: () => undefined,
                findings: [
                    {
                        rule,
                        outcome: "violation",
                        level: "mandatory",
                        message: "m",
                        detail: 'Bound twice: <a & "b">\u0000\ud800',
                        address: "x.y",
                        involved: ["x.y", "a<b>"],
                    },
                ],
            },
        ],
    };
    const xml = renderJunit(report, {});
    await expectValid(xml);
    expect(xml).toContain("Bound twice: &lt;a &amp; &quot;b&quot;&gt;\uFFFD\uFFFD");
});

test("the schema rejects what a CI reader could misread: a case without a class, a count that is no number, two results", async () => {
    const check = async (xml: string) => (await validateXML({ xml: [{ fileName: "bad.xml", contents: xml }], schema: [{ fileName: "junit.xsd", contents: SCHEMA }] })).valid;
    const suite = (inner: string, tests = "1") =>
        `<?xml version="1.0"?>\n<testsuites tests="1" failures="0" errors="0" skipped="0"><testsuite name="p" tests="${tests}" failures="0" errors="0" skipped="0">${inner}</testsuite></testsuites>`;
    expect(await check(suite('<testcase name="a" classname="p"/>'))).toBe(true);
    expect(await check(suite('<testcase name="a"/>'))).toBe(false);
    expect(await check(suite('<testcase name="a" classname="p"/>', "one"))).toBe(false);
    expect(await check(suite('<testcase name="a" classname="p"><failure message="m" type="t"/><skipped/></testcase>'))).toBe(false);
});
