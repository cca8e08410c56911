import fs from 'node:fs';
import path from 'node:path';

/** The team's shelf of real Meta payloads, read in place (never copied into the project). */
export const GRAPH_SAMPLES = path.resolve('../shared/fixtures/graph-samples');

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(GRAPH_SAMPLES, name), 'utf8');
}
