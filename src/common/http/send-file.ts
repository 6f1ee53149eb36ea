import type { FastifyReply } from 'fastify';

/** Streams stored file content with its type, length and a safe download name. */
export function sendFile(
  reply: FastifyReply,
  content: {
    stream: NodeJS.ReadableStream;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
  },
): void {
  const asciiName = content.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  reply
    .type(content.mediaType)
    .header('content-length', String(content.sizeBytes))
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(content.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(content.stream);
}
