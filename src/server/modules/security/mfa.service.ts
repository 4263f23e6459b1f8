/**
 * Enrolling and managing one's second factor. Enrollment is two steps (scan, then prove with a
 * code), so a factor is never on before the user's app produces codes. Turning MFA on ends every
 * session of the account and starts a new one (which is then a full session where MFA is
 * required). Turning it off, or new recovery codes, needs a fresh TOTP code — a stolen session
 * alone cannot weaken the account. The security admin can reset a lost factor.
 */
import QRCode from 'qrcode';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { acceptTotp, enableFactor, findFactor, mfaRequiredFor, newTotpSecret, otpauthUri, removeFactor, replaceRecoveryCodes, startFactor, unusedRecoveryCodes } from '../../platform/auth/mfa';
import { createSession, revokeAccountSessions } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors';
import type { AccountsService } from '../accounts/accounts.service';

const wrongCode = () => new AppError('validation_failed', [{ field: 'body.code', code: 'mfa_code_wrong' }]);

export function createMfaService(ctx: AppContext, deps: { accounts: AccountsService }) {
  const { db, audit, crypto, config } = ctx;
  const policy = {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    mfaRequired: config.mfaRequired,
    adminPasswordMaxAgeDays: config.adminPasswordMaxAgeDays,
  };
  const required = (actor: Actor) => config.mfaRequired && mfaRequiredFor(actor.grants);

  async function enabledFactor(actor: Actor) {
    const factor = await findFactor(db, actor.accountId!);
    if (!factor?.enabledAt) throw new AppError('mfa_not_enabled');
    return factor;
  }

  return {
    async status(actor: Actor) {
      const factor = await findFactor(db, actor.accountId!);
      return {
        enabled: !!factor?.enabledAt,
        enabledAt: factor?.enabledAt ?? null,
        pending: !!factor && !factor.enabledAt,
        required: required(actor),
        recoveryCodesLeft: factor?.enabledAt ? await unusedRecoveryCodes(db, actor.accountId!) : 0,
      };
    },

    /** Step 1: a new secret, shown once as a QR code and as text for manual entry. */
    async startEnrollment(actor: Actor) {
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        const existing = await findFactor(tx, actor.accountId!);
        if (existing?.enabledAt) throw new AppError('mfa_already_enabled');
        await startFactor(tx, actor.accountId!, crypto.encrypt(secret));
        await audit.record(tx, actor, { action: 'mfa.enrollment_started', entity: 'account', entityId: actor.accountId });
      });
      const uri = otpauthUri(actor.username, secret);
      return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
    },

    /** Step 2: the first code turns the factor on; recovery codes are shown once; a new session replaces all others. */
    async confirmEnrollment(actor: Actor, code: string) {
      return db.transaction(async (tx) => {
        const factor = await findFactor(tx, actor.accountId!);
        if (!factor) throw new AppError('mfa_not_enabled');
        if (factor.enabledAt) throw new AppError('mfa_already_enabled');
        if (!(await acceptTotp(tx, crypto, factor, code))) throw wrongCode();
        if (!(await enableFactor(tx, actor.accountId!))) throw new AppError('mfa_already_enabled');
        const recoveryCodes = await replaceRecoveryCodes(tx, crypto, actor.accountId!);
        const ended = await revokeAccountSessions(tx, actor.accountId!);
        const session = await createSession(tx, actor.accountId!, policy, { ip: actor.ip, userAgent: null });
        await audit.record(tx, actor, { action: 'mfa.enabled', entity: 'account', entityId: actor.accountId, changes: { sessionsEnded: ended } });
        return { recoveryCodes, session };
      });
    },

    async regenerateRecoveryCodes(actor: Actor, code: string) {
      const factor = await enabledFactor(actor);
      return db.transaction(async (tx) => {
        if (!(await acceptTotp(tx, crypto, factor, code))) throw wrongCode();
        const recoveryCodes = await replaceRecoveryCodes(tx, crypto, actor.accountId!);
        await audit.record(tx, actor, { action: 'mfa.recovery_codes_replaced', entity: 'account', entityId: actor.accountId });
        return { recoveryCodes };
      });
    },

    async disable(actor: Actor, code: string): Promise<void> {
      if (required(actor)) throw new AppError('mfa_required_for_role');
      const factor = await enabledFactor(actor);
      await db.transaction(async (tx) => {
        if (!(await acceptTotp(tx, crypto, factor, code))) throw wrongCode();
        await removeFactor(tx, actor.accountId!);
        await audit.record(tx, actor, { action: 'mfa.disabled', entity: 'account', entityId: actor.accountId });
      });
    },

    /** The security admin clears a lost factor: the account signs in with its password and enrolls again. */
    async reset(actor: Actor, accountId: string): Promise<void> {
      await deps.accounts.get(actor, accountId); // 404 outside the admin's scope
      await db.transaction(async (tx) => {
        if (!(await removeFactor(tx, accountId))) throw new AppError('mfa_not_enabled');
        const ended = await revokeAccountSessions(tx, accountId);
        await audit.record(tx, actor, { action: 'mfa.reset', entity: 'account', entityId: accountId, changes: { sessionsEnded: ended } });
      });
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
