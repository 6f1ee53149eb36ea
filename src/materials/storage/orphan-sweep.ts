import type { MaterialStorage } from './material-storage';

const DEFAULT_BATCH_SIZE = 500;

/**
 * Removes stored objects last modified before `olderThan` that no row references. Files are
 * written before the row referencing them commits, so `olderThan` must leave a grace period
 * longer than any upload-to-commit gap. `isReferenced` receives one batch of digests and
 * resolves to those among them that a row references.
 */
export async function sweepOrphans(
  storage: MaterialStorage,
  isReferenced: (sha256s: string[]) => Promise<Set<string>>,
  options: { olderThan: Date; batchSize?: number },
): Promise<{ scanned: number; removed: number }> {
  const { olderThan, batchSize = DEFAULT_BATCH_SIZE } = options;
  if (Number.isNaN(olderThan.getTime())) throw new RangeError('olderThan is not a valid date');
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }

  let scanned = 0;
  let removed = 0;
  let candidates: string[] = [];
  const removeUnreferenced = async (): Promise<void> => {
    const referenced = await isReferenced(candidates);
    for (const sha256 of candidates) {
      // Re-checked at removal: storing the same content again meanwhile refreshes the time.
      if (
        !referenced.has(sha256) &&
        (await storage.remove(sha256, { ifModifiedBefore: olderThan }))
      ) {
        removed += 1;
      }
    }
    candidates = [];
  };

  for await (const { sha256, modifiedAt } of storage.list()) {
    scanned += 1;
    if (modifiedAt >= olderThan) continue;
    candidates.push(sha256);
    if (candidates.length === batchSize) await removeUnreferenced();
  }
  if (candidates.length > 0) await removeUnreferenced();
  return { scanned, removed };
}
