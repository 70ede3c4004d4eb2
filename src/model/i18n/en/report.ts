/**
 * The report section of the English catalogue: one key per sentence, `{name}`
 * placeholders filled by `message`. Keys of a count come in pairs,
 * `key.one` and `key.other` (see `messageCount`).
 */
export const report = {} as const;
