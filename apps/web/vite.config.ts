import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web client is built into apps/web/dist, which the gateway serves at `/`
 * on its own port. It reads @tandem/client from source (the typed documents),
 * and `vite` (npm run dev) proxies the API to a gateway on :4000.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@tandem/client': root('../../packages/client/src/index.ts') } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } } },
});
