/** Header: where you are, unread messages, language, and who you are (name, org, role) with sign-out. */
import { BellOutlined, DesktopOutlined, DownOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Badge, Breadcrumb, Dropdown, Layout, Space, Tooltip, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLabels } from '../../shared/labels';
import { signOut } from '../../shared/me';
import { useUnreadCount } from '../../shared/notifications';
import type { MeView } from '../../shared/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { navLabel, type NavItem } from '../navigation';

export function HeaderBar({ me, current }: { me: MeView; current: NavItem | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const unread = useUnreadCount();
  const primary = me.roles[0];
  const roleLine = primary ? `${primary.orgName} · ${labels.role(primary.role)}${me.roles.length > 1 ? ` +${me.roles.length - 1}` : ''}` : t('header.noRole');

  const onSignOut = async () => {
    await signOut(queryClient).catch(() => undefined);
    void navigate('/login', { replace: true });
  };

  const menu: MenuProps['items'] = [
    {
      key: 'roles',
      type: 'group',
      label: t('header.myRoles'),
      children: me.roles.map((r, i) => ({ key: `role-${i}`, disabled: true, label: `${labels.role(r.role)} · ${r.orgName}` })),
    },
    { type: 'divider' },
    { key: 'sessions', icon: <DesktopOutlined />, label: t('nav.sessions'), onClick: () => void navigate('/sessions') },
    { key: 'signOut', icon: <LogoutOutlined />, danger: true, label: t('header.signOut'), onClick: () => void onSignOut() },
  ];

  return (
    <Layout.Header className="admin-header">
      <Breadcrumb
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          ...(current && current.key !== 'home' ? [{ title: navLabel(t, current) }] : []),
        ]}
      />
      <Space size={20} align="center">
        <Tooltip title={t('nav.inbox')}>
          <Link to="/inbox" className="header-icon" aria-label={t('nav.inbox')} data-testid="header-inbox">
            <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
              <BellOutlined />
            </Badge>
          </Link>
        </Tooltip>
        <LanguageSwitch size="small" />
        <Dropdown menu={{ items: menu }} trigger={['click']} placement="bottomRight">
          <a className="header-user" data-testid="header-user" onClick={(e) => e.preventDefault()}>
            <Avatar size={32} className="header-avatar">
              {avatarText(me.displayName)}
            </Avatar>
            <span className="header-user-text">
              <Typography.Text strong className="header-user-name">
                {me.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" className="header-user-role">
                {roleLine}
              </Typography.Text>
            </span>
            <DownOutlined className="header-user-caret" />
          </a>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}

/** "杨文社区书记 王建华" → "王": the first character of the personal name. */
function avatarText(displayName: string): string {
  const name = displayName.trim().split(/\s+/).pop() ?? displayName;
  return name.slice(0, 1).toUpperCase();
}
