import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

export interface ScreenWeight {
  screen: string;
  /** Gzipped JavaScript that opening the screen first loads, the entry included. */
  gzipBytes: number;
  /** The screen's own chunk. */
  file: string;
  chunks: string[];
}

/** What each screen of the built console loads, from Vite's manifest of the import graph. */
export function screenWeights(consoleDir: string): ScreenWeight[] {
  const manifest = JSON.parse(
    readFileSync(join(consoleDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipped.has(file))
      gzipped.set(file, gzipSync(readFileSync(join(consoleDir, file))).length);
    return gzipped.get(file)!;
  };
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, into);
    return into;
  };
  const [entry] = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  return Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry)
    .map((key) => {
      const files = [...closure(key, closure(entry))].map((chunk) => manifest[chunk].file);
      return {
        screen: key.replace(/^src\//, ''),
        gzipBytes: files.reduce((sum, file) => sum + sizeOf(file), 0),
        file: manifest[key].file,
        chunks: files,
      };
    })
    .sort((a, b) => a.screen.localeCompare(b.screen));
}

export function writeBundleReport(weights: ScreenWeight[], path: string): void {
  const kB = (bytes: number) => (bytes / 1024).toFixed(1);
  const lines = [
    '# Console bundle: JavaScript loaded when a screen is opened first',
    '',
    'Gzipped, the shared entry included; measured on the build the browser tests ran against.',
    '',
    '| screen | kB gzip | chunks |',
    '| --- | ---: | ---: |',
    ...weights.map((w) => `| ${w.screen} | ${kB(w.gzipBytes)} | ${w.chunks.length} |`),
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
