/** The security module's services, composed: MFA, privacy (PIPL) with consent and guardians, retention, alerts. */
import type { AppContext } from '../../context';
import type { AccountsService } from '../accounts/accounts.service';
import type { AuthService } from '../auth/auth.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { createAlertsService } from './alerts.service';
import { createConsentService } from './consent.service';
import { createMfaService } from './mfa.service';
import { createPrivacyService } from './privacy.service';
import { createRetentionService } from './retention.service';

export function createSecurityService(ctx: AppContext, deps: { accounts: AccountsService; notifications: NotificationsService; auth: AuthService }) {
  const mfa = createMfaService(ctx, deps);
  const consent = createConsentService(ctx);
  const privacy = createPrivacyService(ctx, { consent, notifications: deps.notifications, auth: deps.auth });
  const retention = createRetentionService(ctx);
  const alerts = createAlertsService(ctx, deps);
  return { mfa, consent, privacy, retention, alerts };
}

export type SecurityService = ReturnType<typeof createSecurityService>;
