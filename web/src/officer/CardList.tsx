import { Card, Listy } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** Listy's rows as cards with a gap between them, not its dividers and hover shade. */
const ITEM: CSSProperties = { padding: 0, borderBottom: 'none', background: 'transparent', marginBottom: 8 };

/** A phone's list of records, each a small card; `label` names the list for assistive tech. */
export function CardList<Row extends { id: string }>({
  rows,
  label,
  highlighted,
  renderRow,
}: {
  rows: Row[];
  label: string;
  /** The row the keyboard is on. */
  highlighted?: string;
  renderRow: (row: Row) => ReactNode;
}) {
  return (
    <div role="list" aria-label={label}>
      <Listy<Row>
        items={rows}
        rowKey="id"
        styles={{ item: ITEM }}
        itemRender={(row) => (
          <Card
            size="small"
            role="listitem"
            data-row-key={row.id}
            style={row.id === highlighted ? { borderColor: '#0f766e' } : undefined}
          >
            {renderRow(row)}
          </Card>
        )}
      />
    </div>
  );
}
