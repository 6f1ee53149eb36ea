import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { applicationsLink, type Days, type DeskFilter, type Narrowing } from './drill-down';

/** The statuses of a decided application: what decisions, on-time rates and ratings count. */
const DECIDED_STATUSES = ['APPROVED', 'COMPLETED', 'DENIED', 'REJECTED'] as const;

export const STATUS_LABELS: Record<string, MessageKey> = {
  DRAFT: 'desk.status.DRAFT',
  IN_PROGRESS: 'desk.status.IN_PROGRESS',
  SUPPLEMENT_REQUIRED: 'desk.status.SUPPLEMENT_REQUIRED',
  APPROVED: 'desk.status.APPROVED',
  DENIED: 'desk.status.DENIED',
  REJECTED: 'desk.status.REJECTED',
  WITHDRAWN: 'desk.status.WITHDRAWN',
  COMPLETED: 'desk.status.COMPLETED',
};

interface FigureLinkProps {
  filter: DeskFilter;
  narrowing?: Narrowing;
  days: Days;
  children: ReactNode;
  style?: CSSProperties;
}

/** A figure that opens the applications it counts. */
export function FigureLink({ filter, narrowing = {}, days, children, style }: FigureLinkProps) {
  return (
    <Link to={applicationsLink(filter, narrowing, days)} style={style}>
      {children}
    </Link>
  );
}

/**
 * A figure over decided applications (decisions, on-time rate, working days, ratings): the
 * list takes one status at a time, so it offers the decided statuses to choose from.
 */
export function DecidedFigureLink({
  filter,
  narrowing = {},
  days,
  children,
  style,
}: FigureLinkProps) {
  const { t } = useI18n();
  const items = DECIDED_STATUSES.map((status) => ({
    key: status,
    label: (
      <Link to={applicationsLink(filter, { ...narrowing, status }, days)}>
        {t(STATUS_LABELS[status])}
      </Link>
    ),
  }));
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button type="link" style={{ padding: 0, height: 'auto', ...style }}>
        {children}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
