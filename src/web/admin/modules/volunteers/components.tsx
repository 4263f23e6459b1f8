/** Small pieces the volunteer pages share: community picker, stars, status tags, option lists. */
import { StarFilled } from '@ant-design/icons';
import { Select, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgView } from '../../../shared/types';
import { activityCategories, availabilitySlots, signupColor, statusColor, volunteerSkills, type SignupStatus, type VolunteerStatus } from './common';

export function CommunitySelect({ communities, value, onChange, allowAll }: { communities: OrgView[]; value: string | undefined; onChange: (id: string | undefined) => void; allowAll?: boolean }) {
  const { t } = useTranslation('volunteers');
  if (communities.length <= 1 && allowAll) return null;
  return (
    <Select
      className="toolbar-select wide"
      allowClear={allowAll}
      placeholder={t('common.allCommunities')}
      value={value}
      onChange={onChange}
      options={communities.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="community-select"
    />
  );
}

export function Stars({ level }: { level: number }) {
  const { t } = useTranslation('volunteers');
  if (level <= 0) return <span className="vol-stars-none">—</span>;
  return (
    <Tooltip title={t('common.starLevel', { level })}>
      <span className="vol-stars" aria-label={t('common.starLevel', { level })}>
        {Array.from({ length: level }, (_, i) => (
          <StarFilled key={i} />
        ))}
      </span>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: VolunteerStatus }) {
  const { t } = useTranslation('volunteers');
  return (
    <Tag color={statusColor[status]} bordered={false}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function SignupTag({ status, position }: { status: SignupStatus; position?: number | null }) {
  const { t } = useTranslation('volunteers');
  return (
    <Tag color={signupColor[status]} bordered={false}>
      {status === 'waitlisted' && position ? t('signupStatus.waitlistedAt', { position }) : t(`signupStatus.${status}`)}
    </Tag>
  );
}

/** Options for skills, availability and service areas, labelled from the locale files. */
export function useOptionLists() {
  const { t } = useTranslation('volunteers');
  return {
    skills: volunteerSkills.map((s) => ({ value: s, label: t(`skills.${s}`) })),
    availability: availabilitySlots.map((s) => ({ value: s, label: t(`availability.${s}`) })),
    areas: activityCategories.map((s) => ({ value: s, label: t(`categories.${s}`) })),
  };
}
