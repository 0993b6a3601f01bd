// Text for XML attributes and element content: escaped, and without the characters XML 1.0 forbids
// (a resource name may hold any of them), so that a CI server's parser never rejects the report.

export function xmlText(text: string): string {
    return text
        .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");
}

/** An attribute value keeps its line breaks only as character references. */
export function xmlAttribute(text: string): string {
    return xmlText(text).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
