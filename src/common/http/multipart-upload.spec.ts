import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import Fastify, { FastifyInstance } from 'fastify';
import { LocalDiskStorage } from '../../materials/storage/material-storage';
import { DomainError } from '../problem/domain-error';
import { MULTIPART_LIMITS, readMultipartUpload } from './multipart-upload';

const CEILING = 4096;
const BOUNDARY = 'parkline-test-boundary';

function multipartBody(fields: Record<string, string>, file: Buffer): Buffer {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

const pdfOf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** A real multipart parser with a small ceiling, storing what readMultipartUpload hands over. */
describe('readMultipartUpload', () => {
  let root: string;
  let server: FastifyInstance;
  let rejection: unknown;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'parkline-multipart-'));
    const storage = new LocalDiskStorage(root);
    rejection = undefined;
    server = Fastify();
    await server.register(multipart, { limits: { ...MULTIPART_LIMITS, fileSize: CEILING } });
    server.post('/upload', async (request) => {
      const upload = await readMultipartUpload(request);
      try {
        // Per-type limit above the ceiling: only the ceiling can stop this upload.
        return await storage.store(upload.file, {
          maxBytes: 10 * CEILING,
          allowedFormats: ['pdf'],
        });
      } catch (error) {
        rejection = error;
        return { rejected: true };
      }
    });
  });

  afterEach(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const upload = (file: Buffer) =>
    server.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody({ materialType: 'business_licence' }, file),
    });

  it('hands over a file at the ceiling whole', async () => {
    const response = await upload(pdfOf(CEILING));
    expect(rejection).toBeUndefined();
    expect(response.json()).toMatchObject({ sizeBytes: CEILING, format: 'pdf' });
  });

  it('fails a file over the ceiling with payload-too-large, and nothing is stored', async () => {
    await upload(pdfOf(CEILING + 1));
    expect(rejection).toBeInstanceOf(DomainError);
    expect((rejection as DomainError).type).toBe('payload-too-large');
    expect(await filesUnder(root)).toEqual([]);
  });
});
