import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error';

/** The hard ceiling of any upload; material types set their own, lower limits. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface MultipartUpload {
  fields: Record<string, string>;
  fileName: string;
  file: NodeJS.ReadableStream;
}

/**
 * Reads a multipart/form-data request whose text fields come before its one `file` part.
 * The file stays a stream: the storage decides, while reading, whether to keep it.
 */
export async function readMultipartUpload(request: FastifyRequest): Promise<MultipartUpload> {
  if (!request.isMultipart()) {
    throw new DomainError(
      'unsupported-media-type',
      'Send multipart/form-data with the fields first and then `file`',
    );
  }
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  if (!part || part.fieldname !== 'file')
    throw DomainError.invalidField('file', 'is required (as the last part)');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field') fields[name] = String(field.value);
  }
  return { fields, fileName: part.filename || 'upload', file: part.file };
}
