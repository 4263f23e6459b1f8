/** Small pieces the center pages share: the center picker, theme tags, a resident picker. */
import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { CenterView, Page } from '../../../shared/types';
import { themeHex, themes, type Theme } from './common';
import { useCenters, useVenues } from './data';

/**
 * The chosen center (the first one by default), and the picker to change it. Roles that run a
 * center without reading the org register (social workers) learn their centers from the rooms.
 */
export function useCenterChoice() {
  const register = useCenters();
  const rooms = useVenues({ limit: 200 }, register.isError);
  const fromRooms = useMemo<CenterView[] | undefined>(() => {
    if (!rooms.data) return undefined;
    const seen = new Map<string, CenterView>();
    for (const v of rooms.data.items) if (!seen.has(v.centerId)) seen.set(v.centerId, { id: v.centerId, communityId: v.communityId, communityName: '', name: v.centerName, address: null, areaM2: null, phone: null, openingHours: null, version: 0 });
    return [...seen.values()];
  }, [rooms.data]);
  const list = register.isError ? fromRooms : register.data;
  const [centerId, setCenterId] = useState<string>();
  useEffect(() => {
    if (!centerId && list?.length) setCenterId(list[0]!.id);
  }, [list, centerId]);
  const current = list?.find((c) => c.id === centerId);
  /** True once it is known which centers there are (possibly none). */
  const settled = list !== undefined || (register.isError && rooms.isError);
  return { centers: { data: list }, centerId, setCenterId, current, settled };
}

export function CenterSelect({ choice }: { choice: ReturnType<typeof useCenterChoice> }) {
  const { t } = useTranslation('center');
  const list = choice.centers.data ?? [];
  if (list.length <= 1) return null;
  return (
    <Select
      className="toolbar-select wide"
      placeholder={t('common.center')}
      value={choice.centerId}
      onChange={choice.setCenterId}
      options={list.map((c) => ({ value: c.id, label: c.communityName ? `${c.name}（${c.communityName}）` : c.name }))}
      data-testid="center-select"
    />
  );
}

export function ThemeTag({ theme }: { theme: Theme | null | undefined }) {
  const { t } = useTranslation('center');
  if (!theme) return <span>—</span>;
  return (
    <Tag color={themeHex[theme]} className="center-theme-tag" data-theme={theme}>
      {t(`themes.${theme}`)}
    </Tag>
  );
}

export function ThemeSelect(props: { value?: Theme; onChange?: (v: Theme | undefined) => void; allowClear?: boolean; placeholder?: string; className?: string }) {
  const { t } = useTranslation('center');
  return (
    <Select
      {...props}
      options={themes.map((c) => ({
        value: c,
        label: (
          <span>
            <span className="center-swatch" style={{ background: themeHex[c] }} /> {t(`themes.${c}`)}
          </span>
        ),
      }))}
    />
  );
}

interface ResidentItem {
  id: string;
  name: string;
  age: number | null;
  address: string | null;
}

/** Picks a resident of a community by name, pinyin or initials (places API). */
export function ResidentPicker({ communityId, value, onChange, testId }: { communityId: string | undefined; value?: string; onChange?: (id: string | undefined) => void; testId?: string }) {
  const { t } = useTranslation('center');
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['residents', 'pick', communityId, q],
    queryFn: ({ signal }) => api.get<Page<ResidentItem>>('/residents', { query: { communityId, q, limit: 20 }, signal }),
    enabled: !!communityId && q.length > 0,
  });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={(v) => setQ(v.trim())}
      placeholder={t('common.residentPlaceholder')}
      notFoundContent={q ? (found.isFetching ? t('common.loading') : t('common.noMatch')) : t('common.typeToSearch')}
      options={(found.data?.items ?? []).map((r) => ({ value: r.id, label: [r.name, r.age !== null ? t('common.age', { age: r.age }) : null, r.address].filter(Boolean).join(' · ') }))}
      data-testid={testId}
      className="full-width"
    />
  );
}
