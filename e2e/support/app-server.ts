/**
 * A second production app server that a test starts, kills and restarts itself (e2e/faults.spec.ts), on the e2e
 * Postgres database with the same settings as start-server.ts's postgres mode. The database is already prepared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { E2E_NEXTAUTH_SECRET, readE2eState } from './state';

export class AppServer {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(readonly port: number) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the production server as `npm start` does (scripts/serve.ts) and resolves once /api/health answers 200. */
  async start(timeoutMs = 90_000): Promise<void> {
    if (this.child) throw new Error('app server already running');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: readE2eState().databaseUrl,
      MIDAD_DEMO: '1',
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      NEXTAUTH_URL: this.baseUrl,
      MIDAD_SITE_URL: this.baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    delete env.PGLITE_DIR;
    // Its own process group, so that kill() reaches every process Next starts.
    const child = spawn(process.execPath, [path.join('scripts', 'serve.mjs'), '-p', String(this.port), '-H', '127.0.0.1'], {
      env,
      cwd: process.cwd(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`app server exited (${code}):\n${this.output}`))));
    exited.catch(() => {});
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const healthy = await Promise.race([
        fetch(`${this.baseUrl}/api/health`).then((response) => response.ok, () => false),
        exited,
      ]);
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`app server not healthy after ${timeoutMs} ms:\n${this.output}`);
  }

  /** Stops the server's whole process group with `signal` (SIGKILL: a crash) and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return;
    }
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
    await gone;
    this.child = null;
    // Nothing answers on the port any more.
    await fetch(`${this.baseUrl}/api/health`).then(
      () => {
        throw new Error('the app server still answers after being killed');
      },
      () => undefined,
    );
  }

  /** The last output of the server (for failure messages). */
  get log(): string {
    return this.output;
  }
}
