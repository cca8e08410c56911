/**
 * The bare limit for the webhook-to-agent path: a minimal Node server that verifies
 * X-Hub-Signature-256 over the raw bytes and pushes the body to its WebSocket clients, with no
 * database and no routing. Started by figures/relay.ts as a child process, like the backend; prints
 * its URL on stdout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { verifyWebhookSignature } from '../../backend/facebook/webhook-signature.ts';

const secret = process.env.FB_APP_SECRET ?? '';
const wss = new WebSocketServer({ noServer: true });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (!verifyWebhookSignature(raw, req.headers['x-hub-signature-256'] as string | undefined, secret)) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED');
    const text = raw.toString();
    for (const ws of wss.clients) ws.send(text);
  });
});
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws)),
);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`relay: http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});
