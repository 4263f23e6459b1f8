import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/platform/db/tables/*.ts', './src/server/modules/*/*.tables.ts'],
  out: './migrations',
  casing: 'snake_case',
});
