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
  unknown_building: { 'zh-CN': '楼栋不存在或不属于本社区', 'en-US': 'Unknown building, or not in this community' },
  building_served_by_other_point: { 'zh-CN': '该楼栋已由其他投放点服务', 'en-US': 'This building is already served by another drop point' },
  household_not_served_here: { 'zh-CN': '该户不属于此投放点', 'en-US': 'This household does not use this drop point' },
  sorting_day_not_allowed: { 'zh-CN': '只能记录当天的分类情况', 'en-US': 'Only today can be recorded' },
  issue_only_when_incorrect: { 'zh-CN': '分类正确时不填写问题', 'en-US': 'An issue is only given for incorrect sorting' },
  already_recorded_today: { 'zh-CN': '该户今天已记录', 'en-US': 'This household was already recorded today' },
  reward_already_paid: { 'zh-CN': '奖补已发放，不能再修改', 'en-US': 'The reward was paid; the record can no longer change' },
  reward_day_not_over: { 'zh-CN': '只能结算已结束的日期', 'en-US': 'Only past days can be settled' },
  current_password_wrong: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  password_unchanged: { 'zh-CN': '新密码不能与当前密码相同', 'en-US': 'The new password must differ from the current one' },
  mfa_code_format: { 'zh-CN': '请输入6位数字验证码或恢复码', 'en-US': 'Enter the 6-digit code or a recovery code' },
  mfa_code_wrong: { 'zh-CN': '验证码不正确或已使用过，请输入验证器中的最新验证码', 'en-US': 'The code is wrong or was used already; enter the current one from your authenticator' },
  not_a_minor: { 'zh-CN': '该居民已满18周岁，无需登记监护人', 'en-US': 'This resident is 18 or older and needs no guardian' },
  consent_not_given: { 'zh-CN': '尚未同意此项，无需撤回', 'en-US': 'There is no consent to withdraw' },
  notice_version_outdated: { 'zh-CN': '告知书已更新，请阅读最新版本后再同意', 'en-US': 'The notice has changed; read the current version before agreeing' },
  file_required: { 'zh-CN': '请选择要上传的图片', 'en-US': 'Choose a picture to upload' },
  file_too_large: { 'zh-CN': '图片不能超过10MB', 'en-US': 'A picture may be at most 10 MB' },
  image_type: { 'zh-CN': '只能上传JPEG、PNG或WebP格式的图片', 'en-US': 'Only JPEG, PNG or WebP pictures are accepted' },
  image_unreadable: { 'zh-CN': '图片已损坏或不完整，请重新拍摄', 'en-US': 'The picture is damaged or incomplete; take it again' },
  multipart_required: { 'zh-CN': '请以表单文件方式上传', 'en-US': 'Send the file as multipart/form-data' },
  community_required: { 'zh-CN': '请指明所属社区', 'en-US': 'Say which community this belongs to' },
  upload_not_found: { 'zh-CN': '图片不存在或无权使用', 'en-US': 'A picture does not exist or cannot be used here' },
  category_key: { 'zh-CN': '分类编码为2-40位小写字母、数字或下划线', 'en-US': 'Category keys have 2–40 lower-case letters, digits or _' },
  category_unknown: { 'zh-CN': '该分类不存在或已停用', 'en-US': 'This category does not exist or is no longer used' },
  category_key_taken: { 'zh-CN': '该分类编码已存在', 'en-US': 'This category key is taken' },
  snap_needs_photo: { 'zh-CN': '随手拍至少需要一张照片', 'en-US': 'A snap report needs at least one photo' },
  contact_required: { 'zh-CN': '请填写来电人姓名或电话', 'en-US': 'Give the caller’s name or phone number' },
  building_not_found: { 'zh-CN': '楼栋不存在', 'en-US': 'No such building' },
  resident_not_found: { 'zh-CN': '居民不存在', 'en-US': 'No such resident' },
  assignee_invalid: { 'zh-CN': '该账号不能在本社区办理诉求', 'en-US': 'This account cannot handle tickets in this community' },
  ticket_not_found: { 'zh-CN': '诉求不存在', 'en-US': 'No such ticket' },
  ticket_has_project: { 'zh-CN': '该诉求已转为领办督办项目', 'en-US': 'This ticket already has a project' },
  leader_not_party_member: { 'zh-CN': '领办人须为本社区党员', 'en-US': 'The leader must be a party member of this community' },
  supervisor_invalid: { 'zh-CN': '督办人须为本社区书记或工作人员', 'en-US': 'The supervisor must be the secretary or staff of this community' },
  milestone_not_found: { 'zh-CN': '节点不存在', 'en-US': 'No such milestone' },
  clock_time_format: { 'zh-CN': '时间格式应为 时:分（如 08:30）', 'en-US': 'Use hours:minutes, e.g. 08:30' },
  weekdays_unique: { 'zh-CN': '星期不能重复', 'en-US': 'Each weekday may appear once' },
  month_format: { 'zh-CN': '月份格式应为 年-月（如 2026-10）', 'en-US': 'Use year-month, e.g. 2026-10' },
  range_too_long: { 'zh-CN': '查询范围不能超过31天', 'en-US': 'The range may span at most 31 days' },
  venue_capacity_exceeded: { 'zh-CN': '人数超过了功能室的容纳人数', 'en-US': 'More people than the room holds' },
  age_range: { 'zh-CN': '最低年龄不能大于最高年龄', 'en-US': 'The minimum age must not exceed the maximum' },
  too_many_sessions: { 'zh-CN': '课次过多（最多200次），请缩短学期或减少上课日', 'en-US': 'Too many sessions (at most 200); shorten the term or use fewer weekdays' },
  session_not_started: { 'zh-CN': '课程尚未开始，只能登记请假', 'en-US': 'The session has not started; only leave can be recorded' },
  seats_below_orders: { 'zh-CN': '座位数不能少于已订的堂食份数', 'en-US': 'Seats cannot be fewer than the dine-in meals already ordered' },
  no_sessions: { 'zh-CN': '该时间段内没有上课日', 'en-US': 'No class day falls within these dates' },
  not_enrolled: { 'zh-CN': '该居民不是本课程的学员', 'en-US': 'This resident is not enrolled in the course' },
  pickup_only_after_school: { 'zh-CN': '只有四点半学校记录接送', 'en-US': 'Pick-ups are recorded for the 4:30 school only' },
  subsidy_discount: { 'zh-CN': '固定金额补贴须填写金额，比例补贴须填写1-100的比例', 'en-US': 'A fixed subsidy needs an amount; a percentage one needs 1–100' },
  subsidy_criterion: { 'zh-CN': '请设置年龄或人群条件', 'en-US': 'Give an age or a group condition' },
  activity_too_long: { 'zh-CN': '一次活动不能超过24小时', 'en-US': 'An activity may last at most 24 hours' },
  slot_role_duplicate: { 'zh-CN': '岗位名称不能重复', 'en-US': 'Each role may appear once' },
  hours_range: { 'zh-CN': '服务时长应在0到24小时之间', 'en-US': 'Hours must be between 0 and 24' },
  correction_reason_required: { 'zh-CN': '修改时长须填写原因', 'en-US': 'Give a reason for changing the hours' },
  check_out_before_check_in: { 'zh-CN': '签退时间不能早于签到时间', 'en-US': 'Check-out cannot be before check-in' },
  time_in_future: { 'zh-CN': '时间不能晚于现在', 'en-US': 'The time cannot be in the future' },
  missing_skills: { 'zh-CN': '缺少活动要求的技能', 'en-US': 'Missing a skill the activity requires' },
  age_unknown: { 'zh-CN': '活动有年龄要求，请先补充出生日期', 'en-US': 'The activity has an age limit; add your birth date first' },
  age_out_of_range: { 'zh-CN': '年龄不符合活动要求', 'en-US': 'Your age is outside the activity’s limits' },
  probationary_full_on: { 'zh-CN': '预备党员没有转正日期', 'en-US': 'A probationary member has no date of full membership' },
  buildings_only_for_groups: { 'zh-CN': '只有党小组可以关联楼栋', 'en-US': 'Only a party group covers buildings' },
  building_taken: { 'zh-CN': '该楼栋已由其他党小组负责', 'en-US': 'Another party group already covers this building' },
  unknown_party_org: { 'zh-CN': '党组织不存在或不属于本社区', 'en-US': 'Unknown party organization, or not in this community' },
  unknown_member: { 'zh-CN': '党员不存在或不属于本社区', 'en-US': 'Unknown party member, or not in this community' },
  invalid_officer_role: { 'zh-CN': '党小组设组长，其他组织设书记、副书记或委员', 'en-US': 'A group has a group leader; other organizations have secretaries and committee members' },
  unknown_resident: { 'zh-CN': '居民不存在或不属于本社区', 'en-US': 'Unknown resident, or not in this community' },
  unknown_account: { 'zh-CN': '账号不存在', 'en-US': 'Unknown account' },
  dues_already_paid: { 'zh-CN': '该月党费已登记', 'en-US': 'Dues for this month are already recorded' },
  already_member: { 'zh-CN': '您已是本社区的党员，无需报到', 'en-US': 'You are already a member here' },
  report_in_exists: { 'zh-CN': '您已提交过报到，请勿重复提交', 'en-US': 'You have already reported in here' },
  already_claimed: { 'zh-CN': '您已认领该岗位', 'en-US': 'You have already claimed this post' },
  capacity_below_claims: { 'zh-CN': '名额不能少于已认领人数', 'en-US': 'Capacity cannot be below the number of claims' },
  unknown_lecture: { 'zh-CN': '微党课不存在或不属于本社区', 'en-US': 'Unknown lecture, or not in this community' },
  unknown_question: { 'zh-CN': '问卷中没有这一题', 'en-US': 'The questionnaire has no such question' },
  cannot_grade_self: { 'zh-CN': '不能给自己评定等次', 'en-US': 'You cannot grade yourself' },
  unknown_subject: { 'zh-CN': '被测评对象不在本轮名单中', 'en-US': 'Not among the members graded in this round' },
  already_evaluated: { 'zh-CN': '您已参加过本轮测评', 'en-US': 'You have already taken part in this round' },
  question_key_format: { 'zh-CN': '题目编号为小写字母、数字或下划线', 'en-US': 'Question keys use lower-case letters, digits and _' },
  duplicate_key: { 'zh-CN': '编号重复', 'en-US': 'Duplicate key' },
  care_file_exists: { 'zh-CN': '该户已建立帮扶档案', 'en-US': 'This household already has a care file' },
  not_a_member: { 'zh-CN': '该居民不是本户成员', 'en-US': 'This resident is not a member of the household' },
  amount_positive: { 'zh-CN': '金额须大于0', 'en-US': 'The amount must be greater than 0' },
  amount_above_cap: { 'zh-CN': '金额超过上限', 'en-US': 'The amount is above the cap' },
  price_above_cap: { 'zh-CN': '微心愿价值不能超过500元', 'en-US': 'A micro-wish may cost at most ¥500' },
  gift_or_amount: { 'zh-CN': '请填写慰问品或慰问金', 'en-US': 'Give a gift or an amount' },
  proof_required: { 'zh-CN': '请拍照或请户主签字', 'en-US': 'Take a photo or have the household sign' },
  criteria_empty: { 'zh-CN': '请至少选择一个慰问对象条件', 'en-US': 'Choose at least one criterion' },
  duplicate_upload: { 'zh-CN': '同一张图片不能重复使用', 'en-US': 'The same picture is used twice' },
  gender_birth_required: { 'zh-CN': '没有身份证号时须填写性别和出生日期', 'en-US': 'Without an ID number, give gender and birth date' },
  gender_mismatch: { 'zh-CN': '性别与身份证号不符', 'en-US': 'The gender does not match the ID number' },
  birth_date_mismatch: { 'zh-CN': '出生日期与身份证号不符', 'en-US': 'The birth date does not match the ID number' },
  id_number_taken: { 'zh-CN': '该身份证号已在本社区登记', 'en-US': 'This ID number is already registered in the community' },
  household_has_head: { 'zh-CN': '该户已有户主，请先修改原户主的关系', 'en-US': 'The household already has a head; change that first' },
  same_household: { 'zh-CN': '该居民已在此户', 'en-US': 'The resident already lives in this household' },
  grid_too_deep: { 'zh-CN': '网格最多分三级', 'en-US': 'Grids have at most three levels' },
  grid_not_empty: { 'zh-CN': '网格下还有下级网格、楼栋或人员，不能删除', 'en-US': 'The grid still has sub-grids, buildings or staff' },
  leader_level: { 'zh-CN': '网格长只设在一级、二级网格', 'en-US': 'Grid leaders are set on level-1 and level-2 grids' },
  duty_account_invalid: { 'zh-CN': '该账号不是本社区的网格员或工作人员', 'en-US': 'Not a grid worker or staff member of this community' },
  primary_backup_same: { 'zh-CN': '同一人不能同时担任A岗和B岗', 'en-US': 'One person cannot be both primary and backup' },
  leave_account_no_duty: { 'zh-CN': '该账号在本社区没有网格岗位', 'en-US': 'This account holds no grid post in the community' },
  grid_not_level3: { 'zh-CN': '楼栋只能划入本社区的三级网格', 'en-US': 'Buildings belong to a level-3 grid of the community' },
  building_head_invalid: { 'zh-CN': '楼栋长须是本社区居民', 'en-US': 'The building head must be a resident of the community' },
  entrance_not_in_building: { 'zh-CN': '该单元不属于此楼栋', 'en-US': 'The entrance is not in this building' },
  invalid_date: { 'zh-CN': '日期格式不正确（如 1950-03-15）', 'en-US': 'Invalid date (e.g. 1950-03-15)' },
  unknown_value: { 'zh-CN': '不是可选值之一，请对照模板中的“可选值”页', 'en-US': 'Not an allowed value; see the template’s allowed-values sheet' },
  duplicate_in_file: { 'zh-CN': '文件中该身份证号重复出现', 'en-US': 'This ID number appears twice in the file' },
  formula_not_allowed: { 'zh-CN': '单元格不能包含公式，请粘贴为数值', 'en-US': 'Cells may not contain formulas; paste values' },
  wrong_heads: { 'zh-CN': '表头与模板不一致，请使用下载的模板', 'en-US': 'The column heads differ from the template' },
  too_many_rows: { 'zh-CN': '行数超过单次导入上限', 'en-US': 'Too many rows for one import' },
  not_xlsx: { 'zh-CN': '不是有效的 Excel（.xlsx）文件', 'en-US': 'Not a valid Excel (.xlsx) file' },
  import_file_too_large: { 'zh-CN': '文件不能超过20MB', 'en-US': 'The file may be at most 20 MB' },
  import_file_required: { 'zh-CN': '请选择要导入的Excel文件', 'en-US': 'Choose an Excel file to import' },
  file_unsafe: { 'zh-CN': '文件解压后过大或结构异常，已拒绝', 'en-US': 'The file expands too much or is malformed; refused' },
  value_too_long: { 'zh-CN': '内容过长', 'en-US': 'Too long' },
  empty_file: { 'zh-CN': '文件中没有数据行', 'en-US': 'The file has no data rows' },
  activation_invalid: { 'zh-CN': '激活码无效、已使用或已过期', 'en-US': 'The activation code is invalid, used or expired' },
  verification_invalid: { 'zh-CN': '验证码错误或已过期', 'en-US': 'The verification code is wrong or expired' },
  reason_required: { 'zh-CN': '请填写查看原因', 'en-US': 'Give a reason' },
  visit_in_future: { 'zh-CN': '走访时间不能晚于现在', 'en-US': 'The visit cannot be in the future' },
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
