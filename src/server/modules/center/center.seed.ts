/**
 * Demo data of the neighborhood center, from records (every figure is a count of rows): 杨文社区's
 * senior college and seven-colour events, 惠民社区's canteen and 4:30 school, 雁鸣湖镇镇区社区's
 * twelve rooms and a year of elderly service visits. Runs after the places seeder (its residents)
 * and the partners seeder; with fewer residents (tests, `options.small`) everything scales down.
 */
import { createDemoAccounts } from '../../seed/demo-district';
import type { Seeder } from '../../seed/runner';
import { seedHuimin } from './center.seed-huimin';
import { seedYangwen } from './center.seed-yangwen';
import { seedYanminghu } from './center.seed-yanminghu';

export const centerSeeder: Seeder = {
  name: 'center.demo',
  async run(tx, ctx) {
    // Six social workers run the 雁鸣湖 center (seed 004); a canteen keeper serves at 惠民's counter.
    await createDemoAccounts(tx, [
      ...Array.from({ length: 6 }, (_, i) => [`ymh_sw${i + 1}`, `雁鸣湖社工 ${['孙迎春', '王恒超', '尹佳佳', '荆延敏', '马晓燕', '李文博'][i]}`, 'social_worker', 'YMH01'] as const),
      ['hm_canteen', '惠民社区 幸福大食堂 郑秀兰', 'community_staff', 'HM01'],
    ]);
    const yangwen = await seedYangwen(tx, ctx);
    const huimin = await seedHuimin(tx, ctx);
    const yanminghu = await seedYanminghu(tx, ctx);
    return { yangwen, huimin, yanminghu };
  },
};
