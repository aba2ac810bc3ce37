import { messageOf } from '../../core/error-message.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../core/result.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import {
  forgetAllKept,
  forgetKept,
  keepPackage,
  listKept,
  type KeptPackage,
  type StoredEntry,
} from './kept-models-store.ts';

/** Adds a package to this session's models, checked as a deployed one is; `prefer`: the person chose it just now. */
export type AddModel = (
  specBytes: Uint8Array,
  specName: string,
  onnx: Uint8Array,
  prefer?: boolean,
) => Promise<Result<ModelSpec>>;

/** A kept entry as the page lists it: loaded into this session, refused with a problem, or still loading. */
export interface KeptItem {
  key: string;
  label: string;
  keptAt?: string;
  status: 'loading' | 'loaded' | 'refused';
  problem?: string;
}

export interface KeptModels {
  /** Undefined until the list has been read. */
  items: KeptItem[] | undefined;
  /** Storage itself failed (private browsing, a blocked database): the page still works without it. */
  storageProblem?: string;
  keep(specBytes: Uint8Array, specName: string, onnx: Uint8Array): Promise<Result<ModelSpec>>;
  forget(key: string): Promise<void>;
  forgetAll(): Promise<void>;
}

const itemOf = (entry: StoredEntry): KeptItem =>
  entry.ok
    ? { key: entry.key, label: entry.value.label, keptAt: entry.value.keptAt, status: 'loading' }
    : { key: entry.key, label: entry.key, status: 'refused', problem: entry.problem };

/**
 * The models kept between visits. At start, and whenever the scoring worker starts again, every
 * kept package is added to the session's models, validated like an opened one; a refused entry
 * stays listed with its problem so the person can forget it.
 */
export function useKeptModels(addModel: AddModel, workerStarts: number): KeptModels {
  const [items, setItems] = useState<KeptItem[] | undefined>(undefined);
  const [storageProblem, setStorageProblem] = useState<string | undefined>(undefined);
  const packages = useRef<StoredEntry[] | undefined>(undefined);

  const update = useCallback((key: string, change: Partial<KeptItem>) => {
    setItems((now) => now?.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const load = useCallback(
    async (entries: StoredEntry[]) => {
      setItems(entries.map(itemOf));
      for (const entry of entries) {
        if (!entry.ok) continue;
        const added = await addModel(entry.value.spec, entry.value.specName, entry.value.onnx, false);
        update(
          entry.key,
          added.ok ? { status: 'loaded', label: added.value.label } : { status: 'refused', problem: added.problem },
        );
      }
    },
    [addModel, update],
  );

  useEffect(() => {
    if (workerStarts === 0) return;
    let stale = false;
    const read = packages.current ? Promise.resolve(packages.current) : listKept();
    read.then(
      (entries) => {
        packages.current = entries;
        if (!stale) return load(entries);
      },
      (error: unknown) => {
        if (!stale) setStorageProblem(`Models kept on this computer could not be read: ${messageOf(error)}`);
      },
    );
    return () => {
      stale = true;
    };
  }, [workerStarts, load]);

  const reread = useCallback(async () => {
    packages.current = await listKept();
    return packages.current;
  }, []);

  const keep = useCallback(
    async (specBytes: Uint8Array, specName: string, onnx: Uint8Array): Promise<Result<ModelSpec>> => {
      const added = await addModel(specBytes, specName, onnx, true);
      if (!added.ok) return added;
      const pkg: KeptPackage = {
        id: added.value.id,
        label: added.value.label,
        specName,
        spec: specBytes,
        onnx,
        keptAt: new Date().toISOString(),
      };
      try {
        await keepPackage(pkg);
      } catch (error) {
        return {
          ok: false,
          problem: `${added.value.label} is used in this visit, but could not be kept on this computer: ${messageOf(error)}`,
        };
      }
      await reread();
      setItems((now) => [
        ...(now ?? []).filter((item) => item.key !== pkg.id),
        { key: pkg.id, label: pkg.label, keptAt: pkg.keptAt, status: 'loaded' },
      ]);
      return added;
    },
    [addModel, reread],
  );

  const forget = useCallback(
    async (key: string) => {
      await forgetKept(key);
      await reread();
      setItems((now) => now?.filter((item) => item.key !== key));
    },
    [reread],
  );

  const forgetAll = useCallback(async () => {
    await forgetAllKept();
    packages.current = [];
    setItems([]);
  }, []);

  return { items, storageProblem, keep, forget, forgetAll };
}
