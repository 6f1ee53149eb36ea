import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import type { ApplicationStatus } from './definition';

const COLOR: Record<ApplicationStatus, string> = {
  DRAFT: 'default',
  IN_PROGRESS: 'processing',
  SUPPLEMENT_REQUIRED: 'warning',
  APPROVED: 'success',
  COMPLETED: 'success',
  DENIED: 'error',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

export const APPLICATION_STATUSES = Object.keys(COLOR) as ApplicationStatus[];

/** An application's status in words, coloured by how it stands. */
export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOR[status]}>{t(`applications.status.${status}`)}</Tag>;
}
