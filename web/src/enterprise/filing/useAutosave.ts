import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ParklineApiError } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { applicationQuery, storeApplication } from './draft';
import type { Application } from './upload';

type Form = Record<string, unknown>;

export type SaveState =
  | { status: 'saved'; savedAt?: Date }
  | { status: 'pending' | 'saving' }
  | { status: 'failed'; error: unknown }
  /** Someone changed the form elsewhere since this page read it: the user chooses. */
  | { status: 'conflict'; theirs: Application };

/** Waits this long after the last change before saving, so typing is one save, not many. */
export const AUTOSAVE_DELAY_MS = 800;

/** The same form whatever the order of its keys (the database does not keep it). */
const canonical = (form: Form) =>
  JSON.stringify(
    Object.keys(form)
      .sort()
      .map((key) => [key, form[key]]),
  );

const isVersionConflict = (error: unknown) =>
  error instanceof ParklineApiError && error.type.endsWith(':version-conflict');

/**
 * Saves a draft's form as the user edits it: debounced, one save at a time, each naming the
 * version it read. A save that meets a newer version whose form is the one this page last
 * saved (a material was attached meanwhile) is repeated on that version; a form changed
 * elsewhere is a conflict for the user to settle.
 */
export function useAutosave(id: string, initialForm: Form, onFailed: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  /** What the form holds now, and what the server holds as far as this page knows. */
  const wanted = useRef(initialForm);
  const saved = useRef(canonical(initialForm));
  const running = useRef<Promise<void> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflicted = useRef(false);
  const failed = useRef(onFailed);
  failed.current = onFailed;

  const patch = useCallback(
    (form: Form) =>
      call(() =>
        parkline.PATCH('/api/v1/applications/{id}', {
          params: { path: { id } },
          body: {
            form,
            expectedVersion: queryClient.getQueryData(applicationQuery(id).queryKey)?.version,
          },
        }),
      ),
    [id, queryClient],
  );

  /** One save of what the form holds; true when the server holds it afterwards. */
  const saveOnce = useCallback(async (): Promise<boolean> => {
    const form = wanted.current;
    if (canonical(form) === saved.current) {
      setState((now) => (now.status === 'saved' ? now : { status: 'saved', savedAt: new Date() }));
      return true;
    }
    setState({ status: 'saving' });
    for (let attempt = 1; ; attempt++) {
      try {
        storeApplication(queryClient, await patch(form));
        saved.current = canonical(form);
        setState(
          canonical(wanted.current) === saved.current
            ? { status: 'saved', savedAt: new Date() }
            : { status: 'pending' },
        );
        return true;
      } catch (error) {
        if (!isVersionConflict(error) || attempt > 2) {
          setState({ status: 'failed', error });
          failed.current(error);
          return false;
        }
        const theirs = await queryClient.fetchQuery({ ...applicationQuery(id), staleTime: 0 });
        if (canonical(theirs.form) !== saved.current) {
          conflicted.current = true;
          setState({ status: 'conflict', theirs });
          return false;
        }
      }
    }
  }, [id, patch, queryClient]);

  /**
   * Saves now what the form holds, after any save already running. True once the server holds
   * it; false when the save failed or met a conflict (nothing is saved until that is settled).
   */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    while (running.current) await running.current;
    if (conflicted.current) return false;
    const run = saveOnce();
    running.current = run.then(() => {
      running.current = undefined;
    });
    if (!(await run)) return false;
    return canonical(wanted.current) === saved.current || flush();
  }, [saveOnce]);

  const change = useCallback(
    (form: Form) => {
      wanted.current = form;
      if (canonical(form) === saved.current) return;
      setState((now) => (now.status === 'conflict' ? now : { status: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Settles a conflict: keep the answers on this page (saved over theirs) or take theirs. */
  const settle = useCallback(
    (keep: 'mine' | 'theirs', theirs: Application) => {
      saved.current = canonical(theirs.form);
      conflicted.current = false;
      if (keep === 'theirs') {
        wanted.current = theirs.form;
        setState({ status: 'saved', savedAt: new Date() });
      } else void flush();
    },
    [flush],
  );

  const unsaved = state.status !== 'saved';
  // Leaving with changes not yet saved: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  // Leaving the screen inside the console: what is pending is saved on the way out.
  useEffect(
    () => () => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        if (canonical(wanted.current) !== saved.current) void saveOnce();
      }
    },
    [saveOnce],
  );

  return useMemo(() => ({ state, change, flush, settle }), [state, change, flush, settle]);
}
