import type { Dayjs } from 'dayjs';
import { fieldErrorsOf } from '../../shared/api/problem';
import type { Translate } from '../../shared/i18n/i18n';
import type { CompleteTaskInput, Task, TaskAction } from '../tasks';

/** What an action asks of the officer, besides choosing it. */
export type ActionInput =
  | 'comment'
  | 'reason'
  | 'items'
  | 'inspection'
  | 'meetingDate'
  | 'agreementNumber'
  | 'summary';

interface ActionSpec {
  inputs: ActionInput[];
  /** Ends the application against the enterprise, or sends it back: asked to confirm. */
  tone: 'primary' | 'default' | 'danger';
}

/** Every action of the API's vocabulary with the inputs it needs (see CompleteTaskInput). */
export const ACTIONS: Record<TaskAction, ActionSpec> = {
  accept: { inputs: ['comment'], tone: 'primary' },
  record: { inputs: ['comment'], tone: 'primary' },
  approve: { inputs: ['comment'], tone: 'primary' },
  complete: { inputs: ['summary', 'comment'], tone: 'primary' },
  record_inspection: { inputs: ['inspection', 'comment'], tone: 'primary' },
  schedule: { inputs: ['meetingDate', 'comment'], tone: 'primary' },
  record_agreement: { inputs: ['agreementNumber', 'comment'], tone: 'primary' },
  refer_inspection: { inputs: ['comment'], tone: 'default' },
  request_supplement: { inputs: ['items', 'comment'], tone: 'default' },
  reject: { inputs: ['reason'], tone: 'danger' },
  deny: { inputs: ['reason'], tone: 'danger' },
  decline: { inputs: ['reason'], tone: 'danger' },
};

/** The order actions are offered in: the usual way forward first, refusals last. */
export function orderedActions(task: Pick<Task, 'allowedActions'>): TaskAction[] {
  const order = Object.keys(ACTIONS) as TaskAction[];
  return [...task.allowedActions].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** A head's approval at a decision stage is the signature the certificate is issued on. */
export function isSigning(task: Pick<Task, 'role'>, action: TaskAction): boolean {
  return action === 'approve' && task.role === 'DEPARTMENT_HEAD';
}

/** The action's name on its button; a head's approval at a decision reads "approve and sign". */
export function actionLabel(t: Translate, task: Pick<Task, 'role'>, action: TaskAction): string {
  return isSigning(task, action) ? t('officer.action.sign') : t(`officer.action.${action}`);
}

export interface SupplementItemValue {
  /** `material:<type code>` or `field:<form key>`. */
  target?: string;
  reason?: string;
}

/** The action form's values; names with dots are the API's field names, so its errors land on them. */
export interface ActionValues {
  comment?: string;
  'data.items'?: SupplementItemValue[];
  'data.result'?: 'PASSED' | 'PASSED_WITH_REMARKS' | 'FAILED';
  'data.findings'?: string;
  'data.meetingDate'?: Dayjs;
  'data.agreementNumber'?: string;
  'data.summary'?: string;
}

const trimmed = (text: string | undefined) => text?.trim() || undefined;

/** The request body of an action from the form's values. */
export function completeInputOf(action: TaskAction, values: ActionValues): Omit<CompleteTaskInput, 'expectedVersion'> {
  const data: NonNullable<CompleteTaskInput['data']> = {};
  const inputs = ACTIONS[action].inputs;
  if (inputs.includes('items'))
    data.items = (values['data.items'] ?? []).map(({ target = '', reason = '' }) => {
      const [kind, ...key] = target.split(':');
      return { kind: kind as 'material' | 'field', key: key.join(':'), reason: reason.trim() };
    });
  if (inputs.includes('inspection')) {
    data.result = values['data.result'];
    data.findings = trimmed(values['data.findings']);
  }
  if (inputs.includes('meetingDate')) data.meetingDate = values['data.meetingDate']?.format('YYYY-MM-DD');
  if (inputs.includes('agreementNumber')) data.agreementNumber = trimmed(values['data.agreementNumber']);
  if (inputs.includes('summary')) data.summary = trimmed(values['data.summary']);
  const withData = Object.values(data).some((value) => value !== undefined);
  return { action, comment: trimmed(values.comment), ...(withData ? { data } : {}) };
}

/**
 * The API's field errors placed on the action form: `data.items.2.reason` names the reason of
 * the third item, which the form knows as ['data.items', 2, 'reason'].
 */
export function actionFieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  return fieldErrorsOf(error).map(({ name: [field], errors }) => {
    const item = /^data\.items\.(\d+)\.(kind|key|reason)$/.exec(field);
    if (!item) return { name: [field], errors };
    return { name: ['data.items', Number(item[1]), item[2] === 'reason' ? 'reason' : 'target'], errors };
  });
}
