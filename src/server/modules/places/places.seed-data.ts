/**
 * What the demo communities look like, from the seed reports: 惠民社区 (seed 002) is a large
 * affordable-housing estate — 4,700 households, about 14,000 people, over 1,500 elderly and 280
 * dibao/tekun households; 东方现代城 in 政通路社区 (seed 003) has 23 buildings and 3,281
 * households; the other communities are smaller. Names and numbers here are synthetic.
 */

export interface EstateSpec {
  name: string;
  address: string;
  property: [company: string, phone: string];
  buildings: number;
  floors: number;
  entrances: number;
  /** Flats per floor per entrance. */
  perFloor: number;
}

export interface CommunitySeed {
  code: string;
  /** Prefix of demo usernames (yw → yw_grid1, yw_leader). */
  prefix: string;
  households: number;
  residents: number;
  /** Share of people aged 60+ to aim for. */
  elderlyShare: number;
  /** dibao/tekun households (seed 002: 280 in 惠民社区). */
  needyHouseholds: number;
  floatingShare: number;
  /** ID-number region codes of people registered locally. */
  regions: readonly string[];
  areaCode: string;
  estates: readonly EstateSpec[];
  /** Names of the level-2 grids (片区); level-3 grids hold three buildings each. */
  sectors: readonly string[];
}

export const communitySeeds: readonly CommunitySeed[] = [
  {
    code: 'YW01', prefix: 'yw', households: 1200, residents: 3400, elderlyShare: 0.2, needyHouseholds: 40, floatingShare: 0.08,
    regions: ['410304', '410302', '410303', '410305'], areaCode: '0379',
    estates: [
      { name: '杨文小区', address: '瀍河回族区杨文路18号', property: ['洛阳安居物业', '0379-63910001'], buildings: 6, floors: 7, entrances: 3, perFloor: 2 },
      { name: '瀍河花园', address: '瀍河回族区中州东路66号', property: ['瀍河花园物业', '0379-63910002'], buildings: 6, floors: 11, entrances: 2, perFloor: 2 },
    ],
    sectors: ['东片区', '西片区'],
  },
  {
    code: 'BH01', prefix: 'bh', households: 900, residents: 2500, elderlyShare: 0.14, needyHouseholds: 18, floatingShare: 0.2,
    regions: ['340111', '340102', '340104'], areaCode: '0551',
    estates: [{ name: '滨湖世纪城', address: '包河区徽州大道与南京路交口', property: ['滨湖物业', '0551-63610001'], buildings: 8, floors: 18, entrances: 2, perFloor: 4 }],
    sectors: ['北片区', '南片区'],
  },
  {
    code: 'HM01', prefix: 'hm', households: 4700, residents: 14000, elderlyShare: 0.115, needyHouseholds: 280, floatingShare: 0.1,
    regions: ['350602', '350603', '350623', '350681'], areaCode: '0596',
    estates: [
      { name: '惠民花园一期', address: '芗城区芝山镇惠民路66号', property: ['漳州城运物业', '0596-26310001'], buildings: 12, floors: 11, entrances: 3, perFloor: 4 },
      { name: '惠民花园二期', address: '芗城区芝山镇惠民路68号', property: ['漳州城运物业', '0596-26310001'], buildings: 12, floors: 11, entrances: 3, perFloor: 4 },
      { name: '惠民花园三期', address: '芗城区芝山镇惠民路70号', property: ['漳州城运物业', '0596-26310002'], buildings: 9, floors: 18, entrances: 2, perFloor: 4 },
    ],
    sectors: ['一期片区', '二期片区', '三期片区'],
  },
  {
    code: 'ZJL01', prefix: 'zjl', households: 700, residents: 2000, elderlyShare: 0.18, needyHouseholds: 12, floatingShare: 0.1,
    regions: ['410181'], areaCode: '0371',
    estates: [{ name: '鸿运嘉苑', address: '巩义市紫荆路88号', property: ['鸿运物业', '0371-64310001'], buildings: 6, floors: 11, entrances: 2, perFloor: 3 }],
    sectors: ['紫荆片区'],
  },
  {
    code: 'ZJL02', prefix: 'zt', households: 3281, residents: 11000, elderlyShare: 0.15, needyHouseholds: 30, floatingShare: 0.12,
    regions: ['410181'], areaCode: '0371',
    // 东方现代城: 23 buildings, 3,281 households, 11,000 people (seed 003, the waste-sorting pilot).
    estates: [{ name: '东方现代城', address: '巩义市政通路与紫荆路交叉口', property: ['东方物业', '0371-64399999'], buildings: 23, floors: 18, entrances: 2, perFloor: 4 }],
    sectors: ['东区', '西区'],
  },
  {
    code: 'ZJL03', prefix: 'at', households: 800, residents: 2300, elderlyShare: 0.2, needyHouseholds: 10, floatingShare: 0.06,
    regions: ['410181'], areaCode: '0371',
    estates: [{ name: '颐豪园', address: '巩义市安泰街9号', property: ['颐豪园物业', '0371-64330001'], buildings: 8, floors: 11, entrances: 2, perFloor: 3 }],
    sectors: ['颐豪园片区'],
  },
  {
    code: 'YMH01', prefix: 'ymh', households: 600, residents: 1900, elderlyShare: 0.22, needyHouseholds: 20, floatingShare: 0.04,
    regions: ['410122'], areaCode: '0371',
    estates: [{ name: '雁鸣湖镇东村社区', address: '中牟县雁鸣湖镇东村', property: ['镇区物业', '0371-62410001'], buildings: 10, floors: 6, entrances: 2, perFloor: 2 }],
    sectors: ['东村片区'],
  },
];

/** Weighted surnames (the most common first). */
export const surnames: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 53], ['陈', 50], ['杨', 34], ['黄', 24], ['赵', 21], ['吴', 20], ['周', 19], ['徐', 15], ['孙', 15],
  ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['林', 11], ['高', 10], ['罗', 10], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 7],
  ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4],
  ['蔡', 4], ['蒋', 4], ['余', 4], ['于', 4], ['杜', 4], ['叶', 4], ['程', 3], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['傅', 2], ['钟', 2], ['姜', 2], ['崔', 2], ['谭', 2], ['廖', 2], ['范', 2], ['汪', 2], ['陆', 2], ['金', 2], ['石', 2],
  ['戴', 2], ['贾', 2], ['韦', 2], ['夏', 2], ['邱', 2], ['方', 2], ['侯', 2], ['邹', 2], ['熊', 2], ['孟', 2], ['秦', 2], ['白', 2], ['江', 2],
  ['阎', 1], ['薛', 1], ['尹', 1], ['段', 1], ['雷', 1], ['黎', 1], ['史', 1], ['龙', 1], ['陶', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1],
  ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1], ['欧阳', 1], ['司马', 0.3], ['上官', 0.3],
];

/** Given names by generation: people born before 1965 were named differently from their grandchildren. */
export const givenNames = {
  old: {
    male: ['建国', '建华', '国强', '志强', '德胜', '长春', '立新', '保国', '卫东', '红旗', '福生', '玉林', '庆祥', '永福', '振华', '文斌', '金山', '春生', '树林', '德福', '明亮', '志刚', '家兴', '有才'],
    female: ['秀英', '桂英', '玉兰', '秀兰', '桂兰', '凤英', '淑珍', '春梅', '金凤', '秀珍', '玉珍', '桂芳', '素珍', '丽华', '翠花', '美兰', '淑英', '秀云', '月娥', '玉梅', '瑞芳', '爱华'],
  },
  middle: {
    male: ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '海涛', '建军', '晓东', '志伟', '文杰', '春雷', '海波', '国庆', '振宇', '建平'],
    female: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '丽娟', '海燕', '晓燕', '雪梅', '慧敏', '晓红', '丹丹', '美玲', '红梅', '秀梅', '玉洁', '小兰', '春燕', '丽萍'],
  },
  young: {
    male: ['子轩', '浩然', '俊杰', '宇航', '家豪', '梓豪', '浩宇', '一鸣', '子墨', '皓轩', '博文', '天佑', '思远', '奕辰', '铭泽', '俊熙', '睿', '宇', '晨', '浩'],
    female: ['欣怡', '梓涵', '诗琪', '雨桐', '佳怡', '可馨', '子涵', '思彤', '语嫣', '梦瑶', '一诺', '若曦', '紫萱', '欣妍', '雨萱', '婉清', '诗涵', '悦', '琳', '萱'],
  },
} as const;

/** Province codes for people registered elsewhere (流动人口). */
export const otherRegions = ['410102', '410502', '411302', '340104', '350203', '420102', '430103', '510104', '320102', '370102', '130102', '360102'] as const;
