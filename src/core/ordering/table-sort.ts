/** 'probability' (also orders risk band and at-risk), 'id', or a spec column name: what the worker sorts by. */
export type SortKey = string;

/** One sort of the results table, as the page asks for it and the worker computes it. */
export interface TableSort {
  key: SortKey;
  descending: boolean;
}
