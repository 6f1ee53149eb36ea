import type { components } from '@parkline/client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../shared/api/session';

export type Product = components['schemas']['ProductDto'];
export type Device = components['schemas']['DeviceDto'];
export type ProductInput = components['schemas']['ProductInput'];
export type DeviceInput = components['schemas']['DeviceInput'];
export type HistoryEntry = components['schemas']['PipelineHistoryEntryDto'];
export type Decision = components['schemas']['VerificationInput']['decision'];

export type Kind = 'products' | 'devices';
export type ItemOf<K extends Kind> = K extends 'products' ? Product : Device;
export type InputOf<K extends Kind> = K extends 'products' ? ProductInput : DeviceInput;

const pipelineKey = (enterpriseId: string) => ['pipeline', enterpriseId] as const;

const PAGE = 30;

/** An enterprise's products or devices, newest first, a page at a time. */
export function usePipelineItems<K extends Kind>(kind: K, enterpriseId: string) {
  return useInfiniteQuery({
    queryKey: [...pipelineKey(enterpriseId), kind],
    queryFn: ({ pageParam }) => {
      const params = { path: { id: enterpriseId }, query: { limit: PAGE, cursor: pageParam } };
      return (
        kind === 'products'
          ? call(() => parkline.GET('/api/v1/enterprises/{id}/products', { params }))
          : call(() => parkline.GET('/api/v1/enterprises/{id}/devices', { params }))
      ) as Promise<{
        data: ItemOf<K>[];
        nextCursor?: string | null;
      }>;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: Boolean(enterpriseId),
  });
}

export function usePipelineHistory(enterpriseId: string) {
  return useInfiniteQuery({
    queryKey: [...pipelineKey(enterpriseId), 'history'],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/enterprises/{id}/pipeline/history', {
          params: { path: { id: enterpriseId }, query: { limit: PAGE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: Boolean(enterpriseId),
  });
}

/** After any change: the pipeline, its history and the directory's counts are read again. */
function useRefresh(enterpriseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pipelineKey(enterpriseId) });
    void queryClient.invalidateQueries({ queryKey: ['directory'] });
  };
}

/**
 * Adds an item, or changes the one given (at the version read: a change in between answers 409
 * rather than being overwritten).
 */
export function useSaveItem<K extends Kind>(kind: K, enterpriseId: string) {
  const refresh = useRefresh(enterpriseId);
  return useMutation({
    mutationFn: ({
      item,
      input,
    }: {
      item?: ItemOf<K>;
      input: InputOf<K>;
    }): Promise<Product | Device> => {
      const path = { id: enterpriseId };
      if (kind === 'products') {
        const body = input as ProductInput;
        return item
          ? call(() =>
              parkline.PATCH('/api/v1/enterprises/{id}/products/{itemId}', {
                params: { path: { ...path, itemId: item.id } },
                body: { ...body, expectedVersion: item.version },
              }),
            )
          : call(() =>
              parkline.POST('/api/v1/enterprises/{id}/products', { params: { path }, body }),
            );
      }
      const body = input as DeviceInput;
      return item
        ? call(() =>
            parkline.PATCH('/api/v1/enterprises/{id}/devices/{itemId}', {
              params: { path: { ...path, itemId: item.id } },
              body: { ...body, expectedVersion: item.version },
            }),
          )
        : call(() => parkline.POST('/api/v1/enterprises/{id}/devices', { params: { path }, body }));
    },
    onSuccess: refresh,
  });
}

export function useRemoveItem(kind: Kind, enterpriseId: string) {
  const refresh = useRefresh(enterpriseId);
  return useMutation({
    mutationFn: (item: Product | Device) => {
      const params = {
        path: { id: enterpriseId, itemId: item.id },
        header: { 'If-Match': `"${item.version}"` },
      };
      return kind === 'products'
        ? call(() => parkline.DELETE('/api/v1/enterprises/{id}/products/{itemId}', { params }))
        : call(() => parkline.DELETE('/api/v1/enterprises/{id}/devices/{itemId}', { params }));
    },
    onSuccess: refresh,
  });
}

/** Staff verify or return an item as they read it. */
export function useVerifyItem(kind: Kind, enterpriseId: string) {
  const refresh = useRefresh(enterpriseId);
  return useMutation({
    mutationFn: ({
      item,
      decision,
      note,
    }: {
      item: Product | Device;
      decision: Decision;
      note?: string;
    }): Promise<Product | Device> => {
      const params = { path: { id: enterpriseId, itemId: item.id } };
      const body = { decision, note: note?.trim() || undefined, expectedVersion: item.version };
      return kind === 'products'
        ? call(() =>
            parkline.POST('/api/v1/enterprises/{id}/products/{itemId}/verification', {
              params,
              body,
            }),
          )
        : call(() =>
            parkline.POST('/api/v1/enterprises/{id}/devices/{itemId}/verification', {
              params,
              body,
            }),
          );
    },
    onSuccess: refresh,
  });
}
