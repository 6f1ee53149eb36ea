import { Button, Card, Form, Input, Rate, Space, Typography } from 'antd';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import type { ApplicationDto } from '../parts/definition';
import { useApplicationAction } from './queries';

/** Applications that may be rated: finished with a decision. */
export const RATABLE = new Set<ApplicationDto['status']>(['COMPLETED', 'DENIED', 'REJECTED']);

interface RatingValues {
  score: number;
  comment?: string;
}

/** The rating (好差评), given once by the enterprise after the decision; staff read it. */
export function RatingCard({ application, canRate }: { application: ApplicationDto; canRate: boolean }) {
  const { t } = useI18n();
  const rate = useApplicationAction(application.id, ({ score, comment }: RatingValues) =>
    call(() =>
      parkline.POST('/api/v1/applications/{id}/rating', {
        params: { path: { id: application.id } },
        body: { score, comment: comment?.trim() || undefined },
      }),
    ),
  );
  if (application.rating != null)
    return (
      <Card title={t('applications.rating.heading')}>
        <Space>
          <Rate disabled value={application.rating} aria-label={t('applications.rating.score')} />
          <Typography.Text type="secondary">{t('applications.rating.given')}</Typography.Text>
        </Space>
      </Card>
    );
  if (!canRate) return null;
  return (
    <Card title={t('applications.rating.heading')}>
      <Form<RatingValues> layout="vertical" onFinish={(values) => rate.mutate(values)}>
        <Form.Item
          name="score"
          label={t('applications.rating.score')}
          rules={[{ required: true, message: t('applications.rating.scoreRequired') }]}
        >
          <Rate />
        </Form.Item>
        <Form.Item name="comment" label={t('applications.rating.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('applications.rating.placeholder')} />
        </Form.Item>
        {rate.error && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={rate.error} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          {t('applications.rating.submit')}
        </Button>
      </Form>
    </Card>
  );
}
