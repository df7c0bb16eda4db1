'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { collectEntityMentions, suggestUntagged, type EntitySuggestion, type TiptapNodeJSON } from '@/lib/entities/mark-index';
import { createEntityMatcher } from '@/lib/entities/matcher';
import { ENTITY_TYPE_LABELS, type EntityType } from '@/lib/entities/entity-types';
import { entityPath } from '@/lib/public/urls';
import { applySuggestions, listMentions, mentionAt, selectMention, untagEntity, untagMentionAt, type MentionRange } from './tagging-commands';
import { getTaggingStore } from './tagging-store';
import { useDebouncedDoc, useEditorValue } from './use-editor-snapshot';
import type { EntityTaggingActions, TaggingRegistryEntry } from './types';
import './entity-tagging.css';

const MAX_SUGGESTIONS_SHOWN = 200;

function parseMentionKey(key: string): MentionRange | null {
  if (key === '') return null;
  const [entityId, entityType, from, to] = key.split('|');
  return { entityId: entityId!, entityType: entityType as EntityType, from: Number(from), to: Number(to) };
}

/**
 * Beside the editor: the card of the mention under the cursor (click a tagged name), the entities of the article with
 * their mention counts, and suggestions of untagged mentions of registered entities.
 *
 * The index and the suggestions are recomputed from a debounced snapshot of the document (`debounceMs` after the last
 * change), never synchronously on each keystroke. The registry (for suggestions) comes from `registry` when given,
 * else from `actions.loadRegistry()` once.
 */
export function EntitySidebar({
  editor,
  actions,
  registry: givenRegistry,
  debounceMs = 300,
}: {
  editor: Editor;
  actions: Pick<EntityTaggingActions, 'getEntitiesByIds' | 'loadRegistry'>;
  registry?: readonly TaggingRegistryEntry[];
  debounceMs?: number;
}) {
  const store = getTaggingStore(editor);
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const doc = useDebouncedDoc(editor, debounceMs);
  const [loadedRegistry, setLoadedRegistry] = useState<readonly TaggingRegistryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const registry = givenRegistry ?? loadedRegistry;

  useEffect(() => {
    if (givenRegistry) return;
    let cancelled = false;
    actions
      .loadRegistry()
      .then((result) => {
        if (cancelled) return;
        if (result.ok) setLoadedRegistry(result.data);
        else setError(result.error.message);
      })
      .catch(() => {
        if (!cancelled) setError('تعذّر تحميل سجل الكيانات للاقتراحات.');
      });
    return () => {
      cancelled = true;
    };
  }, [actions, givenRegistry]);

  const json = useMemo(() => doc.toJSON() as TiptapNodeJSON, [doc]);
  const index = useMemo(() => collectEntityMentions(json), [json]);
  const matcher = useMemo(
    () => (registry ? createEntityMatcher(registry.map((entry) => ({ entityId: entry.id, names: [entry.name, ...entry.aliases] }))) : null),
    [registry],
  );
  const typeOf = useMemo(() => new Map((registry ?? []).map((entry) => [entry.id, entry.type] as const)), [registry]);
  const nameOf = useMemo(() => new Map((registry ?? []).map((entry) => [entry.id, entry.name] as const)), [registry]);
  const suggestions = useMemo(() => (matcher ? suggestUntagged(json, matcher) : []), [json, matcher]);

  // Load the cards of entities the store does not know yet.
  const missingKey = [...index.counts.keys()].filter((id) => !store.has(id)).sort().join(',');
  useEffect(() => {
    if (missingKey === '') return;
    let cancelled = false;
    actions
      .getEntitiesByIds(missingKey.split(','))
      .then((result) => {
        if (cancelled) return;
        if (result.ok) store.remember(result.data);
        else setError(result.error.message);
      })
      .catch(() => {
        if (!cancelled) setError('تعذّر تحميل بيانات الكيانات.');
      });
    return () => {
      cancelled = true;
    };
  }, [missingKey, actions, store]);

  // The card: the mention at the cursor (cheap: only the cursor's block is read).
  // As a string, so that an unchanged mention is an unchanged snapshot.
  const cardKey = useEditorValue(editor, (current) => {
    const { from, to } = current.state.selection;
    const mention = mentionAt(current.state, from);
    return mention && to <= mention.to ? [mention.entityId, mention.entityType, mention.from, mention.to].join('|') : '';
  });
  const card = parseMentionKey(cardKey);
  const cardEntity = card ? store.get(card.entityId) : undefined;

  const cycle = useRef(new Map<string, number>());
  function selectNext(entityId: string) {
    const type = editor.state.schema.marks.entity;
    if (!type) return;
    const mentions = listMentions(editor.state.doc, type, entityId);
    if (mentions.length === 0) return;
    const next = ((cycle.current.get(entityId) ?? -1) + 1) % mentions.length;
    cycle.current.set(entityId, next);
    selectMention(editor, mentions[next]!);
  }

  function accept(list: readonly EntitySuggestion[]) {
    applySuggestions(editor, list, (id) => typeOf.get(id));
  }

  const entities = [...index.counts].map(([id, count]) => ({ id, count, entity: store.get(id) }));
  entities.sort((a, b) => b.count - a.count || (a.entity?.name ?? '').localeCompare(b.entity?.name ?? '', 'ar'));
  const labelOf = (id: string, type?: EntityType) => store.get(id)?.name ?? nameOf.get(id) ?? (type ? ENTITY_TYPE_LABELS[type] : 'كيان');

  return (
    <aside className="entity-sidebar" aria-label="الكيانات في المقال">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}

      {card ? (
        <section className="entity-card" aria-label="بطاقة الكيان">
          <h3 className="entity-card__name">
            <span className={`entity-dot entity-dot--${card.entityType}`} aria-hidden="true" />
            {labelOf(card.entityId, card.entityType)}
          </h3>
          <p className="entity-card__type">{ENTITY_TYPE_LABELS[cardEntity?.type ?? card.entityType]}</p>
          {cardEntity?.description ? <p className="entity-card__description">{cardEntity.description}</p> : null}
          <div className="entity-card__actions">
            <button type="button" className="toolbar-button" onClick={() => store.openDialog({ from: card.from, to: card.to, mode: 'change' })}>
              تغيير
            </button>
            <button type="button" className="toolbar-button" onClick={() => untagMentionAt(editor, card.from + 1 <= card.to ? card.from + 1 : card.from)}>
              إزالة هذا الوسم
            </button>
            <button type="button" className="toolbar-button" onClick={() => untagEntity(editor, card.entityId)}>
              إزالة كل وسوم هذا الكيان
            </button>
            {cardEntity ? (
              <a className="toolbar-button" href={entityPath(cardEntity.slug)} target="_blank" rel="noopener">
                الصفحة العامة
              </a>
            ) : null}
          </div>
        </section>
      ) : null}

      <section className="entity-panel" aria-labelledby="entity-panel-title">
        <h3 id="entity-panel-title">الكيانات ({index.counts.size})</h3>
        {entities.length === 0 ? (
          <p className="entity-panel__empty">لا كيانات موسومة بعد.</p>
        ) : (
          <ul className="entity-panel__list">
            {entities.map(({ id, count, entity }) => (
              <li key={id}>
                <button type="button" className="entity-panel__item" onClick={() => selectNext(id)} aria-label={`${labelOf(id)}: ${count} ذكر، حدّد التالي`}>
                  <span className={`entity-dot entity-dot--${entity?.type ?? 'person'}`} aria-hidden="true" />
                  <span className="entity-panel__name">{labelOf(id)}</span>
                  <span className="entity-panel__count">{count}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="entity-suggestions" aria-labelledby="entity-suggestions-title">
        <h3 id="entity-suggestions-title">اقتراحات ({suggestions.length})</h3>
        {!registry ? (
          <p>جارٍ تحميل السجل…</p>
        ) : suggestions.length === 0 ? (
          <p className="entity-panel__empty">لا اقتراحات: كل الأسماء المسجلة موسومة.</p>
        ) : (
          <>
            <button type="button" className="button" onClick={() => accept(suggestions)}>
              قبول الكل ({suggestions.length})
            </button>
            <ul className="entity-suggestions__list">
              {suggestions.slice(0, MAX_SUGGESTIONS_SHOWN).map((suggestion) => (
                <li key={`${suggestion.pmFrom}-${suggestion.entityId}`}>
                  <span className="entity-suggestions__text">«{suggestion.text}»</span>
                  {' ← '}
                  <span>{labelOf(suggestion.entityId)}</span>{' '}
                  <button
                    type="button"
                    className="toolbar-button"
                    onClick={() => accept([suggestion])}
                    aria-label={`قبول: «${suggestion.text}» ← ${labelOf(suggestion.entityId)}`}
                  >
                    قبول
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </aside>
  );
}
