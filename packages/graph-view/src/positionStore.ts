/** A point in model coordinates. */
export interface Position {
  x: number;
  y: number;
}

/**
 * Where a member left the nodes, remembered between visits. The view reads it once and writes
 * (debounced) after layouts and drags; implementations decide where it lives and whose it is.
 */
export interface PositionStore {
  load(): Record<string, Position>;
  save(positions: Record<string, Position>): void;
}

/** Positions kept in memory only (tests, benchmarks, headless use). */
export function memoryPositionStore(initial: Record<string, Position> = {}): PositionStore {
  let saved = { ...initial };
  return {
    load: () => ({ ...saved }),
    save: (positions) => {
      saved = { ...positions };
    },
  };
}

/** Minimal Web Storage shape, so the store runs on `localStorage` or a test double of it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Positions kept per member and workspace in Web Storage (`localStorage` in the browser).
 * A corrupt entry is ignored rather than breaking the view.
 */
export function storagePositionStore(
  storage: KeyValueStorage,
  workspaceId: string,
  memberId: string,
): PositionStore {
  const key = `repertoire.graph.positions:${workspaceId}:${memberId}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}');
        return parsed && typeof parsed === 'object' ? (parsed as Record<string, Position>) : {};
      } catch {
        return {};
      }
    },
    save(positions) {
      storage.setItem(key, JSON.stringify(positions));
    },
  };
}
