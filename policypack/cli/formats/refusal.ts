// The one refusal every reader shares: a file of infrastructure with no alicloud resource in it. The
// checker would find nothing there, and saying "no violations" would wrongly suggest it had looked.

import { InputError } from "../input";

/**
 * The error for `file`, a `described` input ("Terraform plan for hashicorp/aws") holding `count`
 * resources, none of them alicloud's; `detail` adds to the count why none is ("none of type alicloud_*").
 */
export function noAlicloudResource(file: string, described: string, count: number, detail?: string): InputError {
    const counted = `${count} resource${count === 1 ? "" : "s"}${detail === undefined ? "" : `, ${detail}`}`;
    return new InputError(file, `is a ${described}, with no alicloud resource (${counted}). This checker reads Alibaba Cloud (alicloud) infrastructure only.`);
}
