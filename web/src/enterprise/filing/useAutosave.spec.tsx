import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { ParklineApiError } from '@parkline/client';
import type { ReactNode } from 'react';
import { parkline } from '../../shared/api/session';
import { applicationQuery } from './draft';
import type { Application } from './upload';
import { AUTOSAVE_DELAY_MS, useAutosave } from './useAutosave';

jest.mock('../../shared/api/session', () => ({
  call: (request: () => Promise<unknown>) => request(),
  parkline: { PATCH: jest.fn(), GET: jest.fn() },
}));

const PATCH = parkline.PATCH as unknown as jest.Mock;
const GET = parkline.GET as unknown as jest.Mock;

const ID = '0c9b8a7f-6e5d-4c4b-a3f2-e1d0c9b8a7f6';
const draft = (version: number, form: Record<string, unknown>) =>
  ({ id: ID, version, form, materials: [], status: 'DRAFT' }) as unknown as Application;

const versionConflict = () =>
  new ParklineApiError({
    type: 'urn:parkline:problem:version-conflict',
    title: 'The resource has changed',
    status: 409,
    detail: 'Application is at version 2, not 1',
  });

function renderAutosave(initial: Record<string, unknown>) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(applicationQuery(ID).queryKey, draft(1, initial));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const onFailed = jest.fn();
  const hook = renderHook(() => useAutosave(ID, initial, onFailed), { wrapper });
  return { ...hook, onFailed };
}

/** What each PATCH sent: the form and the version it named. */
const sent = () => PATCH.mock.calls.map(([, options]) => options.body);

beforeEach(() => {
  jest.useFakeTimers();
  PATCH.mockReset();
  GET.mockReset();
});
afterEach(() => jest.useRealTimers());

describe('useAutosave', () => {
  it('saves once after a pause in typing, the last answers on the version it read', async () => {
    PATCH.mockImplementation(async (_, { body }) => draft(2, body.form));
    const { result } = renderAutosave({});
    act(() => result.current.change({ 'project.name': 'PK' }));
    act(() => result.current.change({ 'project.name': 'PKL-201' }));
    expect(result.current.state.status).toBe('pending');
    await act(() => jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100));
    expect(PATCH).not.toHaveBeenCalled();
    await act(() => jest.advanceTimersByTimeAsync(100));
    expect(sent()).toEqual([{ form: { 'project.name': 'PKL-201' }, expectedVersion: 1 }]);
    expect(result.current.state.status).toBe('saved');
  });

  it('saves again on the newer version when only an attachment moved it', async () => {
    PATCH.mockRejectedValueOnce(versionConflict()).mockImplementation(async (_, { body }) =>
      draft(3, body.form),
    );
    GET.mockResolvedValue(draft(2, { 'project.name': 'PK' }));
    const { result } = renderAutosave({ 'project.name': 'PK' });
    act(() => result.current.change({ 'project.name': 'PKL-201' }));
    await act(() => jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(sent()).toEqual([
      { form: { 'project.name': 'PKL-201' }, expectedVersion: 1 },
      { form: { 'project.name': 'PKL-201' }, expectedVersion: 2 },
    ]);
    expect(result.current.state.status).toBe('saved');
  });

  it('stops at answers saved elsewhere until the user keeps theirs or hers', async () => {
    PATCH.mockRejectedValueOnce(versionConflict()).mockImplementation(async (_, { body }) =>
      draft(3, body.form),
    );
    const theirs = draft(2, { 'project.name': 'Other device' });
    GET.mockResolvedValue(theirs);
    const { result } = renderAutosave({});
    act(() => result.current.change({ 'project.name': 'Mine' }));
    await act(() => jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(result.current.state).toEqual({ status: 'conflict', theirs });

    // Typing on does not overwrite the other answers behind the user's back.
    act(() => result.current.change({ 'project.name': 'Mine, again' }));
    await act(() => jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(PATCH).toHaveBeenCalledTimes(1);

    await act(async () => result.current.settle('mine', theirs));
    expect(sent().at(-1)).toEqual({ form: { 'project.name': 'Mine, again' }, expectedVersion: 2 });
    expect(result.current.state.status).toBe('saved');
  });

  it('reports a failed save to the page, for its field errors', async () => {
    const invalid = new ParklineApiError({
      type: 'urn:parkline:problem:validation-failed',
      title: 'Request validation failed',
      status: 400,
      detail: 'Invalid fields: form',
      errors: [{ field: 'form.project.name', message: 'must be a string' }],
    });
    PATCH.mockRejectedValue(invalid);
    const { result, onFailed } = renderAutosave({});
    act(() => result.current.change({ 'project.name': 42 }));
    await act(() => jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(onFailed).toHaveBeenCalledWith(invalid);
    expect(result.current.state).toEqual({ status: 'failed', error: invalid });
  });
});
