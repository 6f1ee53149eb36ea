/** The `ETag` response header of a versioned resource (see WithETag). */
export const ETAG_HEADER = {
  ETag: {
    description: 'The version, for If-Match',
    schema: { type: 'string', example: '"3"' },
  },
} as const;
