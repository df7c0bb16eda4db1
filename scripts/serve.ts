/**
 * `npm start`: the production server. Next.js's request handler behind a node:http server whose only addition is the
 * fast path of the cached reader pages (lib/cache/cached-page-responder.ts): a fresh article page that Next rendered
 * and stored is sent from memory without entering Next again; everything else is Next's, exactly as `next start`.
 *
 * Started by scripts/serve.mjs (`node scripts/serve.mjs [-p PORT] [-H HOST]`), which compiles this file and runs it
 * with plain Node: PORT from the environment otherwise, 3000 by default; all interfaces unless -H. Needs `next build`.
 * SIGTERM or SIGINT: stop taking connections, let Next close, exit.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EnvError, parseEnv } from '../lib/config/env';
import { createCachedPageResponder, type HeaderList } from '../lib/cache/cached-page-responder';
import { createRequestListener } from '../lib/server/request-listener';

type NextConfigModule = { compress?: boolean; distDir?: string };

/** The cached pages the fast path serves, and the next.config.js header rule that covers them. */
const ARTICLE_PREFIX = '/articles/';
const ARTICLE_HEADER_SOURCE = '/articles/:slug*';

function argument(names: readonly string[]): string | undefined {
  for (const name of names) {
    const index = process.argv.indexOf(name);
    if (index >= 0) return process.argv[index + 1];
  }
  return undefined;
}

/**
 * The headers Next.js gives the article pages: next.config.js `headers()` as the build evaluated it (Next applies the
 * build's routes manifest, not the config file at run time), so both paths send exactly the same.
 */
function articleHeaders(distDir: string): HeaderList {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as {
    headers?: Array<{ source: string; headers: Array<{ key: string; value: string }> }>;
  };
  const rule = manifest.headers?.find((candidate) => candidate.source === ARTICLE_HEADER_SOURCE);
  if (!rule) throw new Error(`the build has no headers rule for ${ARTICLE_HEADER_SOURCE} (next.config.js headers())`);
  return rule.headers;
}

/** Starts the server for the project in `root` (the folder of package.json and the build). */
export async function startServer(root: string): Promise<void> {
  Object.assign(process.env, { NODE_ENV: 'production' });
  const env = parseEnv();
  const portArgument = argument(['-p', '--port']);
  const port = portArgument === undefined ? env.PORT : Number(portArgument);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new EnvError(`-p must be a port number, not ${portArgument}`);
  const hostname = argument(['-H', '--hostname']);

  const { default: next } = await import('next');
  const config = (await import(path.join(root, 'next.config.js'))).default as NextConfigModule;
  const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const respondFromCache = createCachedPageResponder({
    prefix: ARTICLE_PREFIX,
    headers: articleHeaders(path.join(root, config.distDir ?? '.next')),
    compress: config.compress !== false,
  });

  const server = http.createServer(
    createRequestListener({ respondFromCache, handle, unproxiedPrefix: ARTICLE_PREFIX, httpsSite: env.httpsSite }),
  );
  server.on('upgrade', (request, socket, head) => void app.getUpgradeHandler()(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`midad: listening on http://${hostname ?? 'localhost'}:${port}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Runs startServer; a configuration error prints its message alone and exits 1. */
export function runServer(root: string): void {
  startServer(root).catch((error: unknown) => {
    console.error(error instanceof EnvError ? `\nmidad: ${error.message}\n` : error);
    process.exit(1);
  });
}
