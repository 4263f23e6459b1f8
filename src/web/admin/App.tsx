/** The admin web: providers (query cache, antd theme and locale following the UI language) and routes. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { setUnauthenticatedHandler } from '../shared/api';
import { configurePreferences } from '../shared/me';
import { createQueryClient } from '../shared/query';
import { AdminLayout } from './layout/AdminLayout';
import { RequirePermission } from './layout/RequirePermission';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { modulePages } from './navigation';
import { adminTheme } from './theme';

configurePreferences({ elderlyMode: false });
const queryClient = createQueryClient();

const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AdminLayout />,
    children: [
      { index: true, lazy: page(() => import('./pages/home/HomePage')) },
      { path: 'orgs', element: <RequirePermission nav="orgs" />, children: [{ index: true, lazy: page(() => import('./pages/orgs/OrgsPage')) }] },
      { path: 'centers', element: <RequirePermission nav="centers" />, children: [{ index: true, lazy: page(() => import('./pages/centers/CentersPage')) }] },
      { path: 'accounts', element: <RequirePermission nav="accounts" />, children: [{ index: true, lazy: page(() => import('./pages/accounts/AccountsPage')) }] },
      { path: 'audit-log', element: <RequirePermission nav="auditLog" />, children: [{ index: true, lazy: page(() => import('./pages/audit-log/AuditLogPage')) }] },
      { path: 'inbox', lazy: page(() => import('./pages/inbox/InboxPage')) },
      { path: 'sessions', lazy: page(() => import('./pages/sessions/SessionsPage')) },
      ...modulePages.map((p) => ({ path: p.path, element: <RequirePermission nav={p.nav} />, children: [{ index: true, lazy: page(p.load) }] })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  void router.navigate(`/login${next}`, { replace: true }).then(() => queryClient.removeQueries());
});

export function AdminApp() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={adminTheme}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
