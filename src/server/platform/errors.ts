/**
 * Errors are values with codes. Services throw `AppError(code, details?)`; the one error handler
 * (platform/http/error-handler.ts) maps the code to an HTTP status and a localized message.
 * Services never throw HTTP numbers or Chinese text.
 */
import type { Locale } from './i18n';

interface ErrorSpec {
  status: number;
  'zh-CN': string;
  'en-US': string;
}

export const errorCatalog = {
  validation_failed: { status: 400, 'zh-CN': '提交的内容有误，请检查标出的字段', 'en-US': 'The request is invalid; see the fields listed' },
  unauthenticated: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  invalid_credentials: { status: 401, 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  session_expired: { status: 401, 'zh-CN': '登录已过期，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  forbidden: { status: 403, 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  csrf_rejected: { status: 403, 'zh-CN': '请求来源不被信任', 'en-US': 'The request origin is not trusted' },
  not_found: { status: 404, 'zh-CN': '未找到该记录', 'en-US': 'Not found' },
  method_not_allowed: { status: 405, 'zh-CN': '不支持该请求方法', 'en-US': 'Method not allowed' },
  version_conflict: { status: 409, 'zh-CN': '该记录已被他人修改，请刷新后再试', 'en-US': 'Someone else changed this record; reload and try again' },
  already_exists: { status: 409, 'zh-CN': '记录已存在', 'en-US': 'This record already exists' },
  separation_of_duties: { status: 409, 'zh-CN': '系统管理员、安全管理员、审计管理员不能由同一账号兼任', 'en-US': 'One account cannot hold two of the system, security and audit administrator roles' },
  idempotency_in_flight: { status: 409, 'zh-CN': '相同的请求正在处理中，请稍候', 'en-US': 'The same request is still being processed' },
  invalid_transition: { status: 409, 'zh-CN': '当前状态下不能执行该操作', 'en-US': 'This action is not allowed in the current state' },
  capacity_full: { status: 409, 'zh-CN': '名额已满', 'en-US': 'No places left' },
  conflict: { status: 409, 'zh-CN': '操作与现有数据冲突', 'en-US': 'The action conflicts with existing data' },
  payload_too_large: { status: 413, 'zh-CN': '提交的内容过大', 'en-US': 'The request body is too large' },
  unsupported_media_type: { status: 415, 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  idempotency_mismatch: { status: 422, 'zh-CN': '同一幂等键不能用于不同的请求内容', 'en-US': 'This Idempotency-Key was used with a different request' },
  unprocessable: { status: 422, 'zh-CN': '无法处理该请求', 'en-US': 'The request cannot be processed' },
  account_locked: { status: 423, 'zh-CN': '账号因多次登录失败已被临时锁定，请稍后再试', 'en-US': 'The account is temporarily locked after repeated failed sign-ins' },
  rate_limited: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' },
  internal_error: { status: 500, 'zh-CN': '服务器内部错误，请稍后再试', 'en-US': 'Internal error; please try again later' },
  service_unavailable: { status: 503, 'zh-CN': '服务暂时不可用，请稍后再试', 'en-US': 'The service is temporarily unavailable; try again shortly' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorCatalog[code][locale];
}

export const notFound = (): AppError => new AppError('not_found');

/** Field-level detail used by validation errors: `{ field: 'body.username', code, message }`. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}
