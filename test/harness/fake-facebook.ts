import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface FakeFacebook {
  port: number;
  close(): Promise<void>;
}

/**
 * An HTTPS server posing as www.facebook.com (self-signed; the browser maps the name here and
 * ignores certificate errors), so the content script runs on its real match pattern.
 */
export async function startFakeFacebook(): Promise<FakeFacebook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-fb-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=www.facebook.com',
      '-addext',
      'subjectAltName=DNS:www.facebook.com',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const server = https.createServer(
    { key: fs.readFileSync(key), cert: fs.readFileSync(cert) },
    (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>Facebook</title></head>
      <body style="margin:0;font-family:sans-serif;background:#f0f2f5">
      <div role="banner" style="height:56px;background:#fff;border-bottom:1px solid #ddd"></div>
      <main id="feed" style="padding:24px;max-width:680px"><h1>Test page</h1>
      <p>Path: ${encodeURI(req.url ?? '/').replace(/</g, '&lt;')}</p></main></body></html>`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        fs.rmSync(dir, { recursive: true, force: true });
      }),
  };
}
