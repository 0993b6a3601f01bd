// The sentinels Pulumi puts on the wire for a value not known until the update, one per type
// (string, bool, number, array, asset, archive, object): what the engine may send the pack anywhere
// in a property. The oracle (test/oracle/read.ts) keeps its own copy, to share nothing with the tests
// of the pack's readers.
export const SENTINELS: readonly string[] = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
];
