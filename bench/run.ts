/**
 * `npm run bench [-- name…]`: runs the benchmarks (all, or those named) one after another and
 * prints their tables. Benchmarks measure ratios side by side in one run; they are not tests and
 * never gate CI.
 */
const suites: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  foundation: () => import('./foundation.bench'),
  waste: () => import('./waste.bench'),
  party: () => import('./party.bench'),
  care: () => import('./care.bench'),
  volunteers: () => import('./volunteers.bench'),
  center: () => import('./center.bench'),
  tickets: () => import('./tickets.bench'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  await (await suite()).run();
}
export {};
