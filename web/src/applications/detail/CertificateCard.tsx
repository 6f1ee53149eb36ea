import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ParklineApiError, type components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/ui/format';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { saveBlob } from '../parts/blob';

type CertificateDto = components['schemas']['CertificateDto'];

/** What the signature covers. */
interface CertificateContent {
  title?: string;
  titleEn?: string;
  holder?: { name?: string; creditCode?: string };
  issuer?: { departmentCode?: string; departmentName?: string };
  issuedAt?: string;
  validFrom?: string;
  validUntil?: string | null;
}

/** The certificate an approval issued: its particulars, the PDF, and its public verify page. */
export function CertificateCard({ applicationId }: { applicationId: string }) {
  const { t, pick, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const certificate = useQuery({
    queryKey: ['applications', applicationId, 'certificate'],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/applications/{id}/certificate', { params: { path: { id: applicationId } } })),
  });
  const pdf = useMutation({
    mutationFn: () =>
      call(() =>
        parkline.GET('/api/v1/applications/{id}/certificate.pdf', {
          params: { path: { id: applicationId } },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (blob) => saveBlob(blob, `${certificate.data?.number ?? 'certificate'}.pdf`),
  });

  const body = () => {
    if (certificate.isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
    if (certificate.error instanceof ParklineApiError && certificate.error.status === 404)
      return <Typography.Text type="secondary">{t('applications.certificate.pending')}</Typography.Text>;
    if (certificate.error) return <ProblemAlert error={certificate.error} onRetry={() => void certificate.refetch()} />;
    const issued = certificate.data as CertificateDto;
    const content = issued.content as CertificateContent;
    const verifyPath = `/verify/${encodeURIComponent(issued.number)}?code=${encodeURIComponent(issued.verificationCode)}`;
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={phone ? 1 : 2}
          items={[
            { key: 'number', label: t('applications.certificate.number'), children: issued.number },
            {
              key: 'status',
              label: t('applications.certificate.status'),
              children: (
                <Tag color={issued.status === 'ACTIVE' ? 'green' : 'red'}>
                  {t(`applications.certificate.${issued.status}`)}
                </Tag>
              ),
            },
            {
              key: 'title',
              label: t('applications.certificate.title'),
              children: content.title ? pick(content.title, content.titleEn) : '—',
            },
            { key: 'holder', label: t('applications.certificate.holder'), children: content.holder?.name ?? '—' },
            {
              key: 'issuer',
              label: t('applications.certificate.issuer'),
              children: content.issuer?.departmentName ?? '—',
            },
            {
              key: 'issuedAt',
              label: t('applications.certificate.issuedAt'),
              children: formatDateTime(content.issuedAt, language),
            },
            {
              key: 'validity',
              label: t('applications.certificate.validity'),
              children: content.validUntil
                ? `${formatDate(content.validFrom, language)} – ${formatDate(content.validUntil, language)}`
                : t('applications.certificate.noExpiry', { from: formatDate(content.validFrom, language) }),
            },
            {
              key: 'code',
              label: t('applications.certificate.code'),
              children: <Typography.Text copyable>{issued.verificationCode}</Typography.Text>,
            },
            ...(issued.revokedAt
              ? [
                  {
                    key: 'revoked',
                    label: t('applications.certificate.revokedAt'),
                    children: `${formatDateTime(issued.revokedAt, language)} ${issued.revocationReason ?? ''}`,
                  },
                ]
              : []),
            // As the certificate prints them: labelled by the service's form, without contacts.
            ...issued.particulars.map(({ field, label, value }) => ({
              key: `particular:${field}`,
              label: pick(label.zh, label.en),
              children: pick(value.zh, value.en),
            })),
          ]}
        />
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} loading={pdf.isPending} onClick={() => pdf.mutate()}>
            {t('applications.certificate.pdf')}
          </Button>
          <Link to={verifyPath}>
            <Button icon={<SafetyCertificateOutlined />}>{t('applications.certificate.verify')}</Button>
          </Link>
        </Space>
        {pdf.error && <ProblemAlert error={pdf.error} />}
      </Space>
    );
  };

  return <Card title={t('applications.certificate.heading')}>{body()}</Card>;
}
