import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ClockText,
  EnterpriseName,
  FormAnswers,
  itemLabel,
  MaterialList,
  nameOf,
  SlaBadge,
  StatusTag,
  Timeline,
  useApplicationDefinition,
  type ApplicationDefinition,
  type ApplicationDto,
} from '../../applications/parts';
import { useMe } from '../../app/auth';
import type { Me } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { PageSkeleton } from '../../shared/ui/PageSkeleton';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useTask, type Task, type TaskAction } from '../tasks';
import { TaskHolder } from '../workbench/TaskCells';
import { TaskKindTags } from '../workbench/QueueRow';
import { ClaimNextButton, useClaimNext } from '../workbench/ClaimNext';
import { useShortcuts } from '../workbench/useShortcuts';
import { actionLabel } from './actions';
import { useApplication } from './application';
import { TaskActions } from './TaskActions';
import { HandToProvider } from '../../partners/HandToProvider';
import { ProposePlacement } from '../../placements/ProposePlacement';

/**
 * A task with its application: the answers, materials (PDFs inline) and timeline on the left,
 * what the reader may do on the right. Opened from the queue, the application and its labels
 * load at once, in parallel with the task itself.
 */
export function TaskPage() {
  const { id = '' } = useParams();
  // A new task (after "claim next") starts afresh, without the last one's outcome.
  return <TaskView key={id} id={id} />;
}

function TaskView({ id }: { id: string }) {
  const { t } = useI18n();
  const me = useMe();
  const task = useTask(id);
  const application = useApplication(task.data?.applicationId);
  const { definition } = useApplicationDefinition(
    application.data ?? { serviceCode: null, serviceVersion: null, bundleCode: null },
  );
  const [done, setDone] = useState<Task>();
  const phone = !Grid.useBreakpoint().md;
  // Opened from far down the queue, the task (and then its outcome) starts at the top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [done]);

  if (task.error) return <ProblemAlert error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <PageSkeleton rows={10} />;
  if (done) return <TaskDone task={done} />;

  const actions = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <TaskActions
        task={task.data}
        current={!task.isPlaceholderData}
        me={me}
        application={application.data}
        definition={definition}
        onDone={setDone}
        onRefresh={() => {
          void task.refetch();
          void application.refetch();
        }}
      />
      <HandToProvider task={task.data} />
      <ProposePlacement task={task.data} application={application.data} />
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workbench">
        <ArrowLeftOutlined /> {t('officer.task.back')}
      </Link>
      <TaskHeader task={task.data} me={me} application={application.data} definition={definition} />
      <Row gutter={[16, 16]}>
        {phone && <Col span={24}>{actions}</Col>}
        <Col xs={24} lg={16}>
          {application.error ? (
            <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
          ) : (
            <ApplicationBody application={application.data} definition={definition} />
          )}
        </Col>
        {!phone && (
          <Col xs={24} lg={8}>
            <div style={{ position: 'sticky', top: 16 }}>{actions}</div>
          </Col>
        )}
      </Row>
    </Space>
  );
}

/** The application number, what it is, whose, where it stands and by when. */
function TaskHeader({
  task,
  me,
  application,
  definition,
}: {
  task: Task;
  me: Me;
  application: ApplicationDto | undefined;
  definition: ApplicationDefinition | undefined;
}) {
  const { t, pick, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center">
          <Typography.Title level={3} style={{ margin: 0, fontFamily: 'monospace' }} copyable>
            {task.applicationNumber}
          </Typography.Title>
          {application && <StatusTag status={application.status} />}
          {application?.sla ? <SlaBadge sla={application.sla} /> : <SlaBadge state={task.slaState} />}
          {task.escalated && <Tag color="magenta">{t('officer.task.escalated')}</Tag>}
          <TaskKindTags task={task} />
        </Flex>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {definition ? pick(definition.name, definition.nameEn) : <Skeleton.Input active size="small" />}
        </Typography.Text>
        <Descriptions
          size="small"
          column={phone ? 1 : 3}
          items={[
            {
              key: 'enterprise',
              label: t('officer.task.enterprise'),
              children: application ? <EnterpriseName id={application.enterpriseId} creditCode /> : '…',
              span: phone ? 1 : 3,
            },
            { key: 'stage', label: t('officer.column.stage'), children: nameOf(definition?.stages, task.stage, pick) },
            { key: 'holder', label: t('officer.column.holder'), children: <TaskHolder task={task} me={me} /> },
            {
              key: 'submitted',
              label: t('officer.task.submitted'),
              children: formatDateTime(application?.submittedAt, language),
            },
            ...(application?.sla
              ? [
                  {
                    key: 'promised',
                    label: t('officer.task.promised'),
                    children: <ClockText clock={application.sla.promised} />,
                  },
                  ...(application.sla.statutory
                    ? [
                        {
                          key: 'statutory',
                          label: t('officer.task.statutory'),
                          children: <ClockText clock={application.sla.statutory} />,
                        },
                      ]
                    : []),
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}

/** The supplement the enterprise was last asked for, item by item. */
function SupplementRequest({
  application,
  definition,
}: {
  application: ApplicationDto;
  definition: ApplicationDefinition | undefined;
}) {
  const { t, pick, language } = useI18n();
  const request = application.supplementRequest;
  if (!request) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('officer.task.supplementAsked', { date: formatDateTime(request.requestedAt, language) })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {request.items.map((item) => (
            <li key={`${item.kind}:${item.key}`}>
              {itemLabel(item, definition, language, pick)}: {item.reason}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function ApplicationBody({
  application,
  definition,
}: {
  application: ApplicationDto | undefined;
  definition: ApplicationDefinition | undefined;
}) {
  const { t } = useI18n();
  if (!application)
    return (
      <Card aria-busy="true">
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SupplementRequest application={application} definition={definition} />
      {application.outcomeReason && (
        <Alert type="info" showIcon title={t('officer.task.outcomeReason')} description={application.outcomeReason} />
      )}
      <Card title={t('officer.task.answers')}>
        <FormAnswers application={application} />
      </Card>
      <Card title={t('officer.task.materials', { count: application.materials.length })}>
        <MaterialList application={application} />
      </Card>
      <Card title={t('officer.task.timeline')}>
        <Timeline application={application} />
      </Card>
    </Space>
  );
}

/** After an action: what was done, and the next task one key away. */
function TaskDone({ task }: { task: Task }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const next = useClaimNext();
  useShortcuts({ n: next.claimNext });
  const action = task.action as TaskAction | null;
  return (
    <Result
      status="success"
      title={t('officer.done.title', {
        action: action ? actionLabel(t, task, action) : '',
        number: task.applicationNumber,
      })}
      subTitle={next.queueEmpty ? t('officer.queueEmpty.detail') : t('officer.done.next')}
      extra={[
        <ClaimNextButton key="next" next={next} autoFocus />,
        <Button key="back" size="large" onClick={() => void navigate('/workbench')}>
          {t('officer.task.back')}
        </Button>,
      ]}
    />
  );
}
