/** Small pieces the center pages share: the center picker, theme tags, a resident picker. */
import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import { themeHex, themes, type Theme } from './common';
import { useCenters } from './data';

/** The chosen center (the first one by default), and the picker to change it. */
export function useCenterChoice() {
  const centers = useCenters();
  const [centerId, setCenterId] = useState<string>();
  useEffect(() => {
    if (!centerId && centers.data?.length) setCenterId(centers.data[0]!.id);
  }, [centers.data, centerId]);
  const current = centers.data?.find((c) => c.id === centerId);
  return { centers, centerId, setCenterId, current };
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
      options={list.map((c) => ({ value: c.id, label: `${c.name}（${c.communityName}）` }))}
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
