import { createHash, randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { detectFileFormat, type FileFormat, MEDIA_TYPES, SNIFF_BYTES } from './file-format';

export interface StoredObject {
  sha256: string;
  sizeBytes: number;
  format: FileFormat;
  mediaType: string;
}

export interface UploadLimits {
  maxBytes: number;
  allowedFormats: readonly FileFormat[];
}

export type UploadRejectionReason = 'too-large' | 'unsupported-type' | 'empty';

export class UploadRejectedError extends Error {
  constructor(
    readonly reason: UploadRejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejectedError';
  }
}

export class StoredObjectMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`Stored object ${sha256} does not exist`);
    this.name = 'StoredObjectMissingError';
  }
}

export interface MaterialStorage {
  /**
   * Streams an upload to storage, hashing and sniffing on the way; rejects (and leaves nothing)
   * when over maxBytes or not one of allowed formats. Storing identical content twice stores it
   * once, and refreshes the object's modification time so the orphan sweeper's grace period
   * covers the new reference too.
   */
  store(
    content: AsyncIterable<Buffer> | NodeJS.ReadableStream,
    limits: UploadLimits,
  ): Promise<StoredObject>;
  /** Throws StoredObjectMissingError when there is no such object. */
  open(sha256: string): Promise<NodeJS.ReadableStream>;
  exists(sha256: string): Promise<boolean>;
  /**
   * Removes the object if present; with `ifModifiedBefore`, only if it was last modified before
   * that time. Resolves to whether an object was removed.
   */
  remove(sha256: string, options?: { ifModifiedBefore?: Date }): Promise<boolean>;
  list(): AsyncIterable<{ sha256: string; modifiedAt: Date }>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Objects live at `<root>/objects/ab/cd/<sha256>`. Uploads are written to `<root>/tmp/` and
 * renamed into place once complete, so an object path only ever holds a whole, verified file.
 */
export class LocalDiskStorage implements MaterialStorage {
  private readonly objectsDir: string;
  private readonly tmpDir: string;

  constructor(rootDir: string) {
    const root = resolve(rootDir);
    this.objectsDir = join(root, 'objects');
    this.tmpDir = join(root, 'tmp');
  }

  async store(
    content: AsyncIterable<Buffer> | NodeJS.ReadableStream,
    limits: UploadLimits,
  ): Promise<StoredObject> {
    if (!Number.isSafeInteger(limits.maxBytes) || limits.maxBytes < 1) {
      throw new RangeError(`maxBytes must be a positive integer, got ${limits.maxBytes}`);
    }
    await fs.mkdir(this.tmpDir, { recursive: true });
    const tempPath = join(this.tmpDir, randomUUID());
    let tempFileMoved = false;
    try {
      const { sha256, sizeBytes, format } = await writeUpload(content, tempPath, limits);
      const objectPath = this.objectPath(sha256);
      if (!(await touchIfExists(objectPath))) {
        await fs.mkdir(dirname(objectPath), { recursive: true });
        await fs.rename(tempPath, objectPath);
        tempFileMoved = true;
        // The row referencing the object may commit as soon as this returns.
        await syncDirectory(dirname(objectPath));
      }
      return { sha256, sizeBytes, format, mediaType: MEDIA_TYPES[format] };
    } finally {
      if (!tempFileMoved) await fs.rm(tempPath, { force: true });
    }
  }

  async open(sha256: string): Promise<NodeJS.ReadableStream> {
    const objectPath = this.objectPath(sha256);
    try {
      const handle = await fs.open(objectPath, 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissingFileError(error)) throw new StoredObjectMissingError(sha256);
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    const objectPath = this.objectPath(sha256);
    try {
      return (await fs.stat(objectPath)).isFile();
    } catch (error) {
      if (isMissingFileError(error)) return false;
      throw error;
    }
  }

  async remove(sha256: string, options: { ifModifiedBefore?: Date } = {}): Promise<boolean> {
    const objectPath = this.objectPath(sha256);
    try {
      if (options.ifModifiedBefore) {
        const { mtime } = await fs.stat(objectPath);
        if (mtime >= options.ifModifiedBefore) return false;
      }
      await fs.unlink(objectPath);
      return true;
    } catch (error) {
      if (isMissingFileError(error)) return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: Date }> {
    for await (const first of directoryEntries(this.objectsDir)) {
      if (!first.isDirectory()) continue;
      for await (const second of directoryEntries(join(this.objectsDir, first.name))) {
        if (!second.isDirectory()) continue;
        const fanOutDir = join(this.objectsDir, first.name, second.name);
        for await (const file of directoryEntries(fanOutDir)) {
          const sha256 = file.name;
          if (!file.isFile() || !SHA256_HEX.test(sha256)) continue;
          if (!sha256.startsWith(first.name + second.name)) continue;
          const modifiedAt = await modificationTime(join(fanOutDir, sha256));
          if (modifiedAt) yield { sha256, modifiedAt };
        }
      }
    }
  }

  private objectPath(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) {
      throw new TypeError('Expected a SHA-256 digest as 64 lowercase hexadecimal characters');
    }
    return join(this.objectsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

/** Writes the upload to `path`, checking size and format as the bytes arrive. */
async function writeUpload(
  content: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  path: string,
  { maxBytes, allowedFormats }: UploadLimits,
): Promise<{ sha256: string; sizeBytes: number; format: FileFormat }> {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let format: FileFormat | null = null;
  let sizeBytes = 0;

  const checkFormat = async (): Promise<FileFormat> => {
    const head = Buffer.concat(headChunks, Math.min(headLength, SNIFF_BYTES));
    headChunks.length = 0;
    const detected = await detectFileFormat(head);
    if (detected === null || !allowedFormats.includes(detected)) {
      throw new UploadRejectedError(
        'unsupported-type',
        `Detected format: ${detected ?? 'unknown'}; accepted: ${allowedFormats.join(', ')}`,
      );
    }
    return detected;
  };

  const file = await fs.open(path, 'wx');
  try {
    // Leaving the loop early (by throwing) destroys a Readable source, so the rest is never read.
    for await (const chunk of content) {
      if (typeof chunk === 'string') {
        throw new TypeError('Upload content must be binary, not a stream with an encoding set');
      }
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        throw new UploadRejectedError(
          'too-large',
          `The file exceeds the limit of ${maxBytes} bytes`,
        );
      }
      if (format === null) {
        headChunks.push(chunk);
        headLength += chunk.length;
        if (headLength >= SNIFF_BYTES) format = await checkFormat();
      }
      hash.update(chunk);
      await writeFully(file, chunk);
    }
    if (sizeBytes === 0) throw new UploadRejectedError('empty', 'The file is empty');
    format ??= await checkFormat();
    await file.datasync();
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), sizeBytes, format };
}

async function writeFully(file: fs.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset);
    offset += bytesWritten;
  }
}

/** Marks an existing object as freshly stored; false when there is none. */
async function touchIfExists(path: string): Promise<boolean> {
  const now = new Date();
  try {
    await fs.utimes(path, now, now);
    return true;
  } catch (error) {
    if (isMissingFileError(error)) return false;
    throw error;
  }
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await fs.open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function* directoryEntries(path: string): AsyncGenerator<Dirent> {
  let directory;
  try {
    directory = await fs.opendir(path);
  } catch (error) {
    if (isMissingFileError(error)) return;
    throw error;
  }
  yield* directory;
}

/** Null when the file was removed since its directory was read. */
async function modificationTime(path: string): Promise<Date | null> {
  try {
    return (await fs.stat(path)).mtime;
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
}

function isMissingFileError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
