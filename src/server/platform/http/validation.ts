/**
 * Request validation with zod. Unlike the stock compiler, issues keep their input so that the
 * error handler can localize every message per request (zod's own zh-CN and en locales), and
 * messages of our own refinements are looked up in `fieldMessages`.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { en, zhCN } from 'zod/locales';
import type { FieldIssue } from '../errors';
import type { Locale } from '../i18n';

export class RequestValidationError extends Error {
  constructor(readonly issues: $ZodIssue[]) {
    super('validation_failed');
    this.name = 'RequestValidationError';
  }
}

export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };

/**
 * Messages for custom refinements: a refinement says `{ message: 'id_number_checksum' }` and the
 * user reads the sentence in their language.
 */
export const fieldMessages: Record<string, Record<Locale, string>> = {
  required: { 'zh-CN': '此项必填', 'en-US': 'Required' },
  id_number_format: { 'zh-CN': '身份证号码应为18位', 'en-US': 'An ID number has 18 characters' },
  id_number_checksum: { 'zh-CN': '身份证号码校验位不正确', 'en-US': 'The ID number check digit is wrong' },
  id_number_birth_date: { 'zh-CN': '身份证号码中的出生日期无效', 'en-US': 'The birth date inside the ID number is invalid' },
  id_number_region: { 'zh-CN': '身份证号码的地区码无效', 'en-US': 'The region code of the ID number is invalid' },
  phone_format: { 'zh-CN': '请输入有效的手机号或固定电话', 'en-US': 'Enter a valid mobile or landline number' },
  password_too_short: { 'zh-CN': '密码至少10位', 'en-US': 'The password needs at least 10 characters' },
  password_too_long: { 'zh-CN': '密码不能超过128位', 'en-US': 'The password may have at most 128 characters' },
  password_too_few_classes: { 'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少三类', 'en-US': 'Use at least three of: upper case, lower case, digits, symbols' },
  password_contains_username: { 'zh-CN': '密码不能包含用户名', 'en-US': 'The password must not contain the username' },
  password_too_common: { 'zh-CN': '密码过于常见，请换一个', 'en-US': 'This password is too common' },
  username_format: { 'zh-CN': '用户名为3-32位小写字母、数字或 . _ -', 'en-US': 'Usernames have 3–32 lower-case letters, digits or . _ -' },
  time_range: { 'zh-CN': '结束时间须晚于开始时间', 'en-US': 'The end must be after the start' },
  cursor_invalid: { 'zh-CN': '分页游标无效', 'en-US': 'Invalid page cursor' },
  idempotency_key_format: { 'zh-CN': '幂等键须为1-200位可见字符', 'en-US': 'Idempotency-Key must be 1–200 visible characters' },
  uuid: { 'zh-CN': '编号格式不正确', 'en-US': 'Invalid id' },
  username_taken: { 'zh-CN': '该用户名已被使用', 'en-US': 'This username is taken' },
  cannot_disable_self: { 'zh-CN': '不能停用自己的账号', 'en-US': 'You cannot disable your own account' },
  invalid_child_kind: { 'zh-CN': '上级组织下不能建立这一类组织', 'en-US': 'This kind of unit cannot be created under that parent' },
  unknown_role: { 'zh-CN': '角色不存在', 'en-US': 'Unknown role' },
};

const zodLocales = { 'zh-CN': zhCN(), 'en-US': en() };

function joinPath(context: string | undefined, path: readonly PropertyKey[]): string {
  return [context, ...path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
}

/** One entry per failing field; unknown keys produce one entry per key (so each is named). */
export function localizeIssues(issues: readonly $ZodIssue[], context: string | undefined, locale: Locale): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          field: joinPath(context, [...issue.path, key]),
          code: 'unrecognized_key',
          message: locale === 'zh-CN' ? '不允许的字段' : 'Unknown field',
        });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
      out.push({ field: joinPath(context, issue.path), code: 'required', message: fieldMessages.required![locale] });
      continue;
    }
    const own = issue.message && fieldMessages[issue.message];
    let message = own ? own[locale] : (zodLocales[locale].localeError(issue as never) as string | { message: string } | undefined);
    if (typeof message === 'object' && message) message = message.message;
    out.push({
      field: joinPath(context, issue.path),
      code: own ? issue.message : issue.code,
      message: message || issue.message,
    });
  }
  return out;
}
