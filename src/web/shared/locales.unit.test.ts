/**
 * The locale files are the only place UI text lives: both languages have the same keys, every
 * role and org kind the server knows has a label, and no component carries a Chinese literal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleKeys } from '../../contracts';
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

function valuesOf(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

const localesDir = path.resolve(import.meta.dirname, 'locales');
const moduleDirs = readdirSync(localesDir).filter((name) => statSync(path.join(localesDir, name)).isDirectory());
const readJson = (file: string): Tree => JSON.parse(readFileSync(file, 'utf8')) as Tree;

describe('module locale files', () => {
  it.each(moduleDirs.length ? moduleDirs : ['(none yet)'])('%s: zh-CN and en-US have the same keys, none empty, no Chinese in English', (dir) => {
    if (dir === '(none yet)') return;
    const zh = readJson(path.join(localesDir, dir, 'zh-CN.json'));
    const en = readJson(path.join(localesDir, dir, 'en-US.json'));
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
    expect(valuesOf(zh).filter((v) => v.trim() === '')).toEqual([]);
    expect(valuesOf(en).filter((v) => /[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });
});

describe('locale files', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    expect(keysOf(enUS as Tree).sort()).toEqual(keysOf(zhCN as Tree).sort());
  });

  it('no text is empty and the English file holds no Chinese outside the language names', () => {
    expect(valuesOf(zhCN as Tree).filter((v) => v.trim() === '')).toEqual([]);
    const english = { ...(enUS as Tree), languages: {} };
    expect(valuesOf(english).filter((v) => /[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });

  it('every role the server defines has a label in both languages', () => {
    for (const role of roleKeys) {
      expect(zhCN.roles).toHaveProperty(role);
      expect(enUS.roles).toHaveProperty(role);
    }
  });

  it('web components carry no Chinese literals (all UI text comes from the locale files)', () => {
    const web = path.resolve(import.meta.dirname, '..');
    const offenders = sourceFiles(web)
      .filter((file) => /[\u4e00-\u9fff]/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((file) => path.relative(web, file));
    expect(offenders).toEqual([]);
  });
});
