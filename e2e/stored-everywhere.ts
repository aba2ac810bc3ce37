import type { BrowserContext, Frame, Page } from '@playwright/test';

/**
 * Everything a page of the app's origin could have persisted, as one string to search for
 * customer values: Web Storage, cookies, IndexedDB (every record of every store, bytes as text), Cache Storage
 * (text responses; models and the wasm are binary) and the origin-private file system.
 */
export async function storedEverywhere(target: Page | Frame, context: BrowserContext): Promise<string> {
  const inPage = await target.evaluate(async () => {
    const parts: string[] = [
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      document.cookie,
    ];
    for (const { name } of await indexedDB.databases()) {
      parts.push(`indexedDB:${name}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
        });
        // Bytes (a kept model's spec and .onnx) as text, so a value written in them is found.
        parts.push(
          JSON.stringify(records, (_, v: unknown) =>
            ArrayBuffer.isView(v) || v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v,
          ),
        );
      }
      db.close();
    }
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get('content-type') ?? '';
        parts.push(request.url, /text|json|csv|javascript/.test(type) ? await response!.text() : '');
      }
    }
    const walk = async (dir: FileSystemDirectoryHandle, path: string): Promise<void> => {
      for await (const [name, handle] of (
        dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
      ).entries()) {
        parts.push(`opfs:${path}${name}`);
        if (handle.kind === 'file') parts.push(await (await (handle as FileSystemFileHandle).getFile()).text());
        else await walk(handle as FileSystemDirectoryHandle, `${path}${name}/`);
      }
    };
    await walk(await navigator.storage.getDirectory(), '/');
    return parts.join('\n');
  });
  return `${inPage}\n${JSON.stringify(await context.cookies())}`;
}
