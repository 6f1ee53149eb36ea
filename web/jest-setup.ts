// What jsdom lacks and Ant Design needs: media queries (responsive grid), ResizeObserver
// (select lists, text areas) and MessageChannel (React's scheduler). Specs that declare the
// node environment get none of it.

if (typeof window !== 'undefined') {
  // Node's own MessageChannel would keep the test process alive; a timer does the same job.
  globalThis.MessageChannel ??= class {
    port1: { onmessage: ((event: { data: unknown }) => void) | null } = { onmessage: null };
    port2 = { postMessage: (data: unknown) => setTimeout(() => this.port1.onmessage?.({ data })) };
  } as unknown as typeof MessageChannel;

  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };

  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
