/**
 * 适老化 (elderly-friendly) mode: a class on <html> that switches the resident app's CSS variables
 * to large type, high contrast and large touch targets. Remembered on the device (so the login page
 * is already large) and in the account's preferences once signed in.
 */
const storageKey = 'tongxin.elderlyMode';
export const elderlyClass = 'elderly';

export function storedElderlyMode(): boolean | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value === null ? undefined : value === '1';
  } catch {
    return undefined;
  }
}

export function applyElderlyMode(on: boolean): void {
  document.documentElement.classList.toggle(elderlyClass, on);
  try {
    localStorage.setItem(storageKey, on ? '1' : '0');
  } catch {
    // Private mode: lasts for this page only.
  }
}

export const isElderlyMode = (): boolean => document.documentElement.classList.contains(elderlyClass);
