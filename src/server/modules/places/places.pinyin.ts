/** Pinyin forms of a Chinese name for search: full ("zhangsan") and initials ("zs"). */
import { pinyin } from 'pinyin-pro';

export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const parts = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: parts.join(''), initials: parts.map((p) => p[0]).join('') };
}
