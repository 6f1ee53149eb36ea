import { useEffect, useRef } from 'react';

/** Keys typed into a field, a menu or a dialog are theirs, not the page's. */
function typingElsewhere(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="listbox"]'))
    return true;
  return event.metaKey || event.ctrlKey || event.altKey;
}

/**
 * Single-key shortcuts of a screen (`j`, `k`, `Enter`, ...). The handlers may change on every
 * render; the listener is added once.
 */
export function useShortcuts(handlers: Record<string, (() => void) | undefined>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingElsewhere(event)) return;
      const handler = current.current[event.key];
      if (!handler) return;
      // Enter on a focused button or link does what that control does.
      if (event.key === 'Enter' && (event.target as HTMLElement).closest('button, a')) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
