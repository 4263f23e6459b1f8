/** Picks a resident of a community by name, pinyin or initials (places API), for linking a record. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { Page } from '../../../shared/types';

interface ResidentItem {
  id: string;
  name: string;
  age: number | null;
  address: string | null;
}

export function ResidentPicker({ communityId, value, onChange, testId }: { communityId: string | undefined; value?: string; onChange?: (id: string | undefined) => void; testId?: string }) {
  const { t } = useTranslation('volunteers');
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
      placeholder={t('register.residentPlaceholder')}
      notFoundContent={q ? (found.isFetching ? t('common.loading') : t('common.noMatch')) : t('register.typeToSearch')}
      options={(found.data?.items ?? []).map((r) => ({ value: r.id, label: [r.name, r.age !== null ? t('common.age', { age: r.age }) : null, r.address].filter(Boolean).join(' · ') }))}
      data-testid={testId}
    />
  );
}
