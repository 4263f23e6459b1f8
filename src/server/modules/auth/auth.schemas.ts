import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const RoleView = z.object({ role: z.string(), orgId: z.string(), orgName: z.string(), orgKind: z.string() });

export const Preferences = z.strictObject({
  language: z.enum(['zh-CN', 'en-US']).optional(),
  elderlyMode: z.boolean().optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const MeView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  residentId: z.string().nullable(),
  roles: z.array(RoleView),
  permissions: z.array(z.string()),
  preferences: z.object({ language: z.enum(['zh-CN', 'en-US']).optional(), elderlyMode: z.boolean().optional() }),
});
export type MeView = z.infer<typeof MeView>;

export const SessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
