import { Card } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { kindOf, monthWeeks, toggled, type DayKind, type Marks } from './calendar-days';

const KIND_STYLE: Record<DayKind, CSSProperties> = {
  workday: { background: 'transparent', color: 'inherit' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  makeUp: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
};

export const KIND_LABEL: Record<DayKind, MessageKey> = {
  workday: 'admin.calendar.workday',
  weekend: 'admin.calendar.weekend',
  holiday: 'admin.calendar.holiday',
  makeUp: 'admin.calendar.makeUp',
};

const GRID: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 };

/** A month of the calendar; a click on a day changes what it is (see `toggled`). */
export function MonthGrid({
  year,
  month,
  marks,
  onChange,
}: {
  year: number;
  month: number;
  marks: Marks;
  onChange: (marks: Marks) => void;
}) {
  const { t, language } = useI18n();
  const title = new Intl.DateTimeFormat(language, { month: 'long' }).format(
    new Date(year, month, 1),
  );
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'narrow' });
  // 2024-01-01 was a Monday: the header's seven days from it.
  const weekdays = Array.from({ length: 7 }, (_, day) =>
    weekday.format(new Date(2024, 0, 1 + day)),
  );
  const dateLabel = new Intl.DateTimeFormat(language, { dateStyle: 'full' });
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <div style={GRID} aria-hidden="true">
        {weekdays.map((name, index) => (
          <div key={index} style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>
            {name}
          </div>
        ))}
      </div>
      {monthWeeks(year, month).map((week, index) => (
        <div key={index} style={{ ...GRID, marginTop: 2 }}>
          {week.map((day, column) => {
            if (!day) return <div key={column} />;
            const kind = kindOf(day, marks);
            const label = `${dateLabel.format(new Date(`${day}T12:00:00`))} · ${t(KIND_LABEL[kind])}`;
            return (
              <button
                key={day}
                type="button"
                aria-label={label}
                title={label}
                onClick={() => onChange(toggled(day, marks))}
                style={{
                  ...KIND_STYLE[kind],
                  border: 'none',
                  borderRadius: 4,
                  padding: '4px 0',
                  cursor: 'pointer',
                  font: 'inherit',
                  fontSize: 13,
                }}
              >
                {Number(day.slice(8))}
              </button>
            );
          })}
        </div>
      ))}
    </Card>
  );
}

/** What the colours of the days mean. */
export function DayLegend() {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 12 }}>
      {(Object.keys(KIND_STYLE) as DayKind[]).map((kind) => (
        <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span
            style={{
              ...KIND_STYLE[kind],
              width: 14,
              height: 14,
              borderRadius: 3,
              border: '1px solid #d9d9d9',
            }}
          />
          {t(KIND_LABEL[kind])}
        </span>
      ))}
    </span>
  );
}
