import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { SNIFF_BYTES } from './file-format';
import {
  LocalDiskStorage,
  StoredObjectMissingError,
  UploadLimits,
  UploadRejectedError,
} from './material-storage';

const MB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

const pdf = (text = 'Business licence'): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452', 'hex'),
  Buffer.alloc(64, 7),
]);
const pdfOnly: UploadLimits = { maxBytes: MB, allowedFormats: ['pdf'] };

const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

async function* inChunks(content: Buffer, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < content.length; offset += chunkBytes) {
    yield content.subarray(offset, offset + chunkBytes);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Paths of the regular files under `dir`, relative to it; none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** Yields `totalBytes` of content starting with `head`, counting the chunks it hands out. */
function countingUpload(head: Buffer, totalBytes: number) {
  const progress = { chunksYielded: 0, finished: false };
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      progress.chunksYielded += 1;
      yield head;
      for (let sent = head.length; sent < totalBytes; sent += CHUNK_BYTES) {
        progress.chunksYielded += 1;
        yield Buffer.alloc(CHUNK_BYTES, 0x20);
      }
    } finally {
      progress.finished = true;
    }
  }
  return { chunks: chunks(), progress };
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const objectPath = (sha256: string): string =>
    join(root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  const expectNothingLeft = async (): Promise<void> => {
    expect(await filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(await filesUnder(join(root, 'objects'))).toEqual([]);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'parkline-storage-'));
    storage = new LocalDiskStorage(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('store', () => {
    it('stores content under its SHA-256 and describes it', async () => {
      const content = pdf();

      const stored = await storage.store(inChunks(content, 16), pdfOnly);

      expect(stored).toEqual({
        sha256: sha256Of(content),
        sizeBytes: content.length,
        format: 'pdf',
        mediaType: 'application/pdf',
      });
      expect(await readFile(objectPath(stored.sha256))).toEqual(content);
      expect(await filesUnder(join(root, 'tmp'))).toEqual([]);
    });

    it('streams content larger than the sniffed head from a file', async () => {
      const content = Buffer.concat([pdf(), Buffer.alloc(3 * MB, 0x25)]);
      const source = join(root, 'large.pdf');
      await writeFile(source, content);

      const stored = await storage.store(createReadStream(source), {
        maxBytes: 4 * MB,
        allowedFormats: ['pdf'],
      });

      expect(stored).toMatchObject({ sha256: sha256Of(content), sizeBytes: content.length });
      expect(sha256Of(await readFile(objectPath(stored.sha256)))).toBe(stored.sha256);
    });

    it('goes by the bytes, not the file name', async () => {
      const misnamed = join(root, 'business-licence.pdf');
      await writeFile(misnamed, png);

      await expect(storage.store(createReadStream(misnamed), pdfOnly)).rejects.toMatchObject({
        reason: 'unsupported-type',
      });
      const stored = await storage.store(createReadStream(misnamed), {
        maxBytes: MB,
        allowedFormats: ['pdf', 'png'],
      });
      expect(stored).toMatchObject({ format: 'png', mediaType: 'image/png' });
    });

    it('recognises a signature split across chunks', async () => {
      const stored = await storage.store(inChunks(png, 1), {
        maxBytes: MB,
        allowedFormats: ['png'],
      });
      expect(stored.format).toBe('png');
    });

    it('stores identical content once and refreshes its modification time', async () => {
      const content = pdf();
      const first = await storage.store(inChunks(content), pdfOnly);
      const longAgo = new Date('2020-01-01T00:00:00Z');
      await utimes(objectPath(first.sha256), longAgo, longAgo);

      const second = await storage.store(inChunks(content), pdfOnly);

      expect(second).toEqual(first);
      expect(await filesUnder(join(root, 'objects'))).toHaveLength(1);
      expect(await filesUnder(join(root, 'tmp'))).toEqual([]);
      expect((await stat(objectPath(first.sha256))).mtime.getTime()).toBeGreaterThan(
        longAgo.getTime(),
      );
    });

    it('stores identical content uploaded concurrently once', async () => {
      const content = pdf();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => storage.store(inChunks(content, 8), pdfOnly)),
      );

      expect(new Set(results.map((result) => result.sha256))).toEqual(new Set([sha256Of(content)]));
      expect(await filesUnder(join(root, 'objects'))).toHaveLength(1);
      expect(await filesUnder(join(root, 'tmp'))).toEqual([]);
    });

    it('accepts content of exactly maxBytes', async () => {
      const content = pdf();
      const stored = await storage.store(inChunks(content), {
        maxBytes: content.length,
        allowedFormats: ['pdf'],
      });
      expect(stored.sizeBytes).toBe(content.length);
    });

    it('rejects content over maxBytes and leaves nothing behind', async () => {
      const content = pdf();
      const upload = storage.store(inChunks(content), {
        maxBytes: content.length - 1,
        allowedFormats: ['pdf'],
      });

      await expect(upload).rejects.toThrow(UploadRejectedError);
      await expect(upload).rejects.toMatchObject({ reason: 'too-large' });
      await expectNothingLeft();
    });

    it('stops reading a large upload as soon as it passes maxBytes', async () => {
      const { chunks, progress } = countingUpload(pdf(), 20 * MB);

      await expect(
        storage.store(chunks, { maxBytes: 5 * MB, allowedFormats: ['pdf'] }),
      ).rejects.toMatchObject({ reason: 'too-large' });

      expect(progress.chunksYielded).toBeLessThanOrEqual((5 * MB) / CHUNK_BYTES + 2);
      expect(progress.finished).toBe(true);
      await expectNothingLeft();
    });

    it('destroys a stream it stops reading', async () => {
      const endless = new Readable({
        read() {
          this.push(Buffer.alloc(CHUNK_BYTES, 0x25));
        },
      });
      endless.push(pdf());

      await expect(
        storage.store(endless, { maxBytes: MB, allowedFormats: ['pdf'] }),
      ).rejects.toMatchObject({ reason: 'too-large' });

      expect(endless.destroyed).toBe(true);
      await expectNothingLeft();
    });

    it('leaves nothing behind when the upload fails midway', async () => {
      async function* interrupted(): AsyncGenerator<Buffer> {
        yield pdf();
        throw new Error('Connection reset by the client');
      }

      await expect(storage.store(interrupted(), pdfOnly)).rejects.toThrow('Connection reset');
      await expectNothingLeft();
    });

    it('rejects a format that is not allowed and leaves nothing behind', async () => {
      await expect(storage.store(inChunks(png), pdfOnly)).rejects.toMatchObject({
        reason: 'unsupported-type',
      });
      await expectNothingLeft();
    });

    it('rejects content of no known format', async () => {
      const text = Buffer.from('Business licence, typed out');
      await expect(
        storage.store(inChunks(text), { maxBytes: MB, allowedFormats: ['pdf', 'png', 'zip'] }),
      ).rejects.toMatchObject({ reason: 'unsupported-type' });
      await expectNothingLeft();
    });

    it('stops reading a large upload once its head shows a disallowed format', async () => {
      const { chunks, progress } = countingUpload(png, 20 * MB);

      await expect(
        storage.store(chunks, { maxBytes: 50 * MB, allowedFormats: ['pdf'] }),
      ).rejects.toMatchObject({ reason: 'unsupported-type' });

      expect(progress.chunksYielded).toBeLessThanOrEqual(SNIFF_BYTES / CHUNK_BYTES + 2);
      expect(progress.finished).toBe(true);
      await expectNothingLeft();
    });

    it.each([
      ['no chunks', []],
      ['only empty chunks', [Buffer.alloc(0), Buffer.alloc(0)]],
    ])('rejects an empty upload with %s', async (_description, chunks) => {
      await expect(storage.store(Readable.from(chunks), pdfOnly)).rejects.toMatchObject({
        reason: 'empty',
      });
      await expectNothingLeft();
    });

    it('refuses a stream that decodes its bytes to text', async () => {
      const source = join(root, 'business-licence.pdf');
      await writeFile(source, pdf());

      const decoded = createReadStream(source, { encoding: 'utf8' });

      await expect(storage.store(decoded, pdfOnly)).rejects.toThrow(TypeError);
      await expectNothingLeft();
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses maxBytes %p', async (maxBytes) => {
      await expect(
        storage.store(inChunks(pdf()), { maxBytes, allowedFormats: ['pdf'] }),
      ).rejects.toThrow(RangeError);
    });
  });

  describe('open, exists and remove', () => {
    it('opens stored content', async () => {
      const content = pdf();
      const { sha256 } = await storage.store(inChunks(content), pdfOnly);

      expect(await readAll(await storage.open(sha256))).toEqual(content);
    });

    it('reports whether an object exists', async () => {
      const { sha256 } = await storage.store(inChunks(pdf()), pdfOnly);

      expect(await storage.exists(sha256)).toBe(true);
      expect(await storage.exists(sha256Of(Buffer.from('never stored')))).toBe(false);
    });

    it('throws StoredObjectMissingError when opening an absent object', async () => {
      const absent = sha256Of(Buffer.from('never stored'));
      await expect(storage.open(absent)).rejects.toThrow(StoredObjectMissingError);
      await expect(storage.open(absent)).rejects.toMatchObject({ sha256: absent });
    });

    it('removes an object, and removing it again is a no-op', async () => {
      const { sha256 } = await storage.store(inChunks(pdf()), pdfOnly);

      expect(await storage.remove(sha256)).toBe(true);
      expect(await storage.remove(sha256)).toBe(false);
      expect(await storage.exists(sha256)).toBe(false);
      await expect(storage.open(sha256)).rejects.toThrow(StoredObjectMissingError);
    });

    it('removes an object only if it was last modified before the given time', async () => {
      const { sha256 } = await storage.store(inChunks(pdf()), pdfOnly);
      const hourAgo = new Date(Date.now() - 3_600_000);
      const inAnHour = new Date(Date.now() + 3_600_000);

      expect(await storage.remove(sha256, { ifModifiedBefore: hourAgo })).toBe(false);
      expect(await storage.exists(sha256)).toBe(true);
      expect(await storage.remove(sha256, { ifModifiedBefore: inAnHour })).toBe(true);
      expect(await storage.exists(sha256)).toBe(false);
    });

    it.each([
      '../../../../etc/passwd',
      'A'.repeat(64),
      'a'.repeat(63),
      'a'.repeat(65),
      `${'a'.repeat(62)}/..`,
      '',
    ])('refuses %p as a SHA-256 digest', async (sha256) => {
      await expect(storage.open(sha256)).rejects.toThrow(TypeError);
      await expect(storage.exists(sha256)).rejects.toThrow(TypeError);
      await expect(storage.remove(sha256)).rejects.toThrow(TypeError);
    });
  });

  describe('list', () => {
    const listAll = async (): Promise<{ sha256: string; modifiedAt: Date }[]> => {
      const objects = [];
      for await (const object of storage.list()) objects.push(object);
      return objects;
    };

    it('lists nothing in a new storage', async () => {
      expect(await listAll()).toEqual([]);
    });

    it('lists stored objects with their modification time', async () => {
      const first = await storage.store(inChunks(pdf('first')), pdfOnly);
      const second = await storage.store(inChunks(pdf('second')), pdfOnly);
      const longAgo = new Date('2020-01-01T00:00:00Z');
      await utimes(objectPath(first.sha256), longAgo, longAgo);

      const listed = new Map(
        (await listAll()).map(({ sha256, modifiedAt }) => [sha256, modifiedAt.getTime()]),
      );

      expect([...listed.keys()].sort()).toEqual([first.sha256, second.sha256].sort());
      expect(listed.get(first.sha256)).toBe(longAgo.getTime());
      expect(listed.get(second.sha256)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('ignores files that are not objects in their place', async () => {
      const { sha256 } = await storage.store(inChunks(pdf()), pdfOnly);
      const misplaced = `ffff${sha256.slice(4)}`;
      await mkdir(join(root, 'objects', sha256.slice(0, 2), 'zz'), { recursive: true });
      await writeFile(
        join(root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), 'notes.txt'),
        '',
      );
      await writeFile(join(root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), misplaced), '');
      await writeFile(join(root, 'objects', 'README'), '');
      await mkdir(join(root, 'tmp'), { recursive: true });
      await writeFile(join(root, 'tmp', sha256Of(Buffer.from('partial'))), '');

      expect((await listAll()).map((object) => object.sha256)).toEqual([sha256]);
    });
  });
});
