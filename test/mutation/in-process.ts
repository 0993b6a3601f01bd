// All the in-process test files in one module registry, for mutation testing only: Stryker runs the
// tests that cover a mutant once per mutant, and loading the pack's modules once per run instead of
// once per test file makes a run several times cheaper. Not matched by `npm test` (no .test.ts).
// bail.ts first: it must wrap `test` before the test files define their tests.

import "./bail";
import "../core/engine.test";
import "../core/model.test";
import "../core/pack.test";
import "../core/rules/alb-nlb-eip-per-zone.test";
import "../core/rules/clb-single-eip.test";
import "../core/rules/ecs-single-eip.test";
import "../core/rules/eip-clb-resource-group.test";
import "../core/rules/eip-dnat-conflict.test";
import "../core/rules/eip-same-region.test";
import "../core/rules/eip-single-binding.test";
import "../core/rules/eip-supported-target.test";
import "../core/rules/eni-eip-capacity.test";
import "../core/rules/havip-single-eip.test";
import "../core/rules/messages.test";
import "../core/rules/nat-gateway-eip-limit.test";
import "../core/rules/nat-gateway-vswitch-capacity.test";
import "../core/values.test";
import "../core/waivers.test";
import "../config/config.test";
import "../config/levels.test";
import "../crossguard/adapter.test";
import "../crossguard/framework.test";
import "../crossguard/memory.test";
import "../crossguard/policies.test";
import "../docs/readme.test";
import "../package/index.test";
import "../cli/cli-in-process.test";
import "../cli/fixtures.test";
import "../cli/input.test";
import "../cli/output.test";
import "../cli/pulumi.test";
import "../cli/report.test";
import "../cli/run.test";
import "../cli/sarif.test";
import "../cli/terraform-model.test";
import "../cli/terraform.test";
