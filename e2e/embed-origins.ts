/** The portal page in the embedding tests: allowed at build time (playwright.config.ts), and one that is not. */
export const ALLOWED_HOST_PORT = 4180;
export const OTHER_HOST_PORT = 4181;
export const EMBED_HOST_ORIGIN = `http://localhost:${ALLOWED_HOST_PORT}`;
