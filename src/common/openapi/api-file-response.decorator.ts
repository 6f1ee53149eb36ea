import { ApiOkResponse } from '@nestjs/swagger';

/** A 200 whose body is a file, in whichever of the media types it was stored or made as. */
export function ApiFileResponse(
  description: string,
  mediaTypes: readonly string[],
): MethodDecorator {
  return ApiOkResponse({
    description,
    content: Object.fromEntries(
      mediaTypes.map((mediaType) => [mediaType, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
}
