import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The Host serves dist/ and answers /api; `npm run dev` proxies the API to a Host (SHAREFLOW_API, default its own port).
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: {
    proxy: { '/api': process.env.SHAREFLOW_API ?? 'http://localhost:5080' },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
  },
});
