import type { SpecColumn } from '../spec/model-spec.ts';
import { normaliseHeader } from './normalise-header.ts';

export interface HeaderTarget {
  name: string;
  aliases: readonly string[];
}

export interface HeaderMapping {
  /** Spec column name -> index of the file header that feeds it. */
  found: Map<string, number>;
  /** Spec columns that no header matches. */
  missing: string[];
  /** Spec columns that several headers match; the user must choose. */
  ambiguous: { column: string; headers: number[] }[];
  /** Header names that occur more than once in the file (never merged). */
  duplicates: { header: string; indices: number[] }[];
}

/**
 * Matches file headers to spec columns by normalised name and aliases.
 * An exact (case-sensitive) canonical name wins over alias matches, so a file
 * with both "tenure" and "Tenure (months)" still maps without asking.
 */
export function mapHeaders(headers: readonly string[], targets: readonly HeaderTarget[]): HeaderMapping {
  const normalised = headers.map(normaliseHeader);
  const found = new Map<string, number>();
  const missing: string[] = [];
  const ambiguous: HeaderMapping['ambiguous'] = [];

  for (const target of targets) {
    const spellings = new Set([target.name, ...target.aliases].map(normaliseHeader));
    const matches = normalised.flatMap((h, i) => (h !== '' && spellings.has(h) ? [i] : []));
    const exact = headers.flatMap((h, i) => (h.trim() === target.name ? [i] : []));
    if (exact.length === 1) found.set(target.name, exact[0]!);
    else if (matches.length === 1) found.set(target.name, matches[0]!);
    else if (matches.length === 0) missing.push(target.name);
    else ambiguous.push({ column: target.name, headers: matches });
  }

  return { found, missing, ambiguous, duplicates: findDuplicateHeaders(headers) };
}

function findDuplicateHeaders(headers: readonly string[]): HeaderMapping['duplicates'] {
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = h.trim();
    if (key === '') return;
    const indices = seen.get(key);
    if (indices) indices.push(i);
    else seen.set(key, [i]);
  });
  return [...seen].filter(([, indices]) => indices.length > 1).map(([header, indices]) => ({ header, indices }));
}

export const headerTargetsOf = (columns: readonly SpecColumn[]): HeaderTarget[] =>
  columns.map((c) => ({ name: c.name, aliases: c.aliases }));
