/** 首页: a greeting, the community you belong to, its center, and large tiles for what works today. */
import { BellOutlined, ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { can, useMe } from '../../../shared/me';
import { useUnreadCount } from '../../../shared/notifications';
import type { CenterView } from '../../../shared/types';
import { moduleTiles } from '../../modules';

const greeting = (hour: number) => (hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening');

export function HomePage() {
  const { t } = useTranslation();
  const lt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { data: me } = useMe();
  const unread = useUnreadCount();
  const community = me?.roles.find((r) => r.orgKind === 'community') ?? me?.roles[0];
  const centers = useQuery({ queryKey: ['centers'], queryFn: () => api.get<CenterView[]>('/centers'), enabled: can(me, 'center.read') });
  const center = centers.data?.find((c) => c.communityId === community?.orgId) ?? centers.data?.[0];
  if (!me) return null;
  const name = me.displayName.trim().split(/\s+/).pop() ?? me.displayName;

  return (
    <div className="r-page r-home">
      <section className="r-hello">
        <h1 className="r-hello-title" data-testid="resident-greeting">
          {t(`resident.home.greeting.${greeting(dayjs().hour())}`, { name })}
        </h1>
        {community && (
          <p className="r-hello-community" data-testid="resident-community">
            <EnvironmentOutlined /> {community.orgName}
          </p>
        )}
      </section>

      {center && (
        <section className="r-card r-center-card">
          <h2 className="r-card-title">{center.name}</h2>
          {center.openingHours && (
            <p className="r-line">
              <ClockCircleOutlined /> {t('resident.home.openingHours', { hours: center.openingHours })}
            </p>
          )}
          {center.address && (
            <p className="r-line">
              <EnvironmentOutlined /> {center.address}
            </p>
          )}
          {center.phone && (
            <a className="r-call" href={`tel:${center.phone}`}>
              <PhoneOutlined /> {t('resident.home.call', { phone: center.phone })}
            </a>
          )}
        </section>
      )}

      <section className="r-tiles">
        <Link to="/inbox" className="r-tile r-tile-red" data-testid="tile-inbox">
          <Badge content={unread.data ? unread.data : null}>
            <BellOutlined className="r-tile-icon" />
          </Badge>
          <span className="r-tile-title">{t('resident.tabs.inbox')}</span>
          <span className="r-tile-desc">{unread.data ? t('resident.home.unread', { count: unread.data }) : t('resident.home.noUnread')}</span>
        </Link>
        <Link to="/settings" className="r-tile r-tile-blue" data-testid="tile-settings">
          <SettingOutlined className="r-tile-icon" />
          <span className="r-tile-title">{t('resident.settings.title')}</span>
          <span className="r-tile-desc">{t('resident.home.settingsDesc')}</span>
        </Link>
        {moduleTiles
          .filter((tile) => !tile.permission || can(me, tile.permission))
          .map((tile) => (
            <Link key={tile.key} to={tile.path} className={`r-tile r-tile-${tile.color ?? 'blue'}`} data-testid={`tile-${tile.key}`}>
              <span className="r-tile-icon">{tile.icon}</span>
              <span className="r-tile-title">{lt(`tiles.${tile.key}.title`, { ns: tile.ns })}</span>
              <span className="r-tile-desc">{lt(`tiles.${tile.key}.desc`, { ns: tile.ns })}</span>
            </Link>
          ))}
      </section>
    </div>
  );
}
