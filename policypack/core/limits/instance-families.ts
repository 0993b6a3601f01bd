// Instance type limits from Alibaba Cloud's instance family documentation: for each type, the
// "ENIs" column (the most ENIs an instance of the type holds, its primary ENI included) and the
// "Private IP addresses per ENI" column (the most private IPv4 addresses one ENI attached to it holds,
// its primary private IP included). This file is data only; instance-limits.ts reads it.
//
// Where the numbers come from: the English source of the ECS documentation that Alibaba Cloud
// publishes as the AlibabaCloudDocs/ecs repository (the text behind the "Instance families" pages of
// https://www.alibabacloud.com/help/en/ecs/). The live help pages could not be read from where this
// table was made; each page below is named with the commit it was read at, `dated` is the date of
// that commit (the page's "last updated"), and `read` the day it was read. A family is listed only
// when its page gives its numbers; a size whose page gives a column as absent, or two different
// values, has null for it (which decides nothing). Families this table lacks (the 8th generation
// g8i/c8i/r8i, g8a/c8a/r8a, the Arm families g8y/c8y/r8y, g7se/c7se/r7se and later pages) are added
// by users with the rules' instanceTypes option until a sourced update lands here.
//
// Limits are raised over time, never lowered as far as the pages show; a number that has since
// been raised makes a rule stricter than Alibaba Cloud, and instanceTypes overrides it.

export interface FamilyPage {
    readonly title: string;
    readonly source: string;
    /** The page's own date (the commit that last changed it), YYYY-MM-DD. */
    readonly dated: string;
    /** The day the numbers were read from it, YYYY-MM-DD. */
    readonly read: string;
}

/** [ENIs, private IPs per ENI] of one size; null where the page gives no number. */
export type SizeLimits = readonly [enis: number, privateIpsPerEni: number | null];

export interface FamilyLimits {
    /** The family as in the type name: "g7" for ecs.g7.large. */
    readonly family: string;
    readonly page: FamilyPage;
    /** By size, the part after the family: "large" for ecs.g7.large. */
    readonly sizes: Readonly<Record<string, SizeLimits>>;
}

export const PAGES = {
    general: {
        title: "General purpose instance families",
        source: "https://github.com/AlibabaCloudDocs/ecs/blob/cadab6e7a0a282e7ebd9810022965e69bcdf7ba9/intl.en-US/Instance/Instance%20type%20families/General%20purpose%20instance%20families.md",
        dated: "2021-07-17",
        read: "2026-12-02",
    },
    compute: {
        title: "Compute optimized instance families",
        source: "https://github.com/AlibabaCloudDocs/ecs/blob/bc14c42e53c54b4908e6bb75ed03ff257379063f/intl.en-US/Instance/Instance%20type%20families/Compute%20optimized%20instance%20families.md",
        dated: "2021-07-17",
        read: "2026-12-02",
    },
    memory: {
        title: "Memory optimized instance families",
        source: "https://github.com/AlibabaCloudDocs/ecs/blob/8a9c1912adfc6ed875fdb43a9d33bd73ffa4429e/intl.en-US/Instance/Instance%20type%20families/Memory%20optimized%20instance%20families/Memory%20optimized%20instance%20families.md",
        dated: "2021-07-17",
        read: "2026-12-02",
    },
    highClock: {
        title: "Instance families with high clock speeds",
        source: "https://github.com/AlibabaCloudDocs/ecs/blob/2f6cee4dd312a3117f26a84a3485ff9ee15d3a3a/intl.en-US/Instance/Instance%20type%20families/Instance%20families%20with%20high%20clock%20speeds.md",
        dated: "2021-06-30",
        read: "2026-12-02",
    },
} as const satisfies Record<string, FamilyPage>;

export const FAMILIES: readonly FamilyLimits[] = [
    {
        family: "g7a",
        page: PAGES.general,
        sizes: { large: [3, null], xlarge: [4, null], "2xlarge": [4, null], "4xlarge": [8, null], "8xlarge": [7, null], "16xlarge": [7, null], "32xlarge": [15, null] },
    },
    {
        family: "g7",
        page: PAGES.general,
        sizes: {
            large: [3, 6],
            xlarge: [4, 15],
            "2xlarge": [4, 15],
            "3xlarge": [8, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "16xlarge": [8, 30],
            "32xlarge": [15, 30],
        },
    },
    {
        family: "g7t",
        page: PAGES.general,
        sizes: {
            large: [3, 6],
            xlarge: [4, 15],
            "2xlarge": [4, 15],
            "3xlarge": [8, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "16xlarge": [8, 30],
            "32xlarge": [15, 30],
        },
    },
    {
        family: "g7ne",
        page: PAGES.general,
        sizes: { large: [3, 10], xlarge: [4, 15], "2xlarge": [6, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "12xlarge": [8, 30], "16xlarge": [8, 30], "24xlarge": [15, 50] },
    },
    { family: "g6se", page: PAGES.general, sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "4xlarge": [8, 20], "8xlarge": [8, 20], "13xlarge": [7, 20] } },
    {
        family: "g6a",
        page: PAGES.general,
        sizes: {
            large: [2, null],
            xlarge: [3, null],
            "2xlarge": [4, null],
            "4xlarge": [8, null],
            "8xlarge": [7, null],
            "16xlarge": [8, null],
            "32xlarge": [15, null],
            "64xlarge": [15, null],
        },
    },
    {
        family: "g6t",
        page: PAGES.general,
        sizes: { large: [3, 6], xlarge: [4, 15], "2xlarge": [4, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "13xlarge": [7, 30], "26xlarge": [15, 30] },
    },
    {
        family: "g6e",
        page: PAGES.general,
        sizes: { large: [3, 6], xlarge: [4, 15], "2xlarge": [4, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "13xlarge": [7, 30], "26xlarge": [15, 30] },
    },
    {
        family: "g6",
        page: PAGES.general,
        sizes: {
            large: [2, 6],
            xlarge: [3, 10],
            "2xlarge": [4, 10],
            "3xlarge": [6, 10],
            "4xlarge": [8, 20],
            "6xlarge": [8, 20],
            "8xlarge": [8, 20],
            "13xlarge": [7, 20],
            "26xlarge": [15, 20],
        },
    },
    {
        family: "g5",
        page: PAGES.general,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20], "16xlarge": [8, 20] },
    },
    {
        family: "g5ne",
        page: PAGES.general,
        sizes: { large: [3, 10], xlarge: [4, 15], "2xlarge": [6, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "16xlarge": [8, 30], "18xlarge": [15, 50] },
    },
    {
        family: "sn2ne",
        page: PAGES.general,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20], "14xlarge": [8, 20] },
    },
    {
        family: "c7a",
        page: PAGES.compute,
        sizes: { large: [3, null], xlarge: [4, null], "2xlarge": [4, null], "4xlarge": [8, null], "8xlarge": [7, null], "16xlarge": [7, null], "32xlarge": [15, null] },
    },
    {
        family: "c7",
        page: PAGES.compute,
        sizes: {
            large: [3, 6],
            xlarge: [4, 15],
            "2xlarge": [4, 15],
            "3xlarge": [8, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "16xlarge": [8, 30],
            "32xlarge": [15, 30],
        },
    },
    {
        family: "c7t",
        page: PAGES.compute,
        sizes: {
            large: [3, 6],
            xlarge: [4, 15],
            "2xlarge": [4, 15],
            "3xlarge": [8, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "16xlarge": [8, 30],
            "32xlarge": [15, 30],
        },
    },
    {
        family: "c6a",
        page: PAGES.compute,
        sizes: {
            large: [2, null],
            xlarge: [3, null],
            "2xlarge": [4, null],
            "4xlarge": [8, null],
            "8xlarge": [7, null],
            "16xlarge": [8, null],
            "32xlarge": [15, null],
            "64xlarge": [15, null],
        },
    },
    {
        family: "c6t",
        page: PAGES.compute,
        sizes: { large: [3, 6], xlarge: [4, 15], "2xlarge": [4, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "13xlarge": [7, 30], "26xlarge": [15, 30] },
    },
    {
        family: "c6e",
        page: PAGES.compute,
        sizes: { large: [3, 6], xlarge: [4, 15], "2xlarge": [4, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "13xlarge": [7, 30], "26xlarge": [15, 30] },
    },
    {
        family: "c6",
        page: PAGES.compute,
        sizes: {
            large: [2, 6],
            xlarge: [3, 10],
            "2xlarge": [4, 10],
            "3xlarge": [6, 10],
            "4xlarge": [8, 20],
            "6xlarge": [8, 20],
            "8xlarge": [8, 20],
            "13xlarge": [7, 20],
            "26xlarge": [15, 20],
        },
    },
    {
        family: "c5",
        page: PAGES.compute,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20], "16xlarge": [8, 20] },
    },
    { family: "ic5", page: PAGES.compute, sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20] } },
    {
        family: "sn1ne",
        page: PAGES.compute,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20] },
    },
    {
        family: "r7a",
        page: PAGES.memory,
        sizes: { large: [3, null], xlarge: [4, null], "2xlarge": [4, null], "4xlarge": [8, null], "8xlarge": [7, null], "16xlarge": [7, null], "32xlarge": [15, null] },
    },
    {
        family: "r7",
        page: PAGES.memory,
        sizes: {
            large: [3, 6],
            xlarge: [4, 15],
            "2xlarge": [4, 15],
            "3xlarge": [8, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "16xlarge": [8, 30],
            "32xlarge": [15, 30],
        },
    },
    {
        family: "r7t",
        page: PAGES.memory,
        sizes: {
            large: [3, 6],
            xlarge: [4, 15],
            "2xlarge": [4, 15],
            "3xlarge": [8, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "16xlarge": [8, 30],
            "32xlarge": [15, 30],
        },
    },
    { family: "re6p", page: PAGES.memory, sizes: { large: [2, null], xlarge: [3, null], "2xlarge": [4, null], "13xlarge": [7, null], "26xlarge": [15, null] } },
    {
        family: "r6a",
        page: PAGES.memory,
        sizes: {
            large: [2, null],
            xlarge: [3, null],
            "2xlarge": [4, null],
            "4xlarge": [8, null],
            "8xlarge": [7, null],
            "16xlarge": [8, null],
            "32xlarge": [15, null],
            "64xlarge": [15, null],
        },
    },
    {
        family: "r6e",
        page: PAGES.memory,
        sizes: { large: [3, 6], xlarge: [4, 15], "2xlarge": [4, 15], "4xlarge": [8, 30], "8xlarge": [8, 30], "13xlarge": [7, 30], "26xlarge": [15, 30] },
    },
    {
        family: "r6",
        page: PAGES.memory,
        sizes: {
            large: [2, 6],
            xlarge: [3, 10],
            "2xlarge": [4, 10],
            "3xlarge": [6, 10],
            "4xlarge": [8, 20],
            "6xlarge": [8, 20],
            "8xlarge": [8, 20],
            "13xlarge": [7, 20],
            "26xlarge": [15, 20],
        },
    },
    { family: "re6", page: PAGES.memory, sizes: { "13xlarge": [7, 20], "26xlarge": [7, 20], "52xlarge": [15, 20] } },
    {
        family: "r5",
        page: PAGES.memory,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20], "16xlarge": [8, 20] },
    },
    { family: "re4", page: PAGES.memory, sizes: { "10xlarge": [4, 10], "20xlarge": [8, 20], "40xlarge": [8, 20] } },
    { family: "re4e", page: PAGES.memory, sizes: { "40xlarge": [15, 20] } },
    {
        family: "se1ne",
        page: PAGES.memory,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20], "14xlarge": [8, 20] },
    },
    { family: "se1", page: PAGES.memory, sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "4xlarge": [8, 20], "8xlarge": [8, 20], "14xlarge": [8, 20] } },
    {
        family: "hfc7",
        page: PAGES.highClock,
        sizes: {
            large: [2, 6],
            xlarge: [3, 15],
            "2xlarge": [4, 15],
            "3xlarge": [6, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "12xlarge": [8, 30],
            "24xlarge": [15, 30],
        },
    },
    {
        family: "hfc6",
        page: PAGES.highClock,
        sizes: {
            large: [2, 6],
            xlarge: [3, 10],
            "2xlarge": [4, 10],
            "3xlarge": [6, 10],
            "4xlarge": [8, 20],
            "6xlarge": [8, 20],
            "8xlarge": [8, 20],
            "10xlarge": [7, 20],
            "16xlarge": [8, 20],
            "20xlarge": [15, 20],
        },
    },
    {
        family: "hfg7",
        page: PAGES.highClock,
        sizes: {
            large: [2, 6],
            xlarge: [3, 15],
            "2xlarge": [4, 15],
            "3xlarge": [6, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "12xlarge": [8, 30],
            "24xlarge": [15, 30],
        },
    },
    {
        family: "hfg6",
        page: PAGES.highClock,
        sizes: {
            large: [2, 6],
            xlarge: [3, 10],
            "2xlarge": [4, 10],
            "3xlarge": [6, 10],
            "4xlarge": [8, 20],
            "6xlarge": [8, 20],
            "8xlarge": [8, 20],
            "10xlarge": [7, 20],
            "16xlarge": [8, 20],
            "20xlarge": [15, 20],
        },
    },
    {
        family: "hfr7",
        page: PAGES.highClock,
        sizes: {
            large: [2, 6],
            xlarge: [3, 15],
            "2xlarge": [4, 15],
            "3xlarge": [6, 15],
            "4xlarge": [8, 30],
            "6xlarge": [8, 30],
            "8xlarge": [8, 30],
            "12xlarge": [8, 30],
            "24xlarge": [15, 30],
        },
    },
    {
        family: "hfr6",
        page: PAGES.highClock,
        sizes: {
            large: [2, 6],
            xlarge: [3, 10],
            "2xlarge": [4, 10],
            "3xlarge": [6, 10],
            "4xlarge": [8, 20],
            "6xlarge": [8, 20],
            "8xlarge": [8, 20],
            "10xlarge": [7, 20],
            "16xlarge": [8, 20],
            "20xlarge": [15, 20],
        },
    },
    {
        family: "hfc5",
        page: PAGES.highClock,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20] },
    },
    {
        family: "hfg5",
        page: PAGES.highClock,
        sizes: { large: [2, 6], xlarge: [3, 10], "2xlarge": [4, 10], "3xlarge": [6, 10], "4xlarge": [8, 20], "6xlarge": [8, 20], "8xlarge": [8, 20], "14xlarge": [8, 20] },
    },
];

/**
 * An ENI that is not attached to an instance ("Available") holds up to 49 secondary private IPs:
 * the AssignPrivateIpAddresses reference, "When an ENI is in the Available state, you can assign up
 * to 49 secondary private IP addresses to the ENI". Older pages said 10 (the ROS
 * ALIYUN::ECS::AssignPrivateIpAddresses reference, the Japanese API reference); the largest
 * documented number is kept, so that no ENI is rejected under a limit that was since raised.
 */
export const DETACHED_ENI = {
    privateIps: 50,
    page: {
        title: "AssignPrivateIpAddresses",
        source: "https://www.alibabacloud.com/help/en/ecs/api-assignprivateipaddresses",
        dated: "2024-09-29",
        read: "2026-12-02",
    },
} as const satisfies { privateIps: number; page: FamilyPage };
