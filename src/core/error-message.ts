/** What to tell a person about a failure: an Error's message, or whatever else was thrown, as text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
