import { defineConfig, type Plugin } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve } from 'node:path';

/**
 * Tests only: bpmn-js-properties-panel ships its own copy of Preact, whose add-ons import it as "../..". Under Vitest
 * those resolve to the CommonJS builds and a second Preact; point every one of them at the one ES module build.
 */
function onePreact(): Plugin {
  const preact = fileURLToPath(new URL('./node_modules/@bpmn-io/properties-panel/preact/', import.meta.url));
  const builds: Record<string, string> = {
    '': 'dist/preact.module.js',
    hooks: 'hooks/dist/hooks.module.js',
    compat: 'compat/dist/compat.module.js',
    'jsx-runtime': 'jsx-runtime/dist/jsxRuntime.module.js',
  };
  return {
    name: 'one-preact',
    enforce: 'pre',
    resolveId(source, importer) {
      let folder: string | undefined;
      if (source.startsWith('@bpmn-io/properties-panel/preact')) folder = preact + source.slice('@bpmn-io/properties-panel/preact'.length);
      else if (source.startsWith('.') && importer?.includes('/node_modules/@bpmn-io/properties-panel/')) folder = resolve(dirname(importer), source);
      if (!folder) return null;
      const addOn = relative(preact, folder).replace(/\\/g, '/');
      return addOn in builds ? preact + builds[addOn] : null;
    },
  };
}

// The Host serves dist/ and answers /api; `npm run dev` proxies the API to a Host (SHAREFLOW_API, default its own port).
export default defineConfig({
  plugins: [vue(), ...(process.env.VITEST ? [onePreact()] : [])],
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
    // bpmn-js and diagram-js import their modules without file extensions: let Vite resolve them, from the ES builds.
    server: { deps: { inline: ['bpmn-js', 'diagram-js', 'bpmn-js-properties-panel', '@bpmn-io/properties-panel'] } },
    alias: [
      { find: /^bpmn-js-properties-panel$/, replacement: 'bpmn-js-properties-panel/dist/index.esm.js' },
      { find: /^@bpmn-io\/properties-panel$/, replacement: '@bpmn-io/properties-panel/dist/index.esm.js' },
    ],
  },
});
