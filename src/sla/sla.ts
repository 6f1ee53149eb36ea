import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

export type ClockState = 'ON_TRACK' | 'AT_RISK' | 'OVERDUE' | 'PAUSED';
export type ClockName = 'statutory' | 'promised';

/** At-risk once this share of the allowed working days is used. */
export const AT_RISK_SHARE = 0.8;

export interface SlaClocksInput {
  submittedAt: Date;
  /** null where no statutory limit applies: only the promise runs. */
  statutoryDays: number | null;
  promisedDays: number;
  /** Added to the statutory limit by a head's extension. */
  extensionDays: number;
  /** Working days the clocks stood still in finished stops. */
  pausedWorkingDays: number;
  /** Start of the stop in progress, if any. */
  pausedSince: Date | null;
}

export interface ClockView {
  deadline: Date;
  /** The instant the clock turns at risk (80% of its working days used). */
  atRiskAt: Date;
  workingDaysAllowed: number;
  workingDaysUsed: number;
  state: ClockState;
  extended: boolean;
  /** The deadline falls in (or its count crosses) a year without official holiday data. */
  provisional: boolean;
}

export interface SlaView {
  state: ClockState;
  /** null where no statutory limit applies. */
  statutory: ClockView | null;
  promised: ClockView;
}

const SEVERITY: Record<ClockState, number> = { ON_TRACK: 0, PAUSED: 1, AT_RISK: 2, OVERDUE: 3 };

export const worseOf = (a: ClockState, b: ClockState): ClockState =>
  SEVERITY[a] >= SEVERITY[b] ? a : b;

/**
 * Both clocks of an application at `now`: each deadline counts working days from the day
 * after submission, shifted by the working days the clocks stood still (a stop in progress
 * counts up to now).
 */
export function computeSla(
  calendar: WorkingDayCalendar,
  input: SlaClocksInput,
  now: Date,
): SlaView {
  const pausedSoFar =
    input.pausedWorkingDays +
    (input.pausedSince ? calendar.workingDaysBetween(input.pausedSince, now) : 0);
  const elapsed = calendar.workingDaysBetween(input.submittedAt, now);

  const clock = (allowed: number, extended: boolean): ClockView => {
    const { deadline, provisional } = calendar.deadlineAfter(
      input.submittedAt,
      allowed + pausedSoFar,
    );
    const atRiskDay = Math.max(0, Math.ceil(allowed * AT_RISK_SHARE) - 1);
    const atRiskAt = new Date(
      calendar.deadlineAfter(input.submittedAt, atRiskDay + pausedSoFar).deadline.getTime() + 1,
    );
    const state: ClockState = input.pausedSince
      ? 'PAUSED'
      : now > deadline
        ? 'OVERDUE'
        : now >= atRiskAt
          ? 'AT_RISK'
          : 'ON_TRACK';
    return {
      deadline,
      atRiskAt,
      workingDaysAllowed: allowed,
      workingDaysUsed: Math.max(0, elapsed - pausedSoFar),
      state,
      extended,
      provisional,
    };
  };

  const statutory =
    input.statutoryDays === null
      ? null
      : clock(input.statutoryDays + input.extensionDays, input.extensionDays > 0);
  const promised = clock(input.promisedDays, false);
  return {
    state: statutory ? worseOf(statutory.state, promised.state) : promised.state,
    statutory,
    promised,
  };
}
