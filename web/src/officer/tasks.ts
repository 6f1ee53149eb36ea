import type { components } from '@parkline/client';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { call, parkline } from '../shared/api/session';
import { replaceInPages } from './cached-pages';

export type Task = components['schemas']['TaskDto'];
export type TaskPage = components['schemas']['TaskPageDto'];
export type TaskAction = Task['allowedActions'][number];
export type SlaState = Task['slaState'];
export type CompleteTaskInput = components['schemas']['CompleteTaskInput'];

/** The workbench's views of the queue, as the API filters them. */
/** A value-added request's handling task not yet done: what it may be handed on or answered with. */
export const isHandlingOpen = (task: Task): boolean =>
  task.stage === 'handling' && (task.status === 'OPEN' || task.status === 'CLAIMED');

export type QueueView = 'open' | 'mine' | 'all';

export interface QueueFilter {
  view: QueueView;
  sla?: SlaState;
  /** Officers' open view leaves out the decisions only heads may take. */
  role?: Task['role'];
}

const QUEUE_PAGE_SIZE = 50;

export const taskKeys = {
  all: ['tasks'] as const,
  queues: () => [...taskKeys.all, 'queue'] as const,
  queue: (filter: QueueFilter) => [...taskKeys.queues(), filter] as const,
  detail: (id: string) => [...taskKeys.all, 'detail', id] as const,
};

function queueQuery(filter: QueueFilter, cursor: string | undefined) {
  return {
    limit: QUEUE_PAGE_SIZE,
    cursor,
    sla: filter.sla,
    status: filter.view === 'open' ? ('OPEN' as const) : undefined,
    assignee: filter.view === 'mine' ? ('me' as const) : undefined,
    role: filter.role,
  };
}

/**
 * The department's queue, most urgent first, a page at a time by the API's cursor: the
 * screen never asks for a count, so it stays as quick as one indexed page however long the
 * queue grows.
 */
export function useTaskQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: taskKeys.queue(filter),
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/tasks', { params: { query: queueQuery(filter, pageParam) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A task as a row of a queue already showed it, to paint the page while the task loads. */
function queuedTask(queryClient: QueryClient, id: string): Task | undefined {
  for (const [, queue] of queryClient.getQueriesData<InfiniteData<TaskPage>>({ queryKey: taskKeys.queues() }))
    for (const page of queue?.pages ?? []) {
      const task = page.data.find((row) => row.id === id);
      if (task) return task;
    }
  return undefined;
}

/**
 * A task with its allowed actions. Opened from the queue, the row stands in until the task
 * arrives (`isPlaceholderData`), so the application's requests start at once.
 */
export function useTask(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: () => call(() => parkline.GET('/api/v1/tasks/{id}', { params: { path: { id } } })),
    placeholderData: () => queuedTask(queryClient, id),
  });
}

/** A task the API answered with, shown wherever it is cached. */
export function storeTask(queryClient: QueryClient, task: Task): void {
  queryClient.setQueryData(taskKeys.detail(task.id), task);
  replaceInPages(queryClient, taskKeys.queues(), task);
}

function useTaskMutation<Input>(request: (input: Input) => Promise<Task>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (task) => storeTask(queryClient, task),
  });
}

export function useClaimTask() {
  return useTaskMutation((id: string) =>
    call(() => parkline.POST('/api/v1/tasks/{id}/claim', { params: { path: { id } } })),
  );
}

export function useReleaseTask() {
  return useTaskMutation((id: string) =>
    call(() => parkline.POST('/api/v1/tasks/{id}/release', { params: { path: { id } } })),
  );
}

export function useReassignTask(id: string) {
  return useTaskMutation((assigneeId: string) =>
    call(() =>
      parkline.POST('/api/v1/tasks/{id}/reassign', {
        params: { path: { id } },
        body: { assigneeId },
      }),
    ),
  );
}

/** Acting on a task moves its application: the application's views are refetched too. */
export function useCompleteTask(task: Task) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CompleteTaskInput, 'expectedVersion'>) =>
      call(() =>
        parkline.POST('/api/v1/tasks/{id}/complete', {
          params: { path: { id: task.id } },
          body: { ...input, expectedVersion: task.version },
        }),
      ),
    onSuccess: (done) => {
      storeTask(queryClient, done);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

/** Claims the most urgent free task; `undefined` when the queue has none left (204). */
export function useClaimNextTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(() => parkline.POST('/api/v1/tasks/next')),
    onSuccess: (task) => {
      if (task) storeTask(queryClient, task);
    },
  });
}
