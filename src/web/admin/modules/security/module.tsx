/**
 * 安全与隐私 in the admin web. Every staff member: 账号安全 (their own second factor). Security admin
 * (三员分立 — no resident data): 安全告警, 两步验证重置, 数据保留. Community staff: residents'
 * 个人信息更正 requests and the 监护人 of minors.
 */
import { AlertOutlined, FieldTimeOutlined, FileProtectOutlined, SafetyCertificateOutlined, UndoOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

export const adminModule: AdminModule = {
  nav: [
    { key: 'accountSecurity', path: '/security/account', icon: <SafetyCertificateOutlined />, group: 'mine', ns: 'security', order: 60 },
    { key: 'securityAlerts', path: '/security/alerts', icon: <AlertOutlined />, permission: ['security_alert.read'], group: 'admin', ns: 'security', order: 60 },
    { key: 'mfaReset', path: '/security/mfa-reset', icon: <UndoOutlined />, permission: ['mfa.reset'], group: 'admin', ns: 'security', order: 61 },
    { key: 'retention', path: '/security/retention', icon: <FieldTimeOutlined />, permission: ['retention.manage'], group: 'admin', ns: 'security', order: 62 },
    { key: 'correctionRequests', path: '/privacy/requests', icon: <FileProtectOutlined />, permission: ['privacy_request.read'], group: 'people', ns: 'security', order: 80 },
    { key: 'guardianLinks', path: '/privacy/guardians', icon: <UsergroupAddOutlined />, permission: ['guardian_link.manage'], group: 'people', ns: 'security', order: 81 },
  ],
  pages: [
    { path: 'security/account', nav: 'accountSecurity', load: () => import('./pages/AccountSecurityPage') },
    { path: 'security/alerts', nav: 'securityAlerts', load: () => import('./pages/AlertsPage') },
    { path: 'security/mfa-reset', nav: 'mfaReset', load: () => import('./pages/MfaResetPage') },
    { path: 'security/retention', nav: 'retention', load: () => import('./pages/RetentionPage') },
    { path: 'privacy/requests', nav: 'correctionRequests', load: () => import('./pages/CorrectionRequestsPage') },
    { path: 'privacy/guardians', nav: 'guardianLinks', load: () => import('./pages/GuardianLinksPage') },
  ],
};
