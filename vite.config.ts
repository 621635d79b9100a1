import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsBudget } from './client/build/initial-js-budget.ts';

export default defineConfig({
  root: 'client',
  plugins: [react(), initialJsBudget({ limitKb: 250 })],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  build: { outDir: '../dist/client', emptyOutDir: true },
  // The dev server (npm run dev) proxies the API to the server's PORT. changeOrigin false: the
  // API refuses cookie writes whose Origin is not its own host.
  server: { proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false } } },
});
