// Facts about the pack that every front end states the same way: its name, where its documentation
// lives, and the date waivers are judged on. Kept here so the CrossGuard pack and the offline checker
// cannot drift apart on them.

/** The pack's name: its npm package, its PolicyPack, and its command. */
export const PACK_NAME = "alicloud-eip-guard";

/** The README. */
export const README_URL = "https://github.com/alicloud-eip-guard/alicloud-eip-guard/blob/main/README.md";

/** The policy reference, whose sections are named after the policies (`${POLICY_DOCS_URL}#<policy>`). */
export const POLICY_DOCS_URL = "https://github.com/alicloud-eip-guard/alicloud-eip-guard/blob/main/docs/policies.md";

/**
 * The date waivers are judged on: today, or the date in ALICLOUD_EIP_GUARD_DATE (an ISO date or
 * timestamp), which shows what a stack will look like once waivers have expired.
 */
export function evaluationDate(env: NodeJS.ProcessEnv = process.env): Date {
    const fixed = env.ALICLOUD_EIP_GUARD_DATE;
    const parsed = fixed === undefined ? NaN : Date.parse(fixed);
    return Number.isNaN(parsed) ? new Date() : new Date(parsed);
}
