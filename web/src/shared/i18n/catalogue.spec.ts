import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { enUS } from './en-US';
import { format } from './i18n';
import { zhCN } from './zh-CN';

const variablesOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('message catalogues', () => {
  it('have the same keys in both languages, none empty', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const messages of [zhCN, enUS] as Record<string, string>[])
      for (const [key, message] of Object.entries(messages)) expect([key, message.trim()]).not.toEqual([key, '']);
  });

  it('name the same variables in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[])
      expect([key, variablesOf(enUS[key])]).toEqual([key, variablesOf(zhCN[key])]);
  });

  it('hold every key the console asks for', () => {
    const root = join(__dirname, '..', '..');
    const asked = sourceFiles(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]),
    );
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((key) => !(key in zhCN))).toEqual([]);
  });

  it('fill variables and leave unknown ones visible', () => {
    expect(format('还剩 {days} 个工作日', { days: 3 })).toBe('还剩 3 个工作日');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
