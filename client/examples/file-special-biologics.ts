/**
 * A special-biologics import: an entry health-quarantine approval for a class D biological
 * product (SPECIAL_ARTICLE_ENTRY, Customs), from the draft to a certificate anyone can verify.
 *
 * The platform screens the declared risk class itself: class D skips the customs review and
 * the biosafety evaluation and goes straight to the head's decision.
 *
 *   npm run example:special-biologics
 */
import {
  certifiedCompletion,
  fileApplication,
  followApplication,
  type CertifiedOutcome,
} from './filing';
import { runExample, type ExampleOptions } from './local-instance';

const SERVICE_CODE = 'SPECIAL_ARTICLE_ENTRY';
const DEPARTMENT = 'CUSTOMS';

export async function runSpecialBiologicsExample(
  options: ExampleOptions,
): Promise<CertifiedOutcome> {
  const { baseUrl, enterprise: api, enterpriseId, park, log = () => undefined } = options;
  const filer = { baseUrl, api, enterpriseId, log };

  const submitted = await fileApplication(filer, SERVICE_CODE, {
    'article.riskClass': 'D',
    'article.category': 'BIOLOGICAL_PRODUCT',
  });
  const screened = await followApplication(
    api,
    submitted.id,
    (application) => application.stage === 'decision',
    `${submitted.number} to be screened`,
  );
  log(`Risk screening sent ${screened.number} straight to the ${screened.stage}`);

  await park.completeTask(submitted.id, DEPARTMENT, 'DEPARTMENT_HEAD', 'decision', 'approve', {
    comment: '单证齐全，风险等级 D，同意入境',
  });

  return certifiedCompletion(filer, submitted);
}

if (require.main === module) runExample(runSpecialBiologicsExample);
