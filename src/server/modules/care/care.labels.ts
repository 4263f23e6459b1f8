/**
 * Words the server itself writes: spreadsheet headers and values of the exports, and the titles of
 * inbox notifications. The web has its own locale files; these are the few texts made on the server.
 */
import type { Locale } from '../../platform/i18n';

type Labels = Record<string, string>;

const zh: Labels = {
  address: '住址', grid: '网格', head: '户主', members: '人数', categories: '帮扶类别', income: '月收入(元)', housing: '住房',
  needs: '需求', status: '状态', conditions: '健康状况', name: '姓名', gender: '性别', birthday: '生日', turning: '周岁', group: '类别', signature: '签到',
  elderly_alone: '独居老人', empty_nest: '空巢老人', left_behind_child: '留守儿童', disabled: '残疾人', dibao: '低保', tekun: '特困',
  severe_illness: '大病', single_parent: '单亲家庭', low_income: '低收入', elderly: '老人',
  public_rental: '公租房', low_rent: '廉租房', affordable: '经济适用房', owned: '自有住房', private_rental: '租住', other: '其他',
  daily_care: '生活照料', meals: '助餐', medical: '医疗', financial: '经济', education: '教育', employment: '就业', emotional: '精神慰藉', legal: '法律',
  chronic_illness: '慢性病', disability: '残疾', dementia: '失智', bedridden: '卧床', severe_mental_disorder: '严重精神障碍',
  active: '在档', closed: '已结档', male: '男', female: '女',
  reviewReminderTitle: '低保/特困年度复核提醒', reviewReminderBody: '有{count}户低保/特困将于{due}前到期复核，请及时安排。',
  festivalReminderTitle: '{festival}慰问提醒', festivalReminderBody: '{date}是{festival}，本社区尚未建立慰问活动。',
  spring_festival: '春节', lantern: '元宵节', dragon_boat: '端午节', mid_autumn: '中秋节', double_ninth: '重阳节', laba: '腊八节',
  wishClaimedTitle: '您的微心愿已被认领', wishFulfilledTitle: '您的微心愿已送达，请确认',
  careFilesSheet: '一户一档', birthdaysSheet: '集体生日邀请名单',
};

const en: Labels = {
  address: 'Address', grid: 'Grid', head: 'Head', members: 'Members', categories: 'Categories', income: 'Monthly income (CNY)', housing: 'Housing',
  needs: 'Needs', status: 'Status', conditions: 'Conditions', name: 'Name', gender: 'Gender', birthday: 'Birthday', turning: 'Turning', group: 'Group', signature: 'Signature',
  elderly_alone: 'Elderly living alone', empty_nest: 'Empty nester', left_behind_child: 'Left-behind child', disabled: 'Disabled', dibao: 'Dibao', tekun: 'Tekun',
  severe_illness: 'Severe illness', single_parent: 'Single parent', low_income: 'Low income', elderly: 'Elderly',
  public_rental: 'Public rental', low_rent: 'Low-rent', affordable: 'Affordable housing', owned: 'Owned', private_rental: 'Private rental', other: 'Other',
  daily_care: 'Daily care', meals: 'Meals', medical: 'Medical', financial: 'Financial', education: 'Education', employment: 'Employment', emotional: 'Emotional support', legal: 'Legal',
  chronic_illness: 'Chronic illness', disability: 'Disability', dementia: 'Dementia', bedridden: 'Bedridden', severe_mental_disorder: 'Severe mental disorder',
  active: 'Active', closed: 'Closed', male: 'Male', female: 'Female',
  reviewReminderTitle: 'Annual dibao/tekun re-review', reviewReminderBody: '{count} dibao/tekun household(s) are due for re-review by {due}.',
  festivalReminderTitle: '{festival} consolation reminder', festivalReminderBody: '{date} is {festival}; no consolation campaign exists yet.',
  spring_festival: 'Spring Festival', lantern: 'Lantern Festival', dragon_boat: 'Dragon Boat Festival', mid_autumn: 'Mid-Autumn Festival', double_ninth: 'Double Ninth Festival', laba: 'Laba Festival',
  wishClaimedTitle: 'Your micro-wish was claimed', wishFulfilledTitle: 'Your micro-wish was delivered; please confirm',
  careFilesSheet: 'Care files', birthdaysSheet: 'Group birthday invitations',
};

const tables: Record<Locale, Labels> = { 'zh-CN': zh, 'en-US': en };

/** A label in the locale, with `{name}` placeholders filled; unknown keys come back as themselves. */
export function careLabel(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const text = tables[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
