/**
 * Resident app accounts, two ways in:
 * - Staff create the account from the resident record; the resident receives a one-time
 *   activation code (printed on the contact card) and sets their own password with it.
 * - A resident registers with a mobile number and an SMS code, and is matched to their record by
 *   ID number and name before the app shows anything of their household.
 * Either way the account holds the `resident` role at the community and points at the record.
 */
import { randomInt } from 'node:crypto';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/password';
import { newId } from '../../platform/db/columns';
import { maskPhone } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { placesMessages } from './places.messages';
import { phoneIndexValue } from './places.checks';
import { residentAccountsRepository as repo } from './resident-accounts.repository';
import { residentsRepository } from './residents.repository';

/** Where verification codes go: an SMS gateway adapter in production; the server log in demo mode. */
export interface VerificationChannel {
  name: string;
  send(phone: string, text: string, code: string): Promise<void>;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ACTIVATION_DAYS = 30;
const SMS_CODE_MINUTES = 10;
const SMS_MAX_ATTEMPTS = 5;

const activationCode = () => {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
};
const normalCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const passwordError = (password: string, username: string) => {
  const problem = checkPasswordPolicy(password, username);
  return problem ? new AppError('validation_failed', [{ field: 'body.password', code: `password_${problem}`, message: `password_${problem}` }]) : null;
};

export function createResidentAccountsService(ctx: AppContext, deps: { channel?: VerificationChannel } = {}) {
  const { db, audit, crypto, log, config } = ctx;
  const logChannel: VerificationChannel = {
    name: 'log',
    // Demo mode only: the code appears in the server log so a tester can register without SMS.
    send: async (phone, _text, code) => log.info(`verification code for ${maskPhone(phone)}: ${code} (demo mode, not sent)`),
  };
  const channel = () => deps.channel ?? (config.demo ? logChannel : null);
  const anonymous = (ip: string | null): Actor => ({ kind: 'account', accountId: null, username: 'anonymous', displayName: 'anonymous', sessionId: null, residentId: null, grants: [], ip, requestId: null });

  async function uniqueUsername(): Promise<string> {
    for (;;) {
      const candidate = `jm${randomInt(10_000_000, 99_999_999)}`;
      if (!(await repo.usernameTaken(db, candidate))) return candidate;
    }
  }

  return {
    /** Creates (or re-issues the code of) the app account of a resident. */
    async issue(actor: Actor, residentId: string, input: { username?: string }) {
      const username = input.username ?? (await uniqueUsername());
      const unusable = await hashPassword(crypto.token(32));
      return db.transaction(async (tx) => {
        const found = await residentsRepository.find(tx, actor, 'resident_account.manage', residentId);
        if (!found || found.resident.status !== 'active') throw new AppError('not_found');
        // One account per resident, even when two staff click at once.
        await residentsRepository.lock(tx, residentId);
        const existing = await repo.accountOfResident(tx, residentId);
        if (existing?.activated) throw new AppError('resident_account_exists');
        let accountId = existing?.id;
        if (!existing) {
          if (await repo.usernameTaken(tx, username)) throw new AppError('already_exists', [{ field: 'body.username', code: 'username_taken', message: 'username_taken' }]);
          accountId = newId();
          await repo.createResidentAccount(tx, { id: accountId, username, displayName: found.resident.name, passwordHash: unusable, residentId, communityId: found.resident.communityId, createdBy: actor.accountId });
        } else {
          await repo.revokePendingCodes(tx, existing.id);
        }
        const code = activationCode();
        const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000);
        await repo.insertCode(tx, { communityId: found.resident.communityId, residentId, accountId: accountId!, codeIdx: crypto.blindIndex('activation', normalCode(code)), codeEnc: crypto.encrypt(code), expiresAt, createdBy: actor.accountId });
        await audit.record(tx, actor, { action: existing ? 'resident_account.reissue' : 'resident_account.create', entity: 'account', entityId: accountId, communityId: found.resident.communityId, changes: { residentId, username: existing?.username ?? username } });
        return { accountId: accountId!, username: existing?.username ?? username, code, expiresAt };
      });
    },

    /** The resident sets their password with the one-time code; a code works once. */
    async activate(input: { username: string; code: string; password: string }, ip: string | null): Promise<void> {
      const problem = passwordError(input.password, input.username);
      if (problem) throw problem;
      const passwordHash = await hashPassword(input.password);
      const invalid = new AppError('validation_failed', [{ field: 'body.code', code: 'activation_invalid', message: 'activation_invalid' }]);
      await db.transaction(async (tx) => {
        const acc = await repo.findAccountByUsername(tx, input.username);
        if (!acc?.residentId) throw invalid;
        if (!(await repo.useCode(tx, acc.id, crypto.blindIndex('activation', normalCode(input.code))))) throw invalid;
        await repo.setPassword(tx, acc.id, passwordHash);
        await audit.record(tx, { ...anonymous(ip), accountId: acc.id, username: acc.username }, { action: 'resident_account.activate', entity: 'account', entityId: acc.id });
      });
    },

    /** Sends a six-digit code to a mobile (at most one a minute and five an hour per number, twenty an hour per address). */
    async requestCode(phone: string, ip: string | null): Promise<{ sent: true; expiresInSeconds: number }> {
      const ch = channel();
      if (!ch) throw new AppError('service_unavailable');
      const phoneIdx = crypto.blindIndex('phone', phoneIndexValue(phone));
      const recent = await repo.recentCodes(db, phoneIdx, ip);
      if (recent.last_minute > 0 || recent.phone_hour >= 5 || recent.ip_hour >= 20) throw new AppError('rate_limited');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await repo.insertVerification(db, { phoneIdx, codeHash: crypto.blindIndex('sms_code', `${phoneIdx}:${code}`), expiresAt: new Date(Date.now() + SMS_CODE_MINUTES * 60_000), ip });
      await ch.send(phone, placesMessages.verificationSms(code), code);
      return { sent: true, expiresInSeconds: SMS_CODE_MINUTES * 60 };
    },

    /** Registers after the SMS code checks out and the ID number and name match exactly one resident record. */
    async register(input: { phone: string; code: string; name: string; idNumber: string; username: string; password: string }, ip: string | null): Promise<{ username: string }> {
      const problem = passwordError(input.password, input.username);
      if (problem) throw problem;
      const passwordHash = await hashPassword(input.password);
      const phoneIdx = crypto.blindIndex('phone', phoneIndexValue(input.phone));
      const badCode = new AppError('validation_failed', [{ field: 'body.code', code: 'verification_invalid', message: 'verification_invalid' }]);
      const pending = await repo.latestVerification(db, phoneIdx);
      if (!pending || pending.expiresAt < new Date() || pending.attempts >= SMS_MAX_ATTEMPTS) throw badCode;
      if (pending.codeHash !== crypto.blindIndex('sms_code', `${phoneIdx}:${input.code}`)) {
        await repo.countAttempt(db, pending.id);
        throw badCode;
      }
      // A failed match costs an attempt too, so one code cannot be used to try many ID numbers.
      const matches = (await repo.residentsByIdNumber(db, crypto.blindIndex('id_number', input.idNumber))).filter((r) => r.name === input.name);
      if (matches.length !== 1) {
        await repo.countAttempt(db, pending.id);
        throw new AppError('registration_unmatched');
      }
      const match = matches[0]!;
      return db.transaction(async (tx) => {
        if (!(await repo.consumeVerification(tx, pending.id))) throw badCode;
        await residentsRepository.lock(tx, match.id);
        if (await repo.accountOfResident(tx, match.id)) throw new AppError('resident_account_exists');
        if (await repo.usernameTaken(tx, input.username)) throw new AppError('already_exists', [{ field: 'body.username', code: 'username_taken', message: 'username_taken' }]);
        const id = newId();
        await repo.createResidentAccount(tx, { id, username: input.username, displayName: match.name, passwordHash, residentId: match.id, communityId: match.communityId, createdBy: null });
        await audit.record(tx, { ...anonymous(ip), accountId: id, username: input.username }, { action: 'resident_account.register', entity: 'account', entityId: id, communityId: match.communityId, changes: { residentId: match.id, phone: maskPhone(input.phone) } });
        return { username: input.username };
      });
    },

    /** Pending codes of a household's members, decrypted for printing on its contact card. */
    async pendingCodes(householdId: string) {
      const list = await repo.pendingCodesOfHousehold(db, householdId);
      return list.map((c) => ({ residentName: c.residentName, username: c.username, code: crypto.decrypt(c.codeEnc), expiresAt: c.expiresAt }));
    },
  };
}

export type ResidentAccountsService = ReturnType<typeof createResidentAccountsService>;
