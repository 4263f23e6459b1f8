import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Second step of a sign-in: the challenge from the first step and a TOTP code or a recovery code. */
export const MfaLoginBody = z.strictObject({
  challenge: z.string().min(20).max(100),
  code: z.string().trim().min(6).max(20).regex(/^[0-9A-Za-z-]+$/, { message: 'mfa_code_format' }),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const RoleView = z.object({ role: z.string(), orgId: z.string(), orgName: z.string(), orgKind: z.string() });

export const Preferences = z.strictObject({
  language: z.enum(['zh-CN', 'en-US']).optional(),
  elderlyMode: z.boolean().optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const SessionRestriction = z.enum(['mfa_enrollment', 'password_change']);

export const MeView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  residentId: z.string().nullable(),
  roles: z.array(RoleView),
  permissions: z.array(z.string()),
  preferences: z.object({ language: z.enum(['zh-CN', 'en-US']).optional(), elderlyMode: z.boolean().optional() }),
  /** Second factor: on, and whether this account must have it (roles that reveal, export or administer, in production). */
  mfa: z.object({ enabled: z.boolean(), required: z.boolean() }),
  /** Set when this session may only enroll MFA or change an expired password. */
  restriction: SessionRestriction.nullable(),
});
export type MeView = z.infer<typeof MeView>;

/** The first step's answer for an account with MFA: no session yet, a short-lived single-use challenge. */
export const MfaChallengeView = z.object({
  mfaRequired: z.literal(true),
  challenge: z.string(),
  expiresAt: z.date(),
});

export const LoginResult = z.union([MeView, MfaChallengeView]);

export const SessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
