import { TestApp } from './test-app';

/**
 * Every item of a list, read page by page through `nextCursor`; fails rather than loop when
 * the list keeps handing out cursors past `maxPages`.
 */
export async function readAllPages<T>(
  t: TestApp,
  path: string,
  auth: Record<string, string>,
  options: { limit: number; maxPages?: number },
): Promise<{ items: T[]; pages: number }> {
  const maxPages = options.maxPages ?? 100;
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: Record<string, string | number> = { limit: options.limit };
    if (cursor) query.cursor = cursor;
    const page = await t.http().get(path).query(query).set(auth).expect(200);
    const { data, nextCursor } = page.body as { data: T[]; nextCursor: string | null };
    expect(data.length).toBeLessThanOrEqual(options.limit);
    items.push(...data);
    cursor = nextCursor;
    pages += 1;
    if (pages > maxPages) throw new Error(`${path} handed out more than ${maxPages} pages`);
  } while (cursor);
  return { items, pages };
}
