import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { ParklineApiError } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { CertificateResult } from './CertificateResult';

interface Lookup {
  number: string;
  code: string;
}

/** The answer is public and changes only on revocation: no need to ask again while reading. */
const ANSWER_STALE_MS = 5 * 60_000;

/**
 * Anyone, signed in or not, checks a certificate by its number and printed code; the QR code
 * on the PDF opens this page with both filled in.
 */
export function VerifyPage() {
  const { t, language, setLanguage } = useI18n();
  const params = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Lookup>();
  const number = params.number?.trim() ?? '';
  const code = search.get('code')?.trim() ?? '';

  useEffect(() => form.setFieldsValue({ number, code }), [form, number, code]);

  const verification = useQuery({
    queryKey: ['certificates', number, 'verify', code],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/certificates/{number}/verify', {
          params: { path: { number }, query: { code } },
        }),
      ),
    enabled: number !== '' && code !== '',
    staleTime: ANSWER_STALE_MS,
    refetchOnWindowFocus: false,
  });
  // Asked at once, alongside the answer, so the signature check waits for neither.
  const publicKeys = useQuery({
    queryKey: ['certificates', 'public-key'],
    queryFn: () => call(() => parkline.GET('/api/v1/certificates/public-key')),
    staleTime: Infinity,
  });

  // The one field the API checks for form is the code; its message is the catalogue's.
  const badCode =
    verification.error instanceof ParklineApiError &&
    verification.error.errors.some((error) => error.field === 'code');
  useEffect(() => {
    if (badCode) form.setFields([{ name: 'code', errors: [t('verify.codeInvalid')] }]);
  }, [badCode, form, t]);

  function lookUp(values: Lookup) {
    const path = `/verify/${encodeURIComponent(values.number.trim())}`;
    navigate(`${path}?${new URLSearchParams({ code: values.code.trim() })}`);
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: 16 }}>
      <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Typography.Title level={3} style={{ marginBottom: 0 }}>
              {t('nav.verify')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('verify.intro')}</Typography.Text>
          </div>
          <Space>
            <Button
              type="link"
              onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}
            >
              {t('app.language')}
            </Button>
            <Link to="/login">{t('verify.signIn')}</Link>
          </Space>
        </Space>
        <Card>
          <Form<Lookup> form={form} layout="vertical" onFinish={lookUp} requiredMark={false}>
            <Form.Item
              name="number"
              label={t('verify.number')}
              rules={[{ required: true, whitespace: true, message: t('verify.numberRequired') }]}
            >
              <Input placeholder="SPECIAL_ARTICLE_ENTRY-2026-000042" autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('verify.code')}
              extra={t('verify.codeHelp')}
              rules={[{ required: true, whitespace: true, message: t('verify.codeRequired') }]}
            >
              <Input
                placeholder="7K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YN"
                autoComplete="off"
                spellCheck={false}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={verification.isFetching}>
              {t('verify.submit')}
            </Button>
          </Form>
        </Card>
        {verification.isError && !badCode && <LookupFailure error={verification.error} />}
        {(verification.isPending && verification.fetchStatus === 'fetching') ||
        verification.data ? (
          <CertificateResult answer={verification.data} publicKeys={publicKeys} />
        ) : null}
      </Space>
    </div>
  );
}

function LookupFailure({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = error instanceof ParklineApiError ? error.status : undefined;
  if (status === 404) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('verify.notFound')}
        description={t('verify.notFoundHelp')}
      />
    );
  }
  if (status === 429) return <Alert type="warning" showIcon title={t('verify.tooMany')} />;
  return <ProblemAlert error={error} />;
}
