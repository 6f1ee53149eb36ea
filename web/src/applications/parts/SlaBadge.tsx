import { Tag, Tooltip } from 'antd';
import type { components } from '@parkline/client';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';

export type SlaDto = components['schemas']['SlaDto'];
export type ClockDto = components['schemas']['ClockDto'];
export type SlaState = SlaDto['state'];

const COLOR: Record<SlaState, string> = {
  ON_TRACK: 'green',
  AT_RISK: 'orange',
  OVERDUE: 'red',
  PAUSED: 'default',
};

export const SLA_STATES = Object.keys(COLOR) as SlaState[];

/** Working days left on a clock; negative once it is past its deadline. */
export function workingDaysLeft(clock: ClockDto): number {
  return clock.workingDaysAllowed - clock.workingDaysUsed;
}

/** The clock closer to its end: the one the application must keep. */
export function tighterClock(sla: SlaDto): ClockDto {
  const { promised, statutory } = sla;
  return !statutory || workingDaysLeft(promised) <= workingDaysLeft(statutory) ? promised : statutory;
}

type SlaBadgeProps =
  /** From an application's clocks: the worse state, days left on the tighter clock. */
  | { sla: SlaDto; state?: never; daysLeft?: never }
  /** From a list row, which carries the state and (if known) the days left. */
  | { sla?: never; state: SlaState; daysLeft?: number };

/**
 * Where an application stands against its deadlines: on track, at risk, overdue or paused
 * (clocks stopped, e.g. waiting for a supplement), with the working days left.
 */
export function SlaBadge(props: SlaBadgeProps) {
  const { t, language } = useI18n();
  const state = props.sla?.state ?? props.state;
  const daysLeft = props.sla ? workingDaysLeft(tighterClock(props.sla)) : props.daysLeft;
  if (!state) return null;
  const days =
    state === 'PAUSED' || daysLeft === undefined
      ? ''
      : daysLeft >= 0
        ? t('applications.sla.daysLeft', { days: daysLeft })
        : t('applications.sla.daysOver', { days: -daysLeft });
  const tag = (
    <Tag color={COLOR[state]}>
      {t(`applications.sla.${state}`)}
      {days && ` · ${days}`}
    </Tag>
  );
  if (!props.sla) return tag;
  const { promised, statutory } = props.sla;
  return (
    <Tooltip
      title={
        <>
          <div>{t('applications.sla.promisedUntil', { date: formatDate(promised.deadline, language) })}</div>
          {statutory && (
            <div>{t('applications.sla.statutoryUntil', { date: formatDate(statutory.deadline, language) })}</div>
          )}
        </>
      }
    >
      <span tabIndex={0}>{tag}</span>
    </Tooltip>
  );
}
