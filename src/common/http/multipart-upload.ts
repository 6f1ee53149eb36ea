import '@fastify/multipart';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error';
import { textProblem } from './acceptable-text';

/** The hard ceiling of any upload; material types set their own, lower limits. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** What the multipart parser reads of one request: a few text fields and one file. */
export const MULTIPART_LIMITS = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 };

export interface MultipartUpload {
  fields: Record<string, string>;
  fileName: string;
  /** The file's bytes; reading them fails with a 413 when the file is over the ceiling. */
  file: AsyncIterable<Buffer>;
}

/** The multipart parser's own errors carry a client status; a broken body otherwise throws plainly. */
function malformed(error: unknown): unknown {
  if (typeof (error as { statusCode?: unknown })?.statusCode === 'number') return error;
  return new DomainError(
    'bad-request',
    `The multipart/form-data body is malformed: ${(error as Error)?.message ?? error}`,
  );
}

/**
 * Reads a multipart/form-data request whose text fields come before its one `file` part.
 * The file stays a stream: the storage decides, while reading, whether to keep it. Text the
 * platform cannot store (NUL, lone surrogates) in a field or the file name is refused before
 * a byte of the file is read.
 */
export async function readMultipartUpload(request: FastifyRequest): Promise<MultipartUpload> {
  if (!request.isMultipart()) {
    throw new DomainError(
      'unsupported-media-type',
      'Send multipart/form-data with the fields first and then `file`',
    );
  }
  const part = await request.file().catch((error: unknown) => {
    throw malformed(error);
  });
  if (!part || part.fieldname !== 'file')
    throw DomainError.invalidField('file', 'is required (as the last part)');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field') fields[name] = String(field.value);
  }
  const fileName = part.filename || 'upload';
  const refused = [
    ...Object.entries(fields).map(([name, value]) => [name, textProblem(value)]),
    ['file', textProblem(fileName) && `name ${textProblem(fileName)}`],
  ].find(([, problem]) => problem);
  if (refused) {
    part.file.resume();
    throw DomainError.invalidField(refused[0]!, refused[1]!);
  }
  return { fields, fileName, file: untruncated(part.file) };
}

/**
 * The parser stops a file at the ceiling and ends the stream as if it were complete, only
 * marking it `truncated`; failing at its end keeps a cut-off file from being stored.
 */
async function* untruncated(file: MultipartFile['file']): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } catch (error) {
    // A body cut off mid-file fails the stream: that is the client's fault, not a server error.
    throw malformed(error);
  }
  if (file.truncated)
    throw new DomainError(
      'payload-too-large',
      `The file is larger than the largest upload accepted (${MAX_UPLOAD_BYTES} bytes)`,
    );
}
