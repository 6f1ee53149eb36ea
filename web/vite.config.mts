import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into web/dist, which the API serves at `/`. In development
// (`npx vite web`) API calls go to a running API on :3000.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: { '@parkline/client': `${import.meta.dirname}/../client/src` } },
  // Vite marks its tags and a <meta property="csp-nonce"> with this placeholder; the server
  // replaces it per response, so styles that Ant Design injects pass a strict CSP.
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The import graph, from which the browser tests report what each screen loads.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
