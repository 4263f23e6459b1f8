import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';

// ---- MFA --------------------------------------------------------------------------------------

export const TotpCodeBody = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, { message: 'mfa_code_format' }) });

export const MfaStatusView = z.object({
  enabled: z.boolean(),
  enabledAt: z.date().nullable(),
  /** An enrollment was started and waits for its first code. */
  pending: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const MfaEnrollmentView = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** PNG data URL of the otpauth URI, for scanning. */
  qrDataUrl: z.string(),
});

export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

// ---- privacy: correction requests -------------------------------------------------------------

export const privacyRequestKind = z.enum(['correction', 'deletion']);
export const privacyRequestField = z.enum(['name', 'gender', 'birthDate', 'phone', 'idNumber', 'address', 'household', 'tags', 'other']);
export const privacyRequestStatus = z.enum(['pending', 'resolved', 'rejected']);

export const CreatePrivacyRequestBody = z.strictObject({
  kind: privacyRequestKind.default('correction'),
  field: privacyRequestField,
  /** What it should say (omitted for a deletion). */
  value: z.string().trim().max(200).optional(),
  reason: z.string().trim().max(500).default(''),
});

export const PrivacyRequestView = z.object({
  id: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  kind: privacyRequestKind,
  field: privacyRequestField,
  /** Masked for ID numbers and phones except in the audited detail view. */
  value: z.string().nullable(),
  reason: z.string(),
  status: privacyRequestStatus,
  responseNote: z.string().nullable(),
  handledAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});

export const PrivacyRequestListQuery = z.strictObject({ ...pageQuery, status: privacyRequestStatus.optional(), communityId: Uuid.optional() });

export const HandlePrivacyRequestBody = z.strictObject({ version: z.number().int().min(1), note: z.string().trim().max(500).default('') });

// ---- privacy: consent -------------------------------------------------------------------------

export const consentPurpose = z.enum(['health_info', 'photo', 'location', 'special_groups']);

export const GrantConsentBody = z.strictObject({
  purpose: consentPurpose,
  noticeVersion: z.string().trim().min(1).max(20),
  /** A guardian consents for a minor in their care. */
  residentId: Uuid.optional(),
});

export const WithdrawConsentBody = z.strictObject({ residentId: Uuid.optional() });
export const ConsentPurposeParams = z.strictObject({ purpose: consentPurpose });
export const ConsentListQuery = z.strictObject({ residentId: Uuid.optional() });

export const ConsentView = z.object({
  purpose: consentPurpose,
  /** The version of the notice currently shown. */
  noticeVersion: z.string(),
  granted: z.boolean(),
  grantedAt: z.date().nullable(),
  grantedNoticeVersion: z.string().nullable(),
  /** Consent was given to an older notice: ask again. */
  outdated: z.boolean(),
  history: z.array(z.object({ noticeVersion: z.string(), grantedAt: z.date(), withdrawnAt: z.date().nullable() })),
});

// ---- privacy: guardians -----------------------------------------------------------------------

export const CreateGuardianLinkBody = z.strictObject({
  minorResidentId: Uuid,
  guardianAccountId: Uuid,
  relation: z.string().trim().min(1).max(20),
});

export const GuardianLinkListQuery = z.strictObject({ minorResidentId: Uuid.optional() });

export const GuardianLinkView = z.object({
  id: z.string(),
  communityId: z.string(),
  minorResidentId: z.string(),
  minorName: z.string(),
  guardianAccountId: z.string(),
  guardianName: z.string(),
  relation: z.string(),
  createdAt: z.date(),
});

export const GuardianCandidateQuery = z.strictObject({ minorResidentId: Uuid, q: z.string().trim().max(50).optional() });

export const GuardianCandidateView = z.object({ accountId: z.string(), displayName: z.string(), residentName: z.string(), sameHousehold: z.boolean() });

export const WardView = z.object({ residentId: z.string(), name: z.string(), relation: z.string(), birthDate: z.string().nullable() });

// ---- privacy: my data -------------------------------------------------------------------------

export const MyDataView = z.object({
  generatedAt: z.date(),
  account: z.object({
    username: z.string(),
    displayName: z.string(),
    createdAt: z.date(),
    lastLoginAt: z.date().nullable(),
    mfaEnabled: z.boolean(),
    preferences: z.record(z.string(), z.unknown()),
  }),
  resident: z
    .object({
      id: z.string(),
      name: z.string(),
      gender: z.string(),
      birthDate: z.string().nullable(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      ethnicity: z.string().nullable(),
      politicalStatus: z.string().nullable(),
      residency: z.string(),
      tags: z.array(z.string()),
      status: z.string(),
      relationToHead: z.string().nullable(),
      community: z.string(),
      address: z.string().nullable(),
    })
    .nullable(),
  consents: z.array(ConsentView),
  correctionRequests: z.array(PrivacyRequestView),
  guardians: z.array(z.object({ name: z.string(), relation: z.string() })),
  sessions: z.array(z.object({ createdAt: z.date(), lastSeenAt: z.date(), ip: z.string().nullable(), userAgent: z.string().nullable() })),
  /** Who did what with this person's records (from the audit log), newest first. */
  accessLog: z.array(z.object({ at: z.date(), actor: z.string().nullable(), action: z.string() })),
});

// ---- retention --------------------------------------------------------------------------------

export const RetentionPolicyView = z.object({
  recordKind: z.string(),
  retainDays: z.number().int(),
  enabled: z.boolean(),
  action: z.enum(['delete', 'anonymize']),
  version: z.number().int(),
  updatedAt: z.date(),
});

export const RetentionKindParams = z.strictObject({ kind: z.string().regex(/^[a-z_]{1,40}$/) });

export const UpdateRetentionPolicyBody = z.strictObject({
  version: z.number().int().min(1),
  retainDays: z.number().int().min(1).max(36_500).optional(),
  enabled: z.boolean().optional(),
});

export const RetentionRunView = z.object({
  id: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  results: z.record(z.string(), z.number()),
  triggeredBy: z.string(),
});

// ---- alerts -----------------------------------------------------------------------------------

export const securityAlertKind = z.enum(['bulk_reveal', 'bulk_export']);

export const SecurityAlertListQuery = z.strictObject({ ...pageQuery, status: z.enum(['open', 'acknowledged']).optional(), kind: securityAlertKind.optional() });

export const SecurityAlertView = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  kind: securityAlertKind,
  windowStart: z.date(),
  count: z.number().int(),
  threshold: z.number().int(),
  status: z.enum(['open', 'acknowledged']),
  note: z.string().nullable(),
  acknowledgedAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});

export const AcknowledgeAlertBody = z.strictObject({ version: z.number().int().min(1), note: z.string().trim().max(500).default('') });

export const AlertScanView = z.object({ created: z.number().int(), updated: z.number().int() });
