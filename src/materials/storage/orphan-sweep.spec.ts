import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { LocalDiskStorage, UploadLimits } from './material-storage';
import { sweepOrphans } from './orphan-sweep';

const DAY_MS = 24 * 60 * 60 * 1000;
const pdfOnly: UploadLimits = { maxBytes: 1024 * 1024, allowedFormats: ['pdf'] };

const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer\n<< >>\n%%EOF\n`);

describe('sweepOrphans', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const olderThan = new Date(Date.now() - DAY_MS);

  const store = async (content: Buffer): Promise<string> =>
    (await storage.store(Readable.from([content]), pdfOnly)).sha256;

  const storeBackdated = async (content: Buffer): Promise<string> => {
    const sha256 = await store(content);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY_MS);
    await utimes(
      join(root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256),
      twoDaysAgo,
      twoDaysAgo,
    );
    return sha256;
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'parkline-sweep-'));
    storage = new LocalDiskStorage(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('removes only objects that are old and unreferenced', async () => {
    const oldReferenced = await storeBackdated(pdf('old, referenced'));
    const oldOrphan = await storeBackdated(pdf('old, orphan'));
    const newOrphan = await store(pdf('new, its row not committed yet'));
    const referenced = new Set([oldReferenced]);

    const result = await sweepOrphans(
      storage,
      async (sha256s) => new Set(sha256s.filter((sha256) => referenced.has(sha256))),
      { olderThan },
    );

    expect(result).toEqual({ scanned: 3, removed: 1 });
    expect(await storage.exists(oldReferenced)).toBe(true);
    expect(await storage.exists(oldOrphan)).toBe(false);
    expect(await storage.exists(newOrphan)).toBe(true);
  });

  it('asks about references in batches, and only for old objects', async () => {
    const oldOrphans = [];
    for (let index = 0; index < 5; index += 1) {
      oldOrphans.push(await storeBackdated(pdf(`orphan ${index}`)));
    }
    await store(pdf('new'));
    const batches: string[][] = [];

    const result = await sweepOrphans(
      storage,
      async (sha256s) => {
        batches.push([...sha256s]);
        return new Set();
      },
      { olderThan, batchSize: 2 },
    );

    expect(result).toEqual({ scanned: 6, removed: 5 });
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(batches.flat().sort()).toEqual([...oldOrphans].sort());
  });

  it('keeps an orphan that is stored again while the sweep runs', async () => {
    const content = pdf('uploaded again');
    const sha256 = await storeBackdated(content);

    const result = await sweepOrphans(
      storage,
      async () => {
        await store(content);
        return new Set();
      },
      { olderThan },
    );

    expect(result).toEqual({ scanned: 1, removed: 0 });
    expect(await storage.exists(sha256)).toBe(true);
  });

  it.each([0, -1, 2.5])('refuses batchSize %p', async (batchSize) => {
    await expect(
      sweepOrphans(storage, async () => new Set(), { olderThan, batchSize }),
    ).rejects.toThrow(RangeError);
  });
});
