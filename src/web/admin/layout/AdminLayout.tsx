/**
 * The signed-in frame: a side menu built from the caller's permissions, the header bar, and the
 * page. Loading /me decides everything here; a 401 is handled by the API client (to /login).
 */
import { Button, Layout, Menu, Result, Spin, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import logoUrl from '../../shared/assets/logo.svg';
import { useMe } from '../../shared/me';
import { navGroups, navLabel, visibleNav, type NavItem } from '../navigation';
import { HeaderBar } from './HeaderBar';


function activeItem(items: NavItem[], pathname: string): NavItem | undefined {
  return [...items].sort((a, b) => b.path.length - a.path.length).find((i) => (i.path === '/' ? pathname === '/' : pathname.startsWith(i.path)));
}

export function AdminLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const [collapsed, setCollapsed] = useState(false);
  // A session that must enroll a second factor first is offered 账号安全 only.
  const items = useMemo(() => visibleNav(me.data).filter((i) => me.data?.restriction !== 'mfa_enrollment' || i.path === '/security/account'), [me.data]);
  const active = activeItem(items, pathname);

  useEffect(() => {
    document.title = active ? `${navLabel(t, active)} · ${t('app.name')}` : t('app.title');
  }, [active, t]);

  const menuItems: MenuProps['items'] = navGroups
    .map((group) => ({ group, entries: items.filter((i) => i.group === group) }))
    .filter(({ entries }) => entries.length > 0)
    .map(({ group, entries }) => ({
      type: 'group' as const,
      key: group,
      label: collapsed ? null : t(`navGroups.${group}`),
      children: entries.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.path}>{navLabel(t, i)}</Link> })),
    }));

  if (me.isPending || (me.isError && isApiError(me.error) && me.error.status === 401)) {
    return (
      <div className="fullscreen-center">
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }

  // A session that must enroll a second factor first may only use 账号安全 (the server refuses the rest).
  if (me.data.restriction === 'mfa_enrollment' && pathname !== '/security/account') return <Navigate to="/security/account" replace />;

  return (
    <Layout className="admin-layout">
      <Layout.Sider width={224} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" className="admin-sider">
        <Link to="/" className="brand">
          <img src={logoUrl} alt="" className="brand-logo" />
          {!collapsed && (
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-sub">{t('app.tagline')}</span>
            </span>
          )}
        </Link>
        <Menu theme="dark" mode="inline" selectedKeys={active ? [active.key] : []} items={menuItems} />
      </Layout.Sider>
      <Layout>
        <HeaderBar me={me.data} current={active} />
        <Layout.Content className="admin-content">
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="admin-footer">{t('app.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
