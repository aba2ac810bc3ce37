/**
 * Model packages the person chose to keep between visits, in this browser's IndexedDB. Only a
 * package is stored (its spec JSON and `.onnx` bytes), never a customer row. Nothing is created
 * until the first model is kept: reading the list never opens (and so never creates) the database,
 * and forgetting the last model deletes it. Hand-written over the bare API because the stack has
 * no IndexedDB library and this needs four operations.
 */

const DATABASE = 'churn-radar-kept-models';
const STORE = 'packages';

/** One kept package; keyed by its model id, so keeping a model again replaces it. */
export interface KeptPackage {
  id: string;
  label: string;
  specName: string;
  spec: Uint8Array;
  onnx: Uint8Array;
  /** ISO date and time it was kept. */
  keptAt: string;
}

/** What was found under a key: a package, or why the stored entry cannot be one. */
export type StoredEntry = { key: string; ok: true; value: KeptPackage } | { key: string; ok: false; problem: string };

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused the request.'));
  });

async function exists(): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === DATABASE);
}

function open(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
  return done(request);
}

async function write(act: (store: IDBObjectStore) => IDBRequest): Promise<void> {
  const db = await open();
  try {
    const transaction = db.transaction(STORE, 'readwrite');
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () =>
        reject(transaction.error ?? new Error('IndexedDB could not save the change.'));
    });
    act(transaction.objectStore(STORE));
    await committed;
  } finally {
    db.close();
  }
}

/** A stored record is input like a file: another version of the page, or a person with devtools, may have written it. */
function checkEntry(key: string, record: unknown): StoredEntry {
  const r = record as Partial<KeptPackage> | null;
  const fine =
    r !== null &&
    typeof r === 'object' &&
    typeof r.id === 'string' &&
    typeof r.label === 'string' &&
    typeof r.specName === 'string' &&
    r.spec instanceof Uint8Array &&
    r.onnx instanceof Uint8Array &&
    typeof r.keptAt === 'string';
  if (fine) return { key, ok: true, value: r as KeptPackage };
  return {
    key,
    ok: false,
    problem: `The model kept as "${key}" is damaged in this browser's storage (not a spec and an .onnx). Forget it, then open or train the model again.`,
  };
}

/** Every kept entry, in the order they were kept; none (and no database created) when nothing was ever kept. */
export async function listKept(): Promise<StoredEntry[]> {
  if (!(await exists())) return [];
  const db = await open();
  try {
    const store = db.transaction(STORE).objectStore(STORE);
    const [keys, records] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
    const entries = keys.map((key, i) => checkEntry(String(key), records[i]));
    return entries.sort((a, b) => (a.ok ? a.value.keptAt : '').localeCompare(b.ok ? b.value.keptAt : ''));
  } finally {
    db.close();
  }
}

export async function keepPackage(pkg: KeptPackage): Promise<void> {
  await write((store) => store.put(pkg));
}

/** Forgets one entry; with the last one gone the database itself is deleted, so the browser holds nothing of it. */
export async function forgetKept(key: string): Promise<void> {
  if (!(await exists())) return;
  await write((store) => store.delete(key));
  if ((await listKept()).length === 0) await forgetAllKept();
}

export async function forgetAllKept(): Promise<void> {
  await done(indexedDB.deleteDatabase(DATABASE));
}
