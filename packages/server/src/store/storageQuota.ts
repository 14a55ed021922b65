import type { DocumentStore } from './documentStore.ts';
import { ApiError } from './errors.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

/** The quotas {@link StorageQuota} applies (the matching fields of the server's `Limits`). */
export interface QuotaLimits {
  maxWorkspaceBytes: number;
  maxUserBytes: number;
}

/**
 * Storage quotas: bytes per workspace (all its documents) and per member (every workspace they
 * own). Live edits are counted against a running estimate that only grows between checks (it
 * counts every update as stored, though compaction shrinks them), and the store is asked again
 * only when the estimate reaches the quota, so the common case costs nothing and a refusal is
 * always based on what is really stored.
 */
export class StorageQuota {
  readonly #documents: DocumentStore;
  readonly #workspaces: WorkspaceStore;
  readonly #limits: QuotaLimits;
  readonly #estimates = new Map<string, number>();
  #unstored: (prefix: string) => number = () => 0;

  constructor(documents: DocumentStore, workspaces: WorkspaceStore, limits: QuotaLimits) {
    this.#documents = documents;
    this.#workspaces = workspaces;
    this.#limits = limits;
  }

  /**
   * Tells the quota how many bytes of accepted live edits are not stored yet: edits are relayed
   * and acknowledged after their group commit, so the store alone lags behind what was let in.
   */
  countUnstored(unstored: (prefix: string) => number): void {
    this.#unstored = unstored;
  }

  /** Bytes the store holds for `workspaceId`, with accepted edits still on their way to it. */
  async workspaceBytes(workspaceId: string): Promise<number> {
    const prefix = `${workspaceId}/`;
    const bytes = (await this.#documents.bytes(prefix)) + this.#unstored(prefix);
    this.#estimates.set(workspaceId, bytes);
    return bytes;
  }

  /** Whether `workspaceId` may store `bytes` more from a live edit; counts them when it may. */
  /**
   * Synchronous while the estimate has room (the live path's common case); a promise when the
   * store must be asked.
   */
  allowsEdit(workspaceId: string, bytes: number): boolean | Promise<boolean> {
    const estimate = this.#estimates.get(workspaceId);
    if (estimate !== undefined && estimate + bytes <= this.#limits.maxWorkspaceBytes) {
      this.#estimates.set(workspaceId, estimate + bytes);
      return true;
    }
    return this.#allowsMeasured(workspaceId, bytes);
  }

  async #allowsMeasured(workspaceId: string, bytes: number): Promise<boolean> {
    const stored = await this.workspaceBytes(workspaceId);
    if (stored + bytes > this.#limits.maxWorkspaceBytes) return false;
    this.#estimates.set(workspaceId, stored + bytes);
    return true;
  }

  /** Refuses (`quota_exceeded`) a new workspace of `bytes` owned by `ownerId` that does not fit. */
  async checkNewWorkspace(ownerId: string, bytes: number): Promise<void> {
    const mib = (n: number) =>
      n < 1024 * 1024
        ? `${Math.ceil(n / 1024)} KiB`
        : `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
    if (bytes > this.#limits.maxWorkspaceBytes)
      throw new ApiError(
        'quota_exceeded',
        `the workspace would store ${mib(bytes)}; a workspace may hold ${mib(this.#limits.maxWorkspaceBytes)}`,
      );
    let owned = 0;
    for (const w of await this.#workspaces.forUser(ownerId))
      if (w.role === 'owner') owned += await this.workspaceBytes(w.id);
    if (owned + bytes > this.#limits.maxUserBytes)
      throw new ApiError(
        'quota_exceeded',
        `your workspaces store ${mib(owned)}; with ${mib(bytes)} more they would pass your quota of ${mib(this.#limits.maxUserBytes)}`,
      );
  }
}
