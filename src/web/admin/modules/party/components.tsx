/** Small pieces the party pages share: the community picker, figure cards, status tags. */
import { Card, Select, Statistic, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunities } from './data';

/** The community a page works on: the caller's only one, or the one picked (default: the first). */
export function useCommunity(): [string | undefined, (id: string) => void] {
  const communities = useCommunities().data ?? [];
  const [picked, setPicked] = useState<string | undefined>();
  return [picked ?? communities[0]?.id, setPicked];
}

export function CommunitySelect({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation('party');
  const communities = useCommunities().data ?? [];
  if (communities.length <= 1) return null;
  return (
    <Select
      className="toolbar-select"
      placeholder={t('common.pickCommunity')}
      value={value}
      onChange={onChange}
      options={communities.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="party-community"
    />
  );
}

export function Figure({ title, value, suffix, testId, hint }: { title: ReactNode; value: ReactNode; suffix?: ReactNode; testId?: string; hint?: ReactNode }) {
  return (
    <Card variant="borderless" className="party-figure" data-testid={testId}>
      <Statistic title={title} value={value as string} suffix={suffix} />
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
    </Card>
  );
}

const membershipColor = { registered: 'red', reporting: 'blue', mobile: 'gold' } as const;

export function MembershipTag({ value }: { value: keyof typeof membershipColor }) {
  const { t } = useTranslation('party');
  return (
    <Tag color={membershipColor[value]} bordered={false}>
      {t(`membership.${value}`)}
    </Tag>
  );
}

export const percent = (rate: number, digits = 1) => `${(rate * 100).toFixed(digits)}%`;
