import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

let built: Promise<void> | undefined;

/** Builds the extension for Chrome from the current sources, once per run (`wxt build` into .output/). */
export function buildExtension(runDir: string): Promise<void> {
  built ??= promisify(execFile)('npx', ['wxt', 'build'], { maxBuffer: 16 * 1024 * 1024 }).then((out) =>
    fs.writeFileSync(path.join(runDir, 'wxt-build.log'), `${out.stdout}\n${out.stderr}`),
  );
  return built;
}
