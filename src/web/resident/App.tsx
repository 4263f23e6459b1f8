/** The resident H5 app at /m/: antd-mobile, large-type capable, one thumb. */
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect } from 'react';
import { DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from '../shared/api';
import { configurePreferences } from '../shared/me';
import { createQueryClient } from '../shared/query';
import { ResidentShell } from './components/ResidentShell';
import { HomePage } from './pages/home/HomePage';
import { InboxPage } from './pages/inbox/InboxPage';
import { LoginPage } from './pages/login/LoginPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { modulePages } from './modules';

const lazyPages = modulePages.map((p) => ({ path: p.path, Page: lazy(p.load) }));

configurePreferences({ elderlyMode: true });
const queryClient = createQueryClient();

/** A 401 anywhere sends the user to this app's login page, and back afterwards. */
function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (window.location.pathname.startsWith('/m/login')) return;
      void navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
      queryClient.removeQueries();
    });
  }, [navigate, location.pathname]);
  return null;
}

function DocumentTitle() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('resident.title');
  }, [t]);
  return null;
}

export function ResidentApp() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN}>
        <BrowserRouter basename="/m">
          <UnauthenticatedRedirect />
          <DocumentTitle />
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<ResidentShell />}>
              <Route index element={<HomePage />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="settings" element={<SettingsPage />} />
              {lazyPages.map(({ path, Page }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    <Suspense fallback={<DotLoading />}>
                      <Page />
                    </Suspense>
                  }
                />
              ))}
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
