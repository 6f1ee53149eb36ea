import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { Alert, Card, Descriptions, Skeleton, Spin, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/ui/format';
import { checkCertificate, type SignatureCheck } from './signature';

type Verification = components['schemas']['CertificateVerificationDto'];
type PublicKey = components['schemas']['PublicKeyDto'];
type Status = Verification['status'];

interface StatusView {
  alert: 'success' | 'warning' | 'error';
  title: MessageKey;
  help: MessageKey;
}

const STATUS_VIEW: Record<Status, StatusView> = {
  VALID: { alert: 'success', title: 'verify.status.VALID', help: 'verify.statusHelp.VALID' },
  EXPIRED: { alert: 'warning', title: 'verify.status.EXPIRED', help: 'verify.statusHelp.EXPIRED' },
  REVOKED: { alert: 'error', title: 'verify.status.REVOKED', help: 'verify.statusHelp.REVOKED' },
  INVALID: { alert: 'error', title: 'verify.status.INVALID', help: 'verify.statusHelp.INVALID' },
};

/** What the platform answered, and the browser's own check of the signature. */
export function CertificateResult({
  answer,
  publicKeys,
}: {
  answer: Verification | undefined;
  publicKeys: UseQueryResult<PublicKey[]>;
}) {
  const { t, pick, language } = useI18n();
  if (!answer) {
    return (
      <Card aria-busy="true">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  const certificate = answer.certificate;
  const view = STATUS_VIEW[answer.status];
  return (
    <Card>
      <Alert
        type={view.alert}
        showIcon
        title={t(view.title)}
        description={t(view.help)}
        style={{ marginBottom: 16 }}
      />
      {certificate && (
        <>
          <Descriptions column={1} bordered size="small" styles={{ label: { width: '32%' } }}>
            <Descriptions.Item label={t('verify.status')}>
              <Tag color={view.alert}>{t(view.title)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.number')}>
              <Typography.Text copyable>{certificate.number}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.type')}>
              {pick(certificate.title, certificate.titleEn)}
              <br />
              <Typography.Text type="secondary">
                {pick(certificate.serviceName, certificate.serviceNameEn)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.holder')}>
              {certificate.holder.name}
              <br />
              <Typography.Text type="secondary">
                {t('verify.creditCode')} {certificate.holder.creditCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.issuer')}>
              {certificate.issuer.departmentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.issuedAt')}>
              {formatDateTime(certificate.issuedAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.validity')}>
              {certificate.validUntil
                ? t('verify.validFromUntil', {
                    from: formatDate(certificate.validFrom, language),
                    until: formatDate(certificate.validUntil, language),
                  })
                : t('verify.validFromOpenEnded', {
                    from: formatDate(certificate.validFrom, language),
                  })}
            </Descriptions.Item>
            {certificate.revokedAt && (
              <Descriptions.Item label={t('verify.revokedAt')}>
                {formatDateTime(certificate.revokedAt, language)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <BrowserCheck certificate={certificate} publicKeys={publicKeys} />
        </>
      )}
    </Card>
  );
}

type PublicCertificate = NonNullable<Verification['certificate']>;

function BrowserCheck({
  certificate,
  publicKeys,
}: {
  certificate: PublicCertificate;
  publicKeys: UseQueryResult<PublicKey[]>;
}) {
  const { t } = useI18n();
  const check = useQuery({
    queryKey: ['certificates', certificate.number, 'signature-check', certificate.signature],
    queryFn: () => checkCertificate(certificate, publicKeys.data ?? []),
    enabled: publicKeys.isSuccess,
    staleTime: Infinity,
  });
  const style = { marginTop: 16 };
  if (publicKeys.isError) {
    return <Alert type="warning" showIcon style={style} title={t('verify.check.noKeys')} />;
  }
  if (!check.data) {
    return (
      <Alert
        type="info"
        style={style}
        title={
          <span>
            <Spin size="small" /> {t('verify.check.running')}
          </span>
        }
      />
    );
  }
  return <CheckOutcome check={check.data} style={style} />;
}

interface OutcomeView {
  type: 'success' | 'info' | 'warning' | 'error';
  title: MessageKey;
  help?: MessageKey;
}

const OUTCOME_VIEW: Record<SignatureCheck['outcome'], OutcomeView> = {
  checked: { type: 'success', title: 'verify.check.checked', help: 'verify.check.checkedHelp' },
  mismatch: { type: 'error', title: 'verify.check.mismatch', help: 'verify.check.mismatchHelp' },
  altered: { type: 'error', title: 'verify.check.altered', help: 'verify.check.alteredHelp' },
  'unknown-key': {
    type: 'error',
    title: 'verify.check.unknownKey',
    help: 'verify.check.unknownKeyHelp',
  },
  'not-published': { type: 'info', title: 'verify.check.notPublished' },
  unsupported: { type: 'warning', title: 'verify.check.unsupported' },
};

function CheckOutcome({ check, style }: { check: SignatureCheck; style: CSSProperties }) {
  const { t } = useI18n();
  const view = OUTCOME_VIEW[check.outcome];
  // The variables a message names (keyId, field) come with the outcome.
  const { outcome: _outcome, ...variables } = check;
  return (
    <Alert
      type={view.type}
      showIcon
      style={style}
      title={t(view.title)}
      description={view.help && t(view.help, variables)}
    />
  );
}
