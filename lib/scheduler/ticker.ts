import 'server-only';
import { getEnv } from '@/lib/config/env';
import { publishDueArticles } from '@/lib/data/workflow';

/**
 * The in-process scheduler: every MIDAD_SCHEDULER_INTERVAL_MS (15 s by default) it publishes the articles that are
 * due. Every app instance may run one: the publishing itself is a single atomic update, so each article is published
 * once. Started from instrumentation.ts (the server's register hook); never during `next build`; the timer is
 * unref'd so it never keeps a process alive.
 */
const tickerKey = Symbol.for('midad.scheduler');
type GlobalWithTicker = typeof globalThis & { [tickerKey]?: NodeJS.Timeout };

export function startPublishingTicker(): void {
  const env = getEnv();
  if (env.NEXT_PHASE === 'phase-production-build' || env.MIDAD_SCHEDULER_INTERVAL_MS === 0) return;
  const store = globalThis as GlobalWithTicker;
  if (store[tickerKey]) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const ids = await publishDueArticles(new Date());
      if (ids.length > 0) console.log(`midad: published ${ids.length} scheduled article(s)`);
    } catch (error) {
      console.error('midad: scheduled publishing failed (will retry):', error);
    } finally {
      running = false;
    }
  };
  store[tickerKey] = setInterval(() => void tick(), env.MIDAD_SCHEDULER_INTERVAL_MS);
  store[tickerKey].unref();
}
