import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { APPLICATION_STATUSES } from '../workflow/workflow-engine';

/*
 * Every event type with the JSON Schema of its `data`: the one description of what each event
 * carries. The payload types follow from the schemas, the webhook documentation (AsyncAPI) is
 * generated from them, and the e2e tests check every event they record against them.
 *
 * Schemas name the fields integrators may rely on; an event may carry more (fields are added,
 * never removed or retyped, without a new event type), so receivers ignore what they do not know.
 * Each leaf schema's first example makes up the event's documented example.
 */

/** Its examples are made from the property's name (see the AsyncAPI document). */
const uuid = { type: 'string', format: 'uuid' } as const;
const nullableUuid = { ...uuid, type: ['string', 'null'] } as const;
const instant = {
  type: 'string',
  format: 'date-time',
  examples: ['2026-03-02T09:30:00.000Z'],
} as const;
const nullableInstant = { ...instant, type: ['string', 'null'] } as const;
const day = { type: 'string', format: 'date', examples: ['2027-03-01'] } as const;
const nullableDay = { ...day, type: ['string', 'null'] } as const;
const text = (example: string) => ({ type: 'string', examples: [example] }) as const;
const nullableText = (example: string) =>
  ({ type: ['string', 'null'], examples: [example] }) as const;
const integer = (example: number) => ({ type: 'integer', examples: [example] }) as const;
const serviceCode = text('SPECIAL_ARTICLE_ENTRY');
const departmentCode = text('CUSTOMS');
const stage = text('REVIEW');
const status = { type: 'string', enum: APPLICATION_STATUSES, examples: ['IN_PROGRESS'] } as const;
const term = {
  type: 'object',
  properties: { from: day, until: day },
  required: ['from', 'until'],
} as const;

/** The `data` of one event type: its fields, and those always present. */
function data<
  const Properties extends Record<string, JSONSchema>,
  const Required extends readonly (keyof Properties & string)[] = [],
>(description: string, properties: Properties, required?: Required) {
  return {
    type: 'object',
    description,
    properties,
    required: required ?? ([] as unknown as Required),
  } as const;
}

/** What a step of an application's workflow adds to the events it records. */
const transition = {
  stage,
  fromStatus: status,
  status,
  serviceCode,
  serviceDepartmentCode: departmentCode,
  via: text('approve'),
  comment: nullableText('Documents complete.'),
  decision: {
    type: 'object',
    description: 'The first decision: working days it took and whether the promise was kept.',
    properties: { workingDays: integer(7), onTime: { type: 'boolean', examples: [true] } },
    required: ['workingDays', 'onTime'],
  },
  bundleCode: nullableText('CLINICAL_TRIAL_START'),
} as const;

const certificate = { certificateId: uuid, number: text('PL-2026-000123') } as const;
const sla = {
  clock: { type: 'string', enum: ['statutory', 'promised'], examples: ['statutory'] },
  departmentCode,
  serviceCode,
  deadline: instant,
  workingDaysUsed: integer(16),
} as const;
const booking = {
  bookingId: uuid,
  resourceId: uuid,
  resourceCode: text('BSL3-LAB-1'),
  startsAt: instant,
  endsAt: instant,
  operatorDepartmentCode: departmentCode,
} as const;
const bookingRequired = ['bookingId', 'resourceId', 'resourceCode', 'startsAt', 'endsAt'] as const;
const handover = {
  handoverId: uuid,
  providerId: uuid,
  providerName: text('Zhangjiang IP Services'),
  departmentCode,
} as const;
const handoverRequired = ['handoverId', 'providerId'] as const;
const placement = { applicationId: uuid, doctorId: uuid } as const;
const placementRequired = ['applicationId', 'doctorId'] as const;
const side = { type: 'string', enum: ['HOSPITAL', 'ENTERPRISE'], examples: ['HOSPITAL'] } as const;
const docking = {
  dockingId: uuid,
  institutionId: uuid,
  institutionName: text('Shanghai East Hospital'),
  comment: nullableText('Our oncology ward can take the trial.'),
} as const;
const task = { taskId: uuid } as const;

export const EVENT_DATA_SCHEMAS = {
  'enterprise.registered': data(
    'An enterprise registered on the platform.',
    { name: text('Zhangjiang Biologics Co., Ltd.'), creditCode: text('91310115MA1K4LXX3B') },
    ['name', 'creditCode'],
  ),
  'enterprise.verified': data(
    'The park verified an enterprise; it may file requests from now on.',
    { name: text('Zhangjiang Biologics Co., Ltd.'), notes: nullableText('Licence checked.') },
    ['name'],
  ),
  'application.submitted': data(
    'An application was submitted and entered its first stage (a bundle names its services).',
    { ...transition, services: { type: 'array', items: serviceCode } },
  ),
  'application.stage_changed': data(
    'An application moved from one stage of its workflow to another.',
    { ...transition, from: stage, to: text('DECISION') },
    ['from', 'to', 'via'],
  ),
  'application.supplement_requested': data(
    'An officer asked the enterprise for more materials or form fields; the clocks stop.',
    {
      ...transition,
      notice: integer(1),
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['material', 'field'], examples: ['material'] },
            key: text('GMP_CERTIFICATE'),
            reason: text('The scan is unreadable.'),
          },
          required: ['kind', 'key', 'reason'],
        },
      },
    },
    ['stage', 'items'],
  ),
  'application.supplemented': data(
    'The enterprise answered a supplement request; the clocks run again.',
    transition,
    ['stage'],
  ),
  'application.clock_stopped': data(
    'An officer stopped the clocks (an expert review, a hearing, a site inspection).',
    {
      clockStopId: uuid,
      reasonCode: text('EXPERT_REVIEW'),
      comment: nullableText('Panel on 12 March.'),
    },
    ['clockStopId', 'reasonCode'],
  ),
  'application.clock_resumed': data(
    'A clock stop ended; the deadlines moved by the working days it lasted.',
    { clockStopId: uuid, reasonCode: text('EXPERT_REVIEW'), workingDaysStopped: integer(3) },
    ['clockStopId', 'reasonCode', 'workingDaysStopped'],
  ),
  'application.extended': data(
    'A department head extended the statutory limit, once per application.',
    {
      reason: text('Complex dossier.'),
      workingDays: integer(10),
      statutoryDeadlineBefore: nullableInstant,
      statutoryDeadline: nullableInstant,
    },
    ['reason', 'workingDays'],
  ),
  'application.approved': data('An application was approved.', transition, ['stage']),
  'application.denied': data('An application was denied (refused on its merits).', {
    ...transition,
    failedChildIds: { type: 'array', items: uuid },
  }),
  'application.rejected': data('An application was rejected (not admissible).', transition),
  'application.withdrawn': data(
    'An application was withdrawn, by its enterprise or with its bundle.',
    {
      ...transition,
      reason: text('BUNDLE_WITHDRAWN'),
      parentId: uuid,
      failedChildIds: { type: 'array', items: uuid },
    },
  ),
  'application.completed': data('An application reached its end with a result.', {
    ...transition,
    certificateId: uuid,
    failedChildIds: { type: 'array', items: uuid },
  }),
  'application.at_risk': data(
    'A clock of an application nears its deadline (once per clock).',
    sla,
    ['clock', 'deadline'],
  ),
  'application.overdue': data(
    'A clock of an application passed its deadline (once per clock).',
    sla,
    ['clock', 'deadline'],
  ),
  'certificate.issued': data(
    'A certificate was issued for an application.',
    { ...certificate, validUntil: nullableDay, serviceCode },
    ['certificateId', 'number', 'serviceCode'],
  ),
  'certificate.expiring': data(
    'A certificate expires in 90, 30 or 7 days.',
    { ...certificate, validUntil: day, reminderDays: integer(30) },
    ['certificateId', 'number', 'validUntil', 'reminderDays'],
  ),
  'certificate.revoked': data(
    'A department head revoked a certificate.',
    { ...certificate, reason: text('Issued on forged documents.') },
    ['certificateId', 'number', 'reason'],
  ),
  'rating.created': data(
    'The enterprise rated how its application was handled; a low score opens a rectification task.',
    {
      score: { type: 'integer', minimum: 1, maximum: 5, examples: [5] },
      comment: nullableText('Fast and clear.'),
      serviceCode,
      rectificationTaskId: nullableUuid,
    },
    ['score', 'serviceCode'],
  ),
  'task.created': data(
    'A stage opened a task in a department queue.',
    { ...task, stage, departmentCode, role: text('OFFICER') },
    ['taskId', 'stage', 'departmentCode'],
  ),
  'task.claimed': data('An officer claimed a task.', task, ['taskId']),
  'task.released': data('A task went back to its queue.', task, ['taskId']),
  'task.completed': data(
    'An officer completed a task with an action.',
    {
      ...task,
      stage,
      action: text('approve'),
      comment: nullableText('OK.'),
      data: { type: ['object', 'null'] },
    },
    ['taskId', 'action'],
  ),
  'task.reassigned': data(
    'A department head gave a task to another officer.',
    { ...task, from: nullableUuid, to: uuid },
    ['taskId', 'to'],
  ),
  'task.escalated': data(
    'An overdue application escalated its open task to the department head.',
    {
      ...task,
      departmentCode,
    },
    ['taskId'],
  ),
  'material.attached': data(
    'A material was attached to an application.',
    {
      materialId: uuid,
      materialType: text('GMP_CERTIFICATE'),
      sha256: text('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'),
      fromLibrary: { type: 'boolean', examples: [false] },
    },
    ['materialId', 'materialType', 'sha256'],
  ),
  'provider.applied': data(
    'A service provider applied to be listed.',
    {
      name: text('Zhangjiang IP Services'),
      kind: text('IP'),
      services: { type: 'array', items: serviceCode },
    },
    ['name', 'kind'],
  ),
  'provider.status_changed': data(
    'The park listed, suspended or delisted a provider.',
    { from: text('APPLIED'), to: text('LISTED'), reason: nullableText('Credentials checked.') },
    ['from', 'to'],
  ),
  'application.handed_to_provider': data(
    'An officer handed a value-added request to a listed provider.',
    { ...handover, score: { type: 'number', examples: [0.82] }, note: text('Urgent filing.') },
    handoverRequired,
  ),
  'application.provider_accepted': data(
    'The provider accepted the handover.',
    handover,
    handoverRequired,
  ),
  'application.provider_declined': data(
    'The provider declined the handover; the officer may hand it to another.',
    { ...handover, reason: text('No capacity this month.') },
    [...handoverRequired, 'reason'],
  ),
  'application.provider_progress': data(
    'The provider reported progress.',
    { ...handover, note: text('Search report drafted.'), percent: integer(60) },
    handoverRequired,
  ),
  'application.provider_closed': data(
    'The provider closed its work; the request awaits the enterprise’s confirmation.',
    { ...handover, summary: text('Patent application filed.') },
    handoverRequired,
  ),
  'application.provider_rated': data(
    'The enterprise rated the provider’s closed work.',
    {
      handoverId: uuid,
      providerId: uuid,
      score: { type: 'integer', minimum: 1, maximum: 5, examples: [4] },
      comment: nullableText('Thorough.'),
    },
    ['handoverId', 'providerId', 'score'],
  ),
  'application.institution_accepted': data(
    'The matched hospital accepted a clinical-trial docking.',
    docking,
    ['dockingId', 'institutionId'],
  ),
  'application.institution_declined': data(
    'The matched hospital declined a clinical-trial docking; the next match is offered.',
    docking,
    ['dockingId', 'institutionId'],
  ),
  'webhook.disabled': data(
    'A webhook subscription was disabled after a run of failed deliveries.',
    {
      url: text('https://erp.example.com/parkline/webhooks'),
      ownerType: {
        type: 'string',
        enum: ['ENTERPRISE', 'INTEGRATOR', 'PARK'],
        examples: ['ENTERPRISE'],
      },
      reason: nullableText('5 deliveries failed in a row (last: 503)'),
    },
    ['url', 'ownerType'],
  ),
  'booking.requested': data(
    'An enterprise requested a booking of a shared resource.',
    booking,
    bookingRequired,
  ),
  'booking.confirmed': data(
    'The operating department confirmed a booking.',
    { ...booking, reason: nullableText('See you at 9.') },
    bookingRequired,
  ),
  'booking.declined': data(
    'The operating department declined a booking.',
    { ...booking, reason: nullableText('Maintenance that week.') },
    bookingRequired,
  ),
  'booking.cancelled': data(
    'A booking was cancelled, with the fee its terms charge.',
    {
      ...booking,
      reason: nullableText('Study postponed.'),
      feeCny: { type: 'number', examples: [0] },
    },
    [...bookingRequired, 'feeCny'],
  ),
  'placement.proposed': data(
    'An enterprise proposed placing a hospital doctor with it for a term.',
    {
      ...placement,
      doctorName: text('Dr. Li Wei'),
      institutionId: uuid,
      term,
      hoursPerWeek: integer(8),
    },
    [...placementRequired, 'institutionId', 'term'],
  ),
  'placement.confirmed': data(
    'One side confirmed the placement’s term.',
    { ...placement, side, term },
    [...placementRequired, 'side', 'term'],
  ),
  'placement.started': data(
    'Both sides confirmed: the placement started.',
    { ...placement, term },
    [...placementRequired, 'term'],
  ),
  'placement.reviewed': data(
    'An officer recorded a periodic review of the placement.',
    {
      ...placement,
      reviewId: uuid,
      outcome: text('SATISFACTORY'),
      notes: nullableText('On schedule.'),
    },
    [...placementRequired, 'reviewId', 'outcome'],
  ),
  'placement.renewal_proposed': data(
    'A next term was proposed; both sides confirm it again.',
    {
      ...placement,
      term,
    },
    [...placementRequired, 'term'],
  ),
  'placement.renewed': data('Both sides confirmed the next term.', { ...placement, term }, [
    ...placementRequired,
    'term',
  ]),
  'placement.ended': data(
    'A side ended the placement.',
    { ...placement, side, reason: text('Trial completed.') },
    [...placementRequired, 'side', 'reason'],
  ),
  'mandate.granted': data(
    'An enterprise granted a mandate to act for it (a service centre, a user, a provider).',
    {
      holderKind: {
        type: 'string',
        enum: ['SERVICE_CENTRE', 'USER', 'PROVIDER'],
        examples: ['PROVIDER'],
      },
      holderUserId: nullableUuid,
      holderProviderId: nullableUuid,
      serviceCodes: { type: ['array', 'null'], items: serviceCode },
      validFrom: day,
      validUntil: day,
      canSubmit: { type: 'boolean', examples: [true] },
    },
    ['holderKind', 'validFrom', 'validUntil', 'canSubmit'],
  ),
  'mandate.revoked': data('The enterprise revoked a mandate.', {
    reason: nullableText('Contract ended.'),
  }),
} as const satisfies Record<string, JSONSchema>;

export type EventType = keyof typeof EVENT_DATA_SCHEMAS;

/** Event types that webhooks and the timeline expose (API.md), plus the platform's own. */
export const EVENT_TYPES = Object.keys(EVENT_DATA_SCHEMAS) as EventType[];

/** The `data` an event of the type records (beyond the subject every delivery names). */
export type EventData<Type extends EventType> = FromSchema<(typeof EVENT_DATA_SCHEMAS)[Type]>;

/**
 * What every delivered event's `data` starts with: its subject, and when a proxy acted, the
 * mandate it acted under and the enterprise it acted for.
 */
export const EVENT_SUBJECT_SCHEMA = data(
  'The subject of the event.',
  {
    subjectType: {
      type: 'string',
      enum: [
        'enterprise',
        'application',
        'certificate',
        'task',
        'user',
        'webhook',
        'booking',
        'provider',
        'institution',
        'placement',
        'mandate',
      ],
      examples: ['application'],
    },
    subjectId: uuid,
    enterpriseId: nullableUuid,
    // No examples: most events are not acts of a proxy.
    mandateId: {
      ...uuid,
      description: 'Present when the holder of a mandate acted.',
      examples: [],
    },
    onBehalfOf: {
      ...uuid,
      description: 'The enterprise the holder of the mandate acted for.',
      examples: [],
    },
  },
  ['subjectType', 'subjectId', 'enterpriseId'],
);

export type EventSubject = FromSchema<typeof EVENT_SUBJECT_SCHEMA>;
