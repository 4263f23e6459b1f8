/** Every seeder, in order. Modules append theirs here; each runs once per database. */
import { demoDistrictSeeder } from './demo-district';
import type { Seeder } from './runner';

export const demoSeeders: readonly Seeder[] = [demoDistrictSeeder];

export { DEMO_PASSWORD, foundationAccounts } from './demo-district';
