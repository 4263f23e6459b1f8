/** Signed-in frame of the resident app: the page above, a large tab bar (首页 / 消息 / 我的) below. */
import { BellOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, DotLoading, ErrorBlock, TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { useMe } from '../../shared/me';
import { useUnreadCount } from '../../shared/notifications';

export function ResidentShell() {
  const { t } = useTranslation();
  const me = useMe();
  const unread = useUnreadCount(!!me.data);
  const navigate = useNavigate();
  const { pathname } = useLocation();

  if (me.isPending || (me.isError && isApiError(me.error) && me.error.status === 401)) {
    return (
      <div className="r-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="r-center">
        <ErrorBlock status="default" title={t('errors.loadFailed')} description={me.error.message}>
          <Button color="primary" size="large" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      </div>
    );
  }

  const tabs = [
    { key: '/', title: t('resident.tabs.home'), icon: <HomeOutlined /> },
    {
      key: '/inbox',
      title: t('resident.tabs.inbox'),
      icon: (
        <Badge content={unread.data ? (unread.data > 99 ? '99+' : unread.data) : null}>
          <BellOutlined />
        </Badge>
      ),
    },
    { key: '/settings', title: t('resident.tabs.mine'), icon: <UserOutlined /> },
  ];

  return (
    <div className="r-app">
      <main className="r-main">
        <Outlet />
      </main>
      <nav className="r-tabbar">
        <TabBar activeKey={pathname} onChange={(key) => void navigate(key)} safeArea>
          {tabs.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={tab.title} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
