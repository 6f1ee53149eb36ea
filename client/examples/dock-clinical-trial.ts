/**
 * A clinical-trial docking, a value-added service (CLINICAL_TRIAL_DOCKING, Park Service
 * Center): the platform matches the trial to a filed drug clinical trial institution, the
 * hospital accepts it, and the liaison officer schedules the ethics review and records the
 * agreement.
 *
 * The enterprise follows each step on the application's timeline.
 *
 *   npm run example:clinical-trial
 */
import { unwrap } from '../src';
import { completion, fileApplication, followApplication, type Outcome } from './filing';
import { runExample, type ExampleOptions } from './local-instance';

const SERVICE_CODE = 'CLINICAL_TRIAL_DOCKING';
const DEPARTMENT = 'PSC';

export interface DockingOutcome extends Outcome {
  /** The hospital that accepted the trial, from the timeline. */
  institutionId: string;
  timeline: string[];
}

export async function runClinicalTrialDockingExample(
  options: ExampleOptions,
): Promise<DockingOutcome> {
  const { baseUrl, enterprise: api, enterpriseId, park, log = () => undefined } = options;
  const filer = { baseUrl, api, enterpriseId, log };

  const submitted = await fileApplication(filer, SERVICE_CODE, {
    'clinical.specialty': 'ONCOLOGY',
    'trial.indication': '晚期非小细胞肺癌',
  });
  const offered = await followApplication(
    api,
    submitted.id,
    (application) => application.stage === 'hospital_review',
    `${submitted.number} to be matched to a hospital`,
  );
  log(`${offered.number} was matched and offered to a hospital`);

  await park.acceptDocking(submitted.id, DEPARTMENT, '请联系本院 GCP 办公室立项');
  await park.completeTask(submitted.id, DEPARTMENT, 'OFFICER', 'ethics_scheduling', 'schedule', {
    comment: '伦理委员会会议已排期',
  });
  await park.completeTask(submitted.id, DEPARTMENT, 'OFFICER', 'agreement', 'record_agreement', {
    comment: '临床试验协议已签署',
  });

  const outcome = await completion(filer, submitted);

  const events = unwrap(
    await api.GET('/api/v1/applications/{id}/events', { params: { path: { id: submitted.id } } }),
  );
  const accepted = events.find((event) => event.type === 'application.institution_accepted');
  if (!accepted) throw new Error(`${outcome.number} has no institution on its timeline`);
  const institutionId = String(accepted.data.institutionId);
  log(`The trial is docked with institution ${institutionId}`);
  return { ...outcome, institutionId, timeline: events.map((event) => event.type) };
}

if (require.main === module) runExample(runClinicalTrialDockingExample);
