/**
 * 首页: who you are and where (org, roles), a few live figures from your scope, and one card for
 * each thing your permissions let you do.
 */
import { ApartmentOutlined, ArrowRightOutlined, BankOutlined, BellOutlined, HomeOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLabels } from '../../../shared/labels';
import { can, useMe } from '../../../shared/me';
import { useUnreadCount } from '../../../shared/notifications';
import { useCenters } from '../../data/centers';
import { useOrgs } from '../../data/orgs';
import { navDescription, navLabel, visibleNav } from '../../navigation';
import './home.css';

interface Stat {
  key: 'orgs' | 'communities' | 'centers' | 'unread';
  icon: ReactNode;
  tone: 'red' | 'orange' | 'blue' | 'green';
  value: number | undefined;
  loading: boolean;
}

function greetingKey(hour: number): 'morning' | 'afternoon' | 'evening' {
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

export default function HomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: me } = useMe();
  const orgs = useOrgs(can(me, 'org.read'));
  const centers = useCenters(can(me, 'center.read'));
  const unread = useUnreadCount();
  if (!me) return null;
  const cards = visibleNav(me).filter((item) => item.key !== 'home');
  const stats: Stat[] = [
    ...(can(me, 'org.read')
      ? [
          { key: 'orgs', icon: <ApartmentOutlined />, tone: 'red', value: orgs.data?.length, loading: orgs.isPending } as const,
          { key: 'communities', icon: <HomeOutlined />, tone: 'orange', value: orgs.data?.filter((o) => o.kind === 'community').length, loading: orgs.isPending } as const,
        ]
      : []),
    ...(can(me, 'center.read') ? [{ key: 'centers', icon: <BankOutlined />, tone: 'blue', value: centers.data?.length, loading: centers.isPending } as const] : []),
    { key: 'unread', icon: <BellOutlined />, tone: 'green', value: unread.data, loading: unread.isPending },
  ];

  return (
    <div className="page home">
      <Card className="welcome-card" variant="borderless">
        <div className="welcome">
          <div>
            <Typography.Title level={3} className="welcome-title" data-testid="welcome">
              {t(`home.greeting.${greetingKey(dayjs().hour())}`, { name: me.displayName })}
            </Typography.Title>
            <Typography.Text className="welcome-date">{dayjs().format(t('home.dateFormat'))}</Typography.Text>
          </div>
          <div className="welcome-roles" data-testid="home-roles">
            {me.roles.length === 0 && <Typography.Text>{t('home.noRoles')}</Typography.Text>}
            {me.roles.map((r, i) => (
              <div key={i} className="welcome-role">
                <span className="welcome-org">
                  <Tag color="gold" bordered={false}>
                    {labels.orgKind(r.orgKind)}
                  </Tag>
                  {r.orgName}
                </span>
                <span className="welcome-role-name">{labels.role(r.role)}</span>
              </div>
            ))}
          </div>
        </div>
      </Card>

      <Row gutter={[16, 16]} className="home-stats">
        {stats.map((stat) => (
          <Col key={stat.key} xs={24} sm={12} lg={6}>
            <Card variant="borderless">
              <Statistic
                title={t(`home.stats.${stat.key}`)}
                value={stat.value ?? '—'}
                loading={stat.loading}
                prefix={<span className={`stat-icon stat-${stat.tone}`}>{stat.icon}</span>}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Typography.Title level={5} className="section-title">
        {t('home.whatYouCanDo')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {cards.map((item) => (
          <Col key={item.key} xs={24} sm={12} xl={8}>
            <Link to={item.path} className="feature-link" data-testid={`home-card-${item.key}`}>
              <Card hoverable variant="borderless" className="feature-card">
                <Space align="start" size={16}>
                  <span className={`feature-icon feature-icon-${item.group}`}>{item.icon}</span>
                  <span>
                    <Typography.Text strong className="feature-title">
                      {navLabel(t, item)}
                    </Typography.Text>
                    <Typography.Paragraph type="secondary" className="feature-desc">
                      {navDescription(t, item)}
                    </Typography.Paragraph>
                  </span>
                </Space>
                <ArrowRightOutlined className="feature-arrow" />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
