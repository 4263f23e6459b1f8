/**
 * The security figures page (docs/security-figures.md) is written by the test run: each test that
 * measures something (fuzzing, lockout, headers, faults, backups, logs) replaces its own section.
 * Test files run in parallel workers, so writes take a directory lock and replace atomically.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config';

export const figuresFile = path.join(projectRoot, 'docs', 'security-figures.md');
const lockDir = path.join(projectRoot, '.tmp', 'security-figures.lock');

const header = `# Security figures

Written by the test run (\`npm test\`): each section is replaced by the test that measures it, on
the database named in its title. Do not edit by hand — see [security.md](security.md) for what the
figures mean and how they are produced.
`;

async function withLock<T>(fn: () => T): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 30_000) rmdirSync(lockDir);
      } catch {}
      if (Date.now() > deadline) throw new Error(`figures lock ${lockDir} stayed busy`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(lockDir);
  }
}

/** Sections of the page by key, in page order. */
function parse(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const re = /<!-- figures:([\w-]+) -->\n([\s\S]*?)<!-- \/figures:\1 -->/g;
  for (const m of text.matchAll(re)) sections.set(m[1]!, m[2]!);
  return sections;
}

/** Replaces one section (`key`, e.g. 'fuzz-pglite') with a title and markdown body. */
export async function recordFigures(key: string, title: string, body: string): Promise<void> {
  const dbKind = key.endsWith('-postgres') ? 'PostgreSQL' : key.endsWith('-pglite') ? 'PGlite' : null;
  const stampLine = `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${dbKind ? ` on ${dbKind}` : ''}._`;
  await withLock(() => {
    const sections = existsSync(figuresFile) ? parse(readFileSync(figuresFile, 'utf8')) : new Map<string, string>();
    sections.set(key, `## ${title}\n\n${stampLine}\n\n${body.trim()}\n`);
    const ordered = [...sections.keys()].sort();
    const text = `${header}\n${ordered.map((k) => `<!-- figures:${k} -->\n${sections.get(k)}<!-- /figures:${k} -->\n`).join('\n')}`;
    const tmp = `${figuresFile}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, figuresFile);
  });
}

/** A markdown table from rows of cells. */
export function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
