/** Spec column name -> index of the file header chosen for it. */
export type ColumnMapping = Record<string, number>;

export interface ExplicitMapping {
  modelId: string;
  columns: ColumnMapping;
}

export interface ModelProposal {
  modelId: string;
  /** What automatic matching found; the user confirms or changes it. */
  columns: ColumnMapping;
  missing: string[];
  ambiguous: { column: string; headers: number[] }[];
}

/** Why a file's headers need a person to confirm the mapping, with what to show them. */
export interface MappingQuestion {
  fileName: string;
  headers: string[];
  /** The first data rows, for previewing values under each header. */
  preview: string[][];
  proposals: ModelProposal[];
  duplicates: { header: string; indices: number[] }[];
  reason: string;
}
