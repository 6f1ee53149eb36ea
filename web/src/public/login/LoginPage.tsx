import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { homeOf, useAuth } from '../../app/auth';
import { signIn } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';

interface Credentials {
  email: string;
  password: string;
}

/** Only paths of this console: a `next` naming another site would make sign-in a redirector. */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const { markSignedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit({ email, password }: Credentials) {
    setBusy(true);
    setFailure(undefined);
    try {
      const { data, error } = await signIn(email, password);
      if (!data) {
        setFailure(error?.status === 401 ? t('login.failed') : (error?.detail ?? t('app.error')));
        return;
      }
      markSignedIn();
      navigate(safeNext(params.get('next')) ?? homeOf(data.user.role), { replace: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={3} style={{ marginBottom: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.title')}</Typography.Text>
          </div>
          {failure && <Alert type="error" showIcon title={failure} />}
          <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="email" label={t('login.email')} rules={[{ required: true }]}>
              <Input type="email" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Link to="/verify">{t('login.verifyLink')}</Link>
            <Button type="link" onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}>
              {t('app.language')}
            </Button>
          </Space>
        </Space>
      </Card>
    </div>
  );
}
