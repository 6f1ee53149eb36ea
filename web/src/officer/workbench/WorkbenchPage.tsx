import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Grid, Segmented, Select, Space, Typography } from 'antd';
import { LoadMore } from '../../shared/ui/LoadMore';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import type { Me } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useCatalogueNames } from '../../applications/parts';
import { taskKeys, useTaskQueue, type QueueFilter, type QueueView, type SlaState, type Task } from '../tasks';
import { QueueList } from './QueueList';
import { QueueTable } from './QueueTable';
import { permissionsOf } from './TaskCells';
import { ClaimNextButton, useClaimNext } from './ClaimNext';
import { useQueueActions } from './useQueueActions';
import { useShortcuts } from './useShortcuts';

const VIEWS: QueueView[] = ['open', 'mine', 'all'];
const SLA_STATES: SlaState[] = ['OVERDUE', 'AT_RISK', 'ON_TRACK', 'PAUSED'];

/** The filter lives in the address, so a reload, the back button or a shared link keep it. */
function filterOf(params: URLSearchParams, me: Me): QueueFilter {
  const view = params.get('view') as QueueView | null;
  const sla = params.get('sla') as SlaState | null;
  const filter: QueueFilter = {
    view: view && VIEWS.includes(view) ? view : 'open',
    sla: sla && SLA_STATES.includes(sla) ? sla : undefined,
  };
  return filter.view === 'open' && me.user.role === 'OFFICER' ? { ...filter, role: 'OFFICER' } : filter;
}

/**
 * The department's queue, most urgent first, with "claim next" one key away. The user is
 * already known here (the role guard waited for it), so the queue is asked for at once.
 */
export function WorkbenchPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params, me);
  const queue = useTaskQueue(filter);
  const setFilter = (next: Omit<QueueFilter, 'role'>) => {
    const search = new URLSearchParams();
    if (next.view !== 'open') search.set('view', next.view);
    if (next.sla) search.set('sla', next.sla);
    setParams(search, { replace: true });
  };
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const department = useCatalogueNames().department(me.user.departmentCode);
  const next = useClaimNext();
  const actions = useQueueActions();
  const tasks = queue.data?.pages.flatMap((page) => page.data) ?? [];
  const [active, setActive] = useState(0);
  const filterKey = `${filter.view}/${filter.sla ?? ''}`;
  useEffect(() => {
    setActive(0);
  }, [filterKey]);

  const activeTask: Task | undefined = tasks[Math.min(active, tasks.length - 1)];
  const move = (step: number) => {
    const index = Math.max(0, Math.min(tasks.length - 1, active + step));
    setActive(index);
    const id = tasks[index]?.id;
    if (id) document.querySelector(`[data-row-key="${id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const open = (task: Task | undefined) => task && void navigate(`/workbench/tasks/${task.id}`);
  const activePermissions = activeTask && permissionsOf(activeTask, me);
  useShortcuts({
    n: next.claimNext,
    j: () => move(1),
    ArrowDown: phone ? undefined : () => move(1),
    k: () => move(-1),
    ArrowUp: phone ? undefined : () => move(-1),
    Enter: () => open(activeTask),
    o: () => open(activeTask),
    c: activePermissions?.mayClaim ? () => actions.claim(activeTask!) : undefined,
    r: activePermissions?.mayRelease ? () => actions.release(activeTask!) : undefined,
    '1': () => setFilter({ ...filter, view: 'open' }),
    '2': () => setFilter({ ...filter, view: 'mine' }),
    '3': () => setFilter({ ...filter, view: 'all' }),
  });

  const rows = { tasks, me, active: activeTask?.id, actions, onOpen: open };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align={phone ? 'stretch' : 'center'} gap={12} vertical={phone}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('officer.workbench.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{department}</Typography.Text>
        </div>
        <ClaimNextButton next={next} block={phone} />
      </Flex>
      {next.queueEmpty && (
        <Alert type="success" showIcon title={t('officer.queueEmpty.title')} description={t('officer.queueEmpty.detail')} />
      )}
      <Flex gap={12} wrap align={phone ? 'stretch' : 'center'} vertical={phone}>
        <Segmented<QueueView>
          aria-label={t('officer.workbench.view')}
          value={filter.view}
          onChange={(view) => setFilter({ ...filter, view })}
          options={VIEWS.map((view) => ({ value: view, label: t(`officer.view.${view}`) }))}
          block={phone}
        />
        <Flex gap={8} align="center" style={phone ? { width: '100%' } : undefined}>
          <Select<SlaState | 'ANY'>
            aria-label={t('officer.workbench.sla')}
            value={filter.sla ?? 'ANY'}
            onChange={(sla) => setFilter({ ...filter, sla: sla === 'ANY' ? undefined : sla })}
            options={[
              { value: 'ANY', label: t('officer.sla.any') },
              ...SLA_STATES.map((state) => ({ value: state, label: t(`applications.sla.${state}`) })),
            ]}
            style={{ minWidth: 160, flex: phone ? 1 : undefined }}
          />
          <Button
            icon={<ReloadOutlined spin={queue.isRefetching} />}
            aria-label={t('officer.workbench.refresh')}
            title={t('officer.workbench.refresh')}
            onClick={() => void queryClient.invalidateQueries({ queryKey: taskKeys.queues() })}
          />
        </Flex>
        {!phone && (
          <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
            {t('officer.workbench.shortcuts')}
          </Typography.Text>
        )}
      </Flex>
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : phone ? (
        <QueueList {...rows} loading={queue.isPending} />
      ) : (
        <QueueTable {...rows} loading={queue.isPending} />
      )}
      <LoadMore query={queue} />
    </Space>
  );
}
