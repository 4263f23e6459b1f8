import type { ModulePolicy } from '../../platform/auth/roles';

/**
 * Security monitoring and privacy. 三员分立: the security admin watches alerts, sets retention and
 * resets a lost second factor — and reads no resident data. Community staff handle residents'
 * correction requests and record guardians of minors, within their community.
 */
export const securityPolicy: ModulePolicy = {
  module: 'security',
  permissions: [
    'security_alert.read',
    'security_alert.manage',
    'retention.manage',
    'mfa.reset',
    'privacy_request.read',
    'privacy_request.handle',
    'guardian_link.manage',
  ],
  grants: {
    security_admin: ['security_alert.read', 'security_alert.manage', 'retention.manage', 'mfa.reset'],
    community_secretary: ['privacy_request.read', 'privacy_request.handle', 'guardian_link.manage'],
    community_staff: ['privacy_request.read', 'privacy_request.handle', 'guardian_link.manage'],
    street_staff: ['privacy_request.read'],
  },
};
