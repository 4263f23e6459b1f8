/** Every seeder, in order. Modules append theirs here; each runs once per database. */
import { demoDistrictSeeder } from './demo-district';
import type { Seeder } from './runner';
import { partnersSeeder } from '../modules/partners/partners.seed';

export const demoSeeders: readonly Seeder[] = [
  demoDistrictSeeder,
  partnersSeeder,
];

export { DEMO_PASSWORD, foundationAccounts } from './demo-district';
