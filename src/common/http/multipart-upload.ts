import '@fastify/multipart';
import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error';
import { textProblem } from './acceptable-text';

/** The hard ceiling of any upload; material types set their own, lower limits. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface MultipartUpload {
  fields: Record<string, string>;
  fileName: string;
  file: NodeJS.ReadableStream;
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
  const part = await request
    .file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } })
    .catch((error: unknown) => {
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
  // A body cut off mid-file fails the stream: that is the client's fault, not a server error.
  const file = new PassThrough();
  part.file.on('error', (error) => file.destroy(malformed(error) as Error));
  part.file.pipe(file);
  return { fields, fileName, file };
}
