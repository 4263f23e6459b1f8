/** 我的数据 on the phone: see and download what is held about me, consents, corrections, wards; optional 两步验证. */
import { FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [
    { key: 'myData', path: '/privacy', icon: <FileProtectOutlined />, ns: 'security', color: 'blue', order: 80 },
    { key: 'accountSecurity', path: '/account-security', icon: <SafetyCertificateOutlined />, ns: 'security', color: 'green', order: 81 },
  ],
  pages: [
    { path: 'privacy', load: () => import('./PrivacyPage') },
    { path: 'privacy/consents', load: () => import('./ConsentsPage') },
    { path: 'privacy/correction', load: () => import('./CorrectionPage') },
    { path: 'account-security', load: () => import('./MfaPage') },
  ],
};
