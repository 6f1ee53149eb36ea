import { ApiOkResponse } from '@nestjs/swagger';

/** A 200 that answers with the bytes of a file, as an attachment or inline. */
export function ApiFileResponse(description: string, mediaTypes: readonly string[]) {
  return ApiOkResponse({
    description,
    headers: {
      'Content-Disposition': {
        description: 'The file name, e.g. `attachment; filename="licence.pdf"`',
        schema: { type: 'string' },
      },
    },
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
}
