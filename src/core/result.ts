/** Edges of the core return results, not exceptions: a problem is something a person can act on. */
export type Result<T, P = string> = { ok: true; value: T } | { ok: false; problem: P };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <P>(problem: P): { ok: false; problem: P } => ({ ok: false, problem });
