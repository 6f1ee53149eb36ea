import { Button, Flex } from 'antd';
import { useI18n } from '../i18n/i18n';

/** The next page of a cursor-paged list (a TanStack infinite query), while there is one. */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
}) {
  const { t } = useI18n();
  if (!query.hasNextPage) return null;
  return (
    <Flex justify="center" style={{ marginTop: 8 }}>
      <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {t('app.more')}
      </Button>
    </Flex>
  );
}
