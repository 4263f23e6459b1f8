/**
 * Demo partner units from seed 003 (紫荆路街道): 永新路社区 has 21 units reporting in (their 358
 * members report in through the party module); 紫荆路社区's units include the city CDC, whose party
 * members fulfil micro-wishes. `zjl_partner1` speaks for the CDC.
 */
import type { Seeder } from '../../seed/runner';
import { createDemoAccounts, orgIdByCode } from '../../seed/demo-district';
import { partnerContact, partnerUnit } from './partners.tables';

type Kind = (typeof partnerUnit.$inferInsert)['kind'];

const yongxinlu: ReadonlyArray<readonly [string, Kind]> = [
  ['巩义市委党校', 'government'], ['巩义市政协机关', 'government'], ['巩义市房产管理中心', 'public_institution'], ['巩义市环境保护局', 'government'],
  ['巩义市人力资源和社会保障局', 'government'], ['巩义市市场监督管理局', 'government'], ['巩义市民政局', 'government'], ['巩义市疾病预防控制中心', 'public_institution'],
  ['巩义市人民医院', 'hospital'], ['巩义市第一中学', 'school'], ['永新路小学', 'school'], ['巩义市自来水公司', 'enterprise'],
  ['国网巩义市供电公司', 'enterprise'], ['中国工商银行巩义支行', 'enterprise'], ['中国邮政巩义分公司', 'enterprise'], ['巩义市公安局永新路派出所', 'government'],
  ['巩义市司法局', 'government'], ['巩义市税务局', 'government'], ['巩义市文化馆', 'public_institution'], ['巩义市图书馆', 'public_institution'],
  ['巩义市红十字会', 'social_org'],
];

const zijinglu: ReadonlyArray<readonly [string, Kind, string]> = [
  ['巩义市疾病预防控制中心(紫荆路)', 'public_institution', '市疾控中心党总支'],
  ['巩义市市场监督管理局紫荆路所', 'government', '市场监管局紫荆路所党支部'],
  ['巩义市人民医院紫荆路分院', 'hospital', '人民医院第三党支部'],
  ['紫荆路小学', 'school', '紫荆路小学党支部'],
];

export const partnersSeeder: Seeder = {
  name: 'partners.demo',
  async run(tx) {
    const yx = await orgIdByCode(tx, 'ZJL04');
    const zj = await orgIdByCode(tx, 'ZJL01');
    const units = await tx
      .insert(partnerUnit)
      .values([
        ...yongxinlu.map(([name, kind]) => ({ communityId: yx, name, kind, partyOrgName: `${name}党支部` })),
        ...zijinglu.map(([name, kind, partyOrgName]) => ({ communityId: zj, name, kind, partyOrgName, contactName: '张红' })),
      ])
      .returning({ id: partnerUnit.id, name: partnerUnit.name });
    const accounts = await createDemoAccounts(tx, [['zjl_partner1', '市疾控中心党总支 张红', 'partner_contact', 'ZJL01']]);
    const cdc = units.find((u) => u.name === zijinglu[0]![0])!;
    await tx.insert(partnerContact).values({ partnerUnitId: cdc.id, accountId: accounts.get('zjl_partner1')!, communityId: zj });
    return { units: units.length };
  },
};
