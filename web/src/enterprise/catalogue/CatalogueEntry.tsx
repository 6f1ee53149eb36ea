import { Breadcrumb, Card, Col, Flex, Result, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ParklineApiError } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

/** A service or bundle that could not be read: not in the catalogue, or another problem. */
export function CatalogueEntryProblem({
  error,
  retry,
  back,
}: {
  error: unknown;
  retry: () => void;
  back: string;
}) {
  const { t } = useI18n();
  if (error instanceof ParklineApiError && error.status === 404)
    return (
      <Result
        status="404"
        title={t('catalogue.notFound')}
        extra={<Link to={back}>{t('nav.catalogue')}</Link>}
      />
    );
  return <ProblemAlert error={error} onRetry={retry} />;
}

/**
 * The frame of a catalogue entry's page: the way back, its name in both languages (the user's
 * first), what follows the name, the button that files it, and the sections below.
 */
export function CatalogueEntry({
  name,
  nameEn,
  back,
  about,
  action,
  children,
}: {
  name: string;
  nameEn: string;
  back: string;
  about: ReactNode;
  action: ReactNode;
  children: ReactNode;
}) {
  const { t, pick, language } = useI18n();
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={back}>{t('nav.catalogue')}</Link> },
          { title: pick(name, nameEn) },
        ]}
      />
      <Card variant="borderless">
        <Row gutter={[16, 16]} align="middle">
          <Col flex="1 1 420px">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {pick(name, nameEn)}
            </Typography.Title>
            <Typography.Text type="secondary">
              {language === 'zh-CN' ? nameEn : name}
            </Typography.Text>
            <div style={{ marginTop: 8 }}>{about}</div>
          </Col>
          <Col flex="0 0 auto">{action}</Col>
        </Row>
      </Card>
      {children}
    </Flex>
  );
}
