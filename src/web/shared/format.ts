/** Dates and numbers as people read them, in the current language. */
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const formatDateTimeSeconds = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
export const fromNow = (iso: string | null | undefined): string => (iso ? dayjs(iso).fromNow() : '—');

/** A short description of a browser from its User-Agent, for the sessions list. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\/[\d]+/.exec(ua)?.[0]?.replace('Edg', 'Edge') ?? /(Chrome|Firefox|Safari)\/[\d]+/.exec(ua)?.[0] ?? ua.split(' ')[0] ?? ua;
  const os = /Windows|Mac OS X|Android|iPhone|iPad|Linux/.exec(ua)?.[0]?.replace('Mac OS X', 'macOS');
  return os ? `${browser.replace('/', ' ')} · ${os}` : browser.replace('/', ' ');
}
