import type { ReadConsistency } from '../domain/read-consistency.ts';

/** One database for reads and writes (SQLite, or PostgreSQL without a replica): always consistent. */
export const SINGLE_DATABASE: ReadConsistency = Object.freeze({
  replicated: false,
  readAfter: <T>(_position: string | null, fn: () => T): T => fn(),
  onPrimary: <T>(fn: () => T): T => fn(),
  writePosition: async (): Promise<string | null> => null,
  afterReplay: (callback: () => void): void => callback(),
  isPosition: (): boolean => false,
});
