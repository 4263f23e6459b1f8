/** Shapes of resident app accounts: staff-issued activation codes and self-registration by phone. */
import { z } from 'zod';
import { Username } from '../accounts/accounts.schemas';
import { IdNumber } from './residents.schemas';
import { normalizePhone } from './places.checks';

/** Verification codes go to mobiles only. */
export const MobilePhone = z
  .string()
  .trim()
  .max(20)
  .refine((v) => /^1\d{10}$/.test(normalizePhone(v) ?? ''), { message: 'phone_format' })
  .transform((v) => normalizePhone(v)!);

export const IssueAccountBody = z.strictObject({ username: Username.optional() });
export const IssuedAccountView = z.object({ accountId: z.string(), username: z.string(), code: z.string(), expiresAt: z.date() });

export const ActivateBody = z.strictObject({
  username: Username,
  code: z.string().trim().min(8).max(12),
  password: z.string().min(1).max(256),
});

export const RequestCodeBody = z.strictObject({ phone: MobilePhone });
export const RequestCodeView = z.object({ sent: z.literal(true), expiresInSeconds: z.number().int() });

export const RegisterBody = z.strictObject({
  phone: MobilePhone,
  code: z.string().trim().regex(/^\d{6}$/, { message: 'verification_invalid' }),
  name: z.string().trim().min(1).max(50),
  idNumber: IdNumber,
  username: Username,
  password: z.string().min(1).max(256),
});
export const RegisteredView = z.object({ username: z.string() });

/** The signed-in resident's household card: their grid workers, hotline and family. */
export const MyHouseholdView = z.object({
  communityName: z.string(),
  communityPhone: z.string().nullable(),
  address: z.string(),
  gridName: z.string().nullable(),
  primary: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  backup: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  leader: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  buildingHead: z.string().nullable(),
  property: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  reportUrl: z.string(),
  members: z.array(z.object({ name: z.string(), relationToHead: z.string().nullable() })),
});
