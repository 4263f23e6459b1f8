/** A route the caller's permissions do not open shows a 403 page instead of a broken screen. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { useMe } from '../../shared/me';
import { allowed, navItem, type NavKey } from '../navigation';

export function RequirePermission({ nav }: { nav: NavKey }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  if (allowed(me, navItem(nav))) return <Outlet />;
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
