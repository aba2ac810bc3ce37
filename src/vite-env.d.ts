/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Comma-separated origins allowed to drive the app from a parent frame (see README, Embedding). */
  readonly VITE_EMBED_ORIGINS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
