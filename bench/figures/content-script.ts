import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Figure } from '../figure.ts';

const OUT_DIR = '.output/chrome-mv3/content-scripts';

/**
 * content_script_gzip_bytes: what every facebook.com page load pays for Pagedesk. The extension is
 * built for Chrome from the current sources (`wxt build`), then each content script is gzipped at
 * level 9 (as gzip -9 and the usual size reports do); the figure is their sum.
 */
export const contentScriptFigure: Figure = {
  name: 'content-script',
  keys: ['content_script_gzip_bytes'],
  async run(ctx) {
    const build = await promisify(execFile)('npx', ['wxt', 'build'], { maxBuffer: 16 * 1024 * 1024 });
    fs.writeFileSync(path.join(ctx.runDir, 'wxt-build.log'), `${build.stdout}\n${build.stderr}`);
    const files = fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.js'));
    if (files.length === 0) throw new Error(`no content script in ${OUT_DIR}`);
    let total = 0;
    const info = files.map((f) => {
      const raw = fs.readFileSync(path.join(OUT_DIR, f));
      const gz = zlib.gzipSync(raw, { level: 9 }).length;
      total += gz;
      return { figure: `content-scripts/${f}`, value: gz, unit: 'B', note: `${raw.length} B before gzip` };
    });
    return { values: { content_script_gzip_bytes: total }, info };
  },
};
