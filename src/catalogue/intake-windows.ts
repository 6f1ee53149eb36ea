import type { IntakeWindow } from './service-definition';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * Whether a service taking applications in batches is open at `instant` (dates count in
 * Asia/Shanghai, both ends inclusive). A service without windows is always open.
 */
export function isOpenForIntake(windows: IntakeWindow[] | undefined, instant: Date): boolean {
  if (!windows || windows.length === 0) return true;
  const today = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return windows.some((window) => window.opensOn <= today && today <= window.closesOn);
}
