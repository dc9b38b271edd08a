// A Web Storage (localStorage) kept in memory, for unit tests of code that saves to the browser's storage. Written
// without the DOM's types (tests/ compiles without them); it has every member of `Storage`, so it fits there.
export class MemoryStorage {
  private data = new Map<string, string>()
  get length(): number { return this.data.size }
  clear(): void { this.data.clear() }
  getItem(key: string): string | null { return this.data.get(key) ?? null }
  key(i: number): string | null { return [...this.data.keys()][i] ?? null }
  removeItem(key: string): void { this.data.delete(key) }
  setItem(key: string, value: string): void { this.data.set(key, value) }
}
