// The smallest promise wrapper over one IndexedDB object store, for the web autosave slot.
const DB_NAME = 'stacklab'
const STORE = 'autosave'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'))
  })
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const request = action(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
    })
  } finally {
    db.close()
  }
}

export function idbGet(key: string): Promise<unknown> {
  return run('readonly', (store) => store.get(key))
}

export async function idbPut(key: string, value: unknown): Promise<void> {
  await run('readwrite', (store) => store.put(value, key))
}

export async function idbDelete(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key))
}
