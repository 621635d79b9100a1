/**
 * `npm run dev`: the API server under `tsx watch` (restarts on every server change) on PORT, and
 * Vite's dev server for the client (hot reload, http://localhost:5173) proxying /api to PORT.
 * Stopping either stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3000';
process.stdout.write(`API on http://localhost:${port}; open the client at the address Vite prints below (it proxies /api there).\n`);

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'server/index.ts'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['vite'], { cwd: root, stdio: 'inherit' }),
];

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
