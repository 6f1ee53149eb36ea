import { Grid, List, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';

/** How one record reads on a phone: a title, what it is about, and its action at the side. */
export interface RecordCard {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

/**
 * Records as a table on a desk, as a list on a phone, where a table would be wider than the
 * screen. Pages load more themselves (`LoadMore`), so neither paginates.
 */
export function RecordList<Row extends { id: string }>({
  rows,
  loading,
  empty,
  columns,
  card,
}: {
  rows: Row[] | undefined;
  loading: boolean;
  empty?: ReactNode;
  columns: ColumnsType<Row>;
  card: (row: Row) => RecordCard;
}) {
  const phone = !Grid.useBreakpoint().md;
  if (phone)
    return (
      <List<Row>
        loading={loading}
        dataSource={rows}
        locale={empty === undefined ? undefined : { emptyText: empty }}
        renderItem={(row) => {
          const { title, description, extra } = card(row);
          return (
            <List.Item key={row.id} extra={extra}>
              <List.Item.Meta title={title} description={description} />
            </List.Item>
          );
        }}
      />
    );
  return (
    <Table<Row>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: true }}
      locale={empty === undefined ? undefined : { emptyText: empty }}
    />
  );
}
