/**
 * Demo tickets from the seed reports, every figure computed from these rows:
 * - 滨湖世纪社区 (seed 001): 3 years of "网上听民意, 网下分头办" — 2,352 opinions received, 783 resolved;
 *   big matters (广场休闲座椅, 街头公园生态公厕) run as 领办督办 projects led by a party member.
 * - 雁鸣湖镇镇区社区 (seed 004): a year in which monthly satisfaction rises from 80 % to 98.5 %.
 * - 惠民社区 (seed 002): 86 neighbour disputes mediated (AB岗: nobody waits).
 * - 紫荆路社区 (seed 003): the 解忧阁's counseling tickets and the heating dispute as a project.
 * - 杨文社区: a live queue for the demo grid worker and tickets of the demo resident.
 * Runs after the places seeder (uses its grids, buildings and residents; creates a small fallback
 * grid per community when they are missing).
 */
import { sql } from 'drizzle-orm';
import type { Seeder } from '../../seed/runner';
import { seedCommunities } from './tickets.seed-communities';
import { seedProjects } from './tickets.seed-projects';
import { ticketStatsRepository } from './tickets.stats.repository';

export const ticketsSeeder: Seeder = {
  name: 'tickets.demo',
  async run(tx, ctx) {
    // Thousands of rows: the statistics rollup is rebuilt once at the end rather than row by row.
    await tx.execute(sql`SELECT set_config('tongxin.skip_ticket_stats', 'on', true)`);
    const counts = await seedCommunities(tx, ctx);
    const projects = await seedProjects(tx, ctx);
    await tx.execute(sql`SELECT set_config('tongxin.skip_ticket_stats', 'off', true)`);
    await ticketStatsRepository.rebuild(tx);
    return { ...counts, projects };
  },
};
