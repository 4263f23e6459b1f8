/**
 * The Chinese words staff write in the Excel template and read in exports, mapped to identifiers.
 * These are document contents (the template is a Chinese form), not UI labels: the web shows
 * identifiers through its locale files.
 */
import type { politicalStatuses, relations, residentTags } from './residents.schemas';

export const relationLabels: Record<(typeof relations)[number], string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳女婿',
  tenant: '租户',
  other: '其他',
};

export const politicalLabels: Record<(typeof politicalStatuses)[number], string> = {
  party_member: '中共党员',
  probationary_member: '中共预备党员',
  league_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};

export const tagLabels: Record<(typeof residentTags)[number], string> = {
  elderly_alone: '独居老人',
  empty_nest: '空巢老人',
  left_behind_child: '留守儿童',
  disabled: '残疾人',
  veteran: '退役军人',
  dibao: '低保',
  tekun: '特困',
};

export const residencyLabels = { permanent: '常住', floating: '流动' } as const;
export const genderLabels = { male: '男', female: '女' } as const;
export const statusLabels = { active: '在册', moved_out: '已迁出', deceased: '已故' } as const;

/** The 56 ethnic groups (民族), as written on ID cards. */
export const ethnicities = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

/** Label → identifier, for reading what staff wrote. */
export function reverse<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
}
