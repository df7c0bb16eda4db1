'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { ENTITY_TYPE_LABELS, type EntityType } from '@/lib/entities/entity-types';
import type { ActionResult } from '@/lib/errors';
import './entity-registry.css';

type Candidate = { id: string; type: EntityType; name: string; aliases: string[] };

/**
 * Merge this entity (the source) into another: search for the survivor, pick it, confirm. The survivor keeps its
 * page; every tag of the source in every article moves to it, and the source's page redirects there.
 */
export function MergePanel({
  source,
  search,
  merge,
}: {
  source: { id: string; name: string };
  search: (query: string, options: { excludeId: string }) => Promise<ActionResult<Candidate[]>>;
  merge: (input: { sourceId: string; targetId: string }) => Promise<ActionResult<{ targetId: string; articleCount: number }>>;
}) {
  const router = useRouter();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Candidate[]>([]);
  const [target, setTarget] = useState<Candidate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (query.trim() === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      search(query, { excludeId: source.id })
        .then((result) => {
          if (cancelled) return;
          if (result.ok) setResults(result.data);
          else setError(result.error.message);
        })
        .catch(() => {
          if (!cancelled) setError('تعذّر البحث في السجل. يُرجى المحاولة مرة أخرى.');
        });
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, search, source.id]);

  async function confirm() {
    if (!target) return;
    setPending(true);
    setError(null);
    try {
      const result = await merge({ sourceId: source.id, targetId: target.id });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      router.push(`/newsroom/entities/${result.data.targetId}?merged=${result.data.articleCount}`);
    } catch {
      setError('تعذّر الاتصال بالخادم. لم يُدمج شيء؛ يُرجى المحاولة مرة أخرى.');
    } finally {
      setPending(false);
    }
  }

  const shown = query.trim() === '' ? [] : results;

  return (
    <section className="merge-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>دمج في كيان آخر</h2>
      <p>
        استخدم الدمج حين يكون «{source.name}» نسخة مكرّرة من كيان آخر: تنتقل كل وسومه في كل المقالات إلى الكيان الباقي، وتصبح أسماؤه أسماءً
        بديلة له، وتُحوَّل صفحته العامة إليه.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <label className="merge-panel__search">
        ابحث عن الكيان الباقي
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setTarget(null);
          }}
          aria-controls={`${id}-results`}
          maxLength={200}
        />
      </label>
      <ul id={`${id}-results`} className="picker-results" aria-label="نتائج البحث">
        {shown.map((candidate) => (
          <li key={candidate.id}>
            <button
              type="button"
              className={candidate.id === target?.id ? 'picker-option picker-option--selected' : 'picker-option'}
              aria-pressed={candidate.id === target?.id}
              onClick={() => setTarget(candidate)}
            >
              <span className="picker-option__name">{candidate.name}</span>{' '}
              <span className="picker-option__type">{ENTITY_TYPE_LABELS[candidate.type]}</span>
              {candidate.aliases.length > 0 ? <span className="picker-option__aliases"> · {candidate.aliases.slice(0, 3).join('، ')}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {target ? (
        <div className="merge-panel__confirm" role="group" aria-label="تأكيد الدمج">
          <p>
            سيُدمج «{source.name}» في «{target.name}». لا يمكن التراجع عن ذلك من هذه الصفحة.
          </p>
          <button type="button" className="button" onClick={confirm} disabled={pending}>
            {pending ? 'جارٍ الدمج…' : `تأكيد دمج «${source.name}» في «${target.name}»`}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setTarget(null)} disabled={pending}>
            إلغاء
          </button>
        </div>
      ) : null}
    </section>
  );
}
