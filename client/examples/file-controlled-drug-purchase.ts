/**
 * A licence, the commonest basic government service: a purchase approval of a category I
 * psychotropic drug for research (CONTROLLED_DRUG_PURCHASE, Medical Products Administration),
 * from the draft to a certificate anyone can verify.
 *
 * The enterprise files; the MPA officer accepts and reviews it, the head approves, and the
 * platform issues the signed approval.
 *
 *   npm run example:licence
 */
import { certifiedCompletion, fileApplication, type CertifiedOutcome } from './filing';
import { runExample, type ExampleOptions } from './local-instance';

const SERVICE_CODE = 'CONTROLLED_DRUG_PURCHASE';
const DEPARTMENT = 'MPA';

export async function runLicenceExample(options: ExampleOptions): Promise<CertifiedOutcome> {
  const { baseUrl, enterprise: api, enterpriseId, park, log = () => undefined } = options;
  const filer = { baseUrl, api, enterpriseId, log };

  // Category I psychotropics must be kept in a store alarmed to the police: the checklist then
  // asks for the alarm's proof as well.
  const submitted = await fileApplication(filer, SERVICE_CODE, {
    'controlled.category': 'PSYCHOTROPIC_I',
    'storage.alarmLinkedToPolice': true,
  });

  await park.completeTask(submitted.id, DEPARTMENT, 'OFFICER', 'acceptance', 'accept');
  await park.completeTask(submitted.id, DEPARTMENT, 'OFFICER', 'review', 'approve', {
    comment: '专库双人双锁，报警装置已与公安联网，同意',
  });
  await park.completeTask(submitted.id, DEPARTMENT, 'DEPARTMENT_HEAD', 'decision', 'approve');

  return certifiedCompletion(filer, submitted);
}

if (require.main === module) runExample(runLicenceExample);
