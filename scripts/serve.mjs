// @ts-check
/**
 * `npm start`'s server launcher: `node scripts/serve.mjs [-p PORT] [-H HOST]` (see scripts/serve.ts).
 *
 * The server is TypeScript, but it must not run under a TypeScript loader: tsx's module hooks (a loader thread that
 * every module resolution crosses, and source-mapped stack traces) cost about a quarter of the CPU of each uncached
 * page render, measured. So serve.ts and the modules it imports are compiled here with esbuild into one CommonJS file
 * (packages stay external: next, zod), which plain Node runs. It takes about a tenth of a second.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// Inside the project so that the external packages resolve from its node_modules; one file per process, so that
// instances starting together never read each other's half-written output.
const outfile = path.join(root, 'node_modules', '.cache', 'midad', `serve-${process.pid}.cjs`);

buildSync({
  entryPoints: [path.join(here, 'serve.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
const server = createRequire(import.meta.url)(outfile);
fs.rmSync(outfile, { force: true });
server.runServer(root);
