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
  invalid_mfa_code: { status: 401, 'zh-CN': '验证码不正确或已使用过', 'en-US': 'The code is wrong or has been used already' },
  mfa_challenge_expired: { status: 401, 'zh-CN': '登录验证已失效，请重新输入用户名和密码', 'en-US': 'This sign-in step has expired; enter your username and password again' },
  mfa_enrollment_required: { status: 403, 'zh-CN': '您的账号须先启用两步验证才能继续使用', 'en-US': 'Set up two-step verification before you continue' },
  password_expired: { status: 403, 'zh-CN': '密码已过期，请先修改密码', 'en-US': 'Your password has expired; change it first' },
  mfa_already_enabled: { status: 409, 'zh-CN': '两步验证已经启用', 'en-US': 'Two-step verification is already on' },
  mfa_not_enabled: { status: 409, 'zh-CN': '两步验证尚未启用', 'en-US': 'Two-step verification is not on' },
  mfa_required_for_role: { status: 409, 'zh-CN': '您的角色必须使用两步验证，不能关闭', 'en-US': 'Your role requires two-step verification; it cannot be turned off' },
  resident_link_required: { status: 403, 'zh-CN': '您的账号尚未与居民信息关联，请联系社区', 'en-US': 'Your account is not linked to a resident record yet; contact your community' },
  guardian_required: { status: 403, 'zh-CN': '未满14周岁的居民须由监护人代为操作', 'en-US': 'A guardian must act for a resident under 14' },
  consent_required: { status: 403, 'zh-CN': '此项需要您的单独同意', 'en-US': 'This needs your separate consent' },
  booking_conflict: { status: 409, 'zh-CN': '该时段已被预约，请选择其他时间', 'en-US': 'This time slot is already booked; choose another time' },
  outside_opening_hours: { status: 422, 'zh-CN': '预约时间不在功能室的开放时间内', 'en-US': 'The time is outside the room’s opening hours' },
  booking_in_past: { status: 422, 'zh-CN': '不能预约已经过去的时间', 'en-US': 'A time in the past cannot be booked' },
  venue_not_bookable: { status: 403, 'zh-CN': '该功能室暂不对您开放预约', 'en-US': 'This room cannot be booked by you' },
  enrollment_not_open: { status: 409, 'zh-CN': '报名尚未开始', 'en-US': 'Enrollment has not opened yet' },
  enrollment_closed: { status: 409, 'zh-CN': '报名已截止', 'en-US': 'Enrollment has closed' },
  already_enrolled: { status: 409, 'zh-CN': '已报名该课程（或已在候补名单中）', 'en-US': 'Already enrolled in this course (or on its waitlist)' },
  age_requirement_not_met: { status: 422, 'zh-CN': '年龄不符合该课程的报名要求', 'en-US': 'The age does not meet the course’s requirement' },
  tag_requirement_not_met: { status: 422, 'zh-CN': '不符合该课程的报名条件', 'en-US': 'The course is open only to certain groups of residents' },
  already_signed_up: { status: 409, 'zh-CN': '已报名该活动', 'en-US': 'Already signed up for this event' },
  order_cutoff_passed: { status: 409, 'zh-CN': '该餐次订餐已截止', 'en-US': 'Orders for this meal have closed' },
  subsidy_already_claimed: { status: 409, 'zh-CN': '本餐次已享受过一次助餐补贴', 'en-US': 'A meal subsidy was already claimed for this sitting' },
  subsidy_not_eligible: { status: 422, 'zh-CN': '不符合助餐补贴条件', 'en-US': 'Not eligible for a meal subsidy' },
  survey_not_allowed: { status: 422, 'zh-CN': '参加活动或课程后才能评价', 'en-US': 'Only participants can rate an event or course' },
  volunteer_already_registered: { status: 409, 'zh-CN': '已经注册为本社区志愿者（或正在审核中）', 'en-US': 'Already registered as a volunteer of this community (or under review)' },
  volunteer_not_approved: { status: 403, 'zh-CN': '志愿者注册尚未通过审核', 'en-US': 'The volunteer registration has not been approved' },
  activity_not_open: { status: 409, 'zh-CN': '该活动当前不可报名或签到', 'en-US': 'This activity is not open for this right now' },
  requirements_not_met: { status: 422, 'zh-CN': '不符合该活动的报名要求', 'en-US': 'The activity’s requirements are not met' },
  signup_overlap: { status: 409, 'zh-CN': '与您已报名的其他活动时间冲突', 'en-US': 'This overlaps another activity you signed up for' },
  cancel_cutoff_passed: { status: 409, 'zh-CN': '已过取消报名的截止时间，请联系组织者', 'en-US': 'It is too late to cancel; contact the organizer' },
  capacity_below_signed_up: { status: 409, 'zh-CN': '名额不能少于已报名人数', 'en-US': 'Capacity cannot be below the number signed up' },
  qr_code_invalid: { status: 422, 'zh-CN': '签到码无效，请扫描组织者手机上的最新二维码', 'en-US': 'Invalid code; scan the current code on the organizer’s phone' },
  qr_code_expired: { status: 422, 'zh-CN': '签到码已过期，请扫描最新的二维码', 'en-US': 'The code has expired; scan the current one' },
  qr_code_other_activity: { status: 422, 'zh-CN': '这是其他活动的签到码', 'en-US': 'This code belongs to another activity' },
  not_signed_up: { status: 409, 'zh-CN': '您未报名该活动（或仍在候补）', 'en-US': 'You are not signed up for this activity (or still waitlisted)' },
  not_checked_in: { status: 409, 'zh-CN': '尚未签到，不能签退', 'en-US': 'Not checked in yet; cannot check out' },
  already_checked_in: { status: 409, 'zh-CN': '已经签到过了', 'en-US': 'Already checked in' },
  already_checked_out: { status: 409, 'zh-CN': '已经签退过了', 'en-US': 'Already checked out' },
  not_checked_out: { status: 409, 'zh-CN': '尚未签退，请填写时长并说明原因', 'en-US': 'Not checked out; enter the hours and a reason' },
  hours_already_confirmed: { status: 409, 'zh-CN': '服务时长已确认，不能再修改', 'en-US': 'These hours are already confirmed' },
  no_confirmed_hours: { status: 409, 'zh-CN': '还没有已确认的服务时长', 'en-US': 'There are no confirmed service hours yet' },
  pdf_font_missing: { status: 503, 'zh-CN': '服务器缺少中文字体，暂时无法生成证书（需安装 fonts-noto-cjk）', 'en-US': 'The server lacks a CJK font and cannot print certificates (install fonts-noto-cjk)' },
  not_party_member: { status: 403, 'zh-CN': '您不是本社区在册或已报到的党员', 'en-US': 'You are not a party member of this community' },
  checkin_closed: { status: 409, 'zh-CN': '不在签到时间内', 'en-US': 'Check-in is not open now' },
  evaluation_closed: { status: 409, 'zh-CN': '本轮测评不在进行中', 'en-US': 'This evaluation round is not open' },
  evaluation_open: { status: 409, 'zh-CN': '测评结束后才能查看结果', 'en-US': 'Results are available once the round has closed' },
  already_claimed: { status: 409, 'zh-CN': '该心愿已被他人认领', 'en-US': 'Someone else has already claimed this wish' },
  own_wish: { status: 409, 'zh-CN': '不能认领自己的心愿', 'en-US': 'You cannot claim your own wish' },
  own_submission: { status: 409, 'zh-CN': '不能审核自己提交的申请', 'en-US': 'You cannot review an application you submitted' },
  documents_required: { status: 422, 'zh-CN': '请先上传申请材料再提交', 'en-US': 'Attach the application documents before submitting' },
  notice_period_running: { status: 409, 'zh-CN': '公示期（7天）未满，暂不能报街道审核', 'en-US': 'The 7-day public notice is still running' },
  already_handed_over: { status: 409, 'zh-CN': '该户本次慰问已登记发放', 'en-US': 'This household has already received this consolation' },
  not_a_care_household: { status: 409, 'zh-CN': '只有建档的困难家庭可以发布微心愿', 'en-US': 'Only households with a care file can post micro-wishes' },
  import_invalid: { status: 422, 'zh-CN': '导入文件有错误，未写入任何数据，请按报告修改后重新导入', 'en-US': 'The file has errors; nothing was written. Fix the rows listed and import again' },
  registration_unmatched: { status: 422, 'zh-CN': '未找到与您信息匹配的居民登记，请联系社区', 'en-US': 'No resident record matches your details; contact your community' },
  resident_account_exists: { status: 409, 'zh-CN': '该居民已开通账号', 'en-US': 'This resident already has an account' },
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
