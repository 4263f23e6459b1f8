/** Pick a member of a care household by name or pinyin (the server searches; names come back masked). */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useCareT } from '../components';
import { careApi } from '../data';
import type { Recipient } from '../types';

export function RecipientSelect({ value, onChange, testId }: { value?: string; onChange?: (v: string) => void; testId?: string }) {
  const t = useCareT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Recipient[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const term = q.trim();
    if (!term) return;
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      careApi
        .recipients(term)
        .then((rows) => live && setOptions(rows))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      placeholder={t('wishes.wisherSearch')}
      notFoundContent={loading ? <Spin size="small" /> : null}
      options={options.map((r) => ({ value: r.residentId, label: `${r.maskedName} · ${r.address}` }))}
      data-testid={testId}
    />
  );
}
