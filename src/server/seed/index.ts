/** Every seeder, in order. Modules append theirs here; each runs once per database. */
import { demoDistrictSeeder } from './demo-district';
import type { Seeder } from './runner';
import { partnersSeeder } from '../modules/partners/partners.seed';
import { placesSeeder } from '../modules/places/places.seed';
import { centerSeeder } from '../modules/center/center.seed';
import { wasteSeeder } from '../modules/waste/waste.seed';
import { volunteersSeeder } from '../modules/volunteers/volunteers.seed';
import { ticketsSeeder } from '../modules/tickets/tickets.seed';
import { partySeeder } from '../modules/party/party.seed';
import { careSeeder } from '../modules/care/care.seed';

export const demoSeeders: readonly Seeder[] = [
  demoDistrictSeeder,
  // Grids, buildings, households and residents: most later seeders stand on them.
  placesSeeder,
  partnersSeeder,
  // After partners (venues lent by units) and places (residents who enrol and eat).
  centerSeeder,
  // Keep waste after the places seeder (it reuses the pilot estate if places created it).
  wasteSeeder,
  // Keep tickets after the places seeder (it routes to the grids and duty workers places created).
  ticketsSeeder,
  // After the places seeder: volunteers may be residents it created.
  volunteersSeeder,
  // After the places seeder (picks its neediest households) and partners (the CDC's contact claims wishes).
  careSeeder,
  // After the places seeder (links demo members to its residents) and partners (unit names): keep last.
  partySeeder,
];

export { DEMO_PASSWORD, foundationAccounts } from './demo-district';
