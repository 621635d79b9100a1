import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  signatures: string[];
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Which of the receiver's secrets verified it (Webhook.verify from standardwebhooks). */
  verifiedWith: string[];
}

/**
 * A consumer on loopback that verifies every request with the standardwebhooks verifier, against
 * each secret it knows, and answers as scripted (200 once the script is spent).
 */
export async function startReceiver(port = 0) {
  const received: Received[] = [];
  const attempts: string[] = [];
  const answers: number[] = [];
  const secrets: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      attempts.push(headers['webhook-id']);
      const status = answers.shift() ?? 200;
      if (status >= 200 && status < 300) {
        const verifiedWith = secrets.filter((secret) => {
          try {
            new Webhook(secret).verify(raw, headers);
            return true;
          } catch {
            return false;
          }
        });
        received.push({
          id: headers['webhook-id'],
          timestamp: headers['webhook-timestamp'],
          signatures: headers['webhook-signature'].split(' '),
          body: JSON.parse(raw) as Received['body'],
          verifiedWith,
        });
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hook`,
    received,
    /** Every request's webhook-id, answered or not. */
    attempts,
    /** The next answers' statuses, in order. */
    answer: (...statuses: number[]) => void answers.push(...statuses),
    trust: (secret: string) => void secrets.push(secret),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
