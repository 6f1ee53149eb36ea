import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';

interface Page<Row> {
  data: Row[];
  nextCursor?: string | null;
}

/**
 * Puts a row the API answered with into every cached cursor list under `queryKey`, in place:
 * the row the user acted on changes under their eyes, and no page is fetched again until they
 * come back to the list (the lists are marked stale, not refetched).
 */
export function replaceInPages<Row extends { id: string }>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  row: Row,
): void {
  queryClient.setQueriesData<InfiniteData<Page<Row>>>({ queryKey }, (list) =>
    list && {
      ...list,
      pages: list.pages.map((page) => ({
        ...page,
        data: page.data.map((candidate) => (candidate.id === row.id ? row : candidate)),
      })),
    },
  );
  void queryClient.invalidateQueries({ queryKey, refetchType: 'none' });
}
