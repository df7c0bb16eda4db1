'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/lib/entities/entity-types';
import { tagRange } from './tagging-commands';
import { getTaggingStore, type DialogRequest } from './tagging-store';
import type { EntityTaggingActions, TaggingEntity } from './types';

const SEARCH_DELAY_MS = 150;
const NETWORK_ERROR = 'تعذّر الاتصال بالخادم. يُرجى المحاولة مرة أخرى.';

/**
 * «وسم كيان»: search the registry as you type (the server normalizes Arabic), pick an entity to tag the range, or
 * create one (type chosen, canonical name prefilled from the selected text) and tag the range with it.
 */
export function TagEntityDialog({
  editor,
  actions,
  request,
  onClose,
}: {
  editor: Editor;
  actions: Pick<EntityTaggingActions, 'search' | 'create'>;
  request: DialogRequest;
  onClose: () => void;
}) {
  const id = useId();
  const [selectedText] = useState(() => editor.state.doc.textBetween(request.from, request.to, ' ', ' ').trim());
  const [query, setQuery] = useState(selectedText);
  const [results, setResults] = useState<TaggingEntity[]>([]);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(0);
  const [newName, setNewName] = useState(selectedText);
  const [newType, setNewType] = useState<EntityType>('person');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      setSearching(true);
      actions
        .search(trimmed)
        .then((result) => {
          if (cancelled) return;
          if (result.ok) {
            setResults(result.data);
            setActive(0);
            setError(null);
          } else setError(result.error.message);
        })
        .catch(() => {
          if (!cancelled) setError(NETWORK_ERROR);
        })
        .finally(() => {
          if (!cancelled) setSearching(false);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, actions]);

  const shown = query.trim() === '' ? [] : results;

  function close() {
    onClose();
    editor.commands.focus();
  }

  function pick(entity: TaggingEntity) {
    getTaggingStore(editor).remember([entity]);
    const tagged = tagRange(editor, { entityId: entity.id, entityType: entity.type }, request);
    if (!tagged) {
      setError('تعذّر وسم هذا النص: حدّد كلمة أو أكثر داخل فقرة واحدة.');
      return;
    }
    close();
  }

  async function create() {
    setPending(true);
    setError(null);
    try {
      const result = await actions.create({ type: newType, name: newName });
      if (!result.ok) {
        setError(result.error.fieldErrors?.name?.join(' ') ?? result.error.message);
        return;
      }
      pick(result.data);
    } catch {
      setError(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && shown.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % shown.length);
    } else if (event.key === 'ArrowUp' && shown.length > 0) {
      event.preventDefault();
      setActive((index) => (index - 1 + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entity = shown[active];
      if (entity) pick(entity);
    }
  }

  const title = request.mode === 'change' ? 'تغيير الكيان الموسوم' : 'وسم كيان';
  return (
    <div className="tag-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h2 id={`${id}-title`} className="tag-dialog__title">
        {title}
      </h2>
      {selectedText ? (
        <p className="tag-dialog__selection">
          النص المحدد: <q>{selectedText}</q>
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <label className="tag-dialog__field">
        ابحث في السجل
        <input
          ref={searchRef}
          type="search"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={`${id}-results`}
          aria-activedescendant={shown[active] ? `${id}-option-${shown[active].id}` : undefined}
          aria-autocomplete="list"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
      </label>
      <p className="visually-hidden" role="status">
        {searching ? 'جارٍ البحث…' : query.trim() ? `${shown.length} نتيجة` : ''}
      </p>
      <ul id={`${id}-results`} role="listbox" aria-label="كيانات مطابقة" className="tag-dialog__results">
        {shown.map((entity, index) => (
          <li
            key={entity.id}
            id={`${id}-option-${entity.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'picker-option picker-option--active' : 'picker-option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(entity)}
          >
            <span className={`entity-dot entity-dot--${entity.type}`} aria-hidden="true" />
            <span className="picker-option__name">{entity.name}</span>{' '}
            <span className="picker-option__type">{ENTITY_TYPE_LABELS[entity.type]}</span>
            {entity.aliases.length > 0 ? <span className="picker-option__aliases"> · {entity.aliases.slice(0, 3).join('، ')}</span> : null}
          </li>
        ))}
      </ul>
      <fieldset className="tag-dialog__create">
        <legend>أو أنشئ كيانًا جديدًا</legend>
        <label className="tag-dialog__field">
          النوع
          <select value={newType} onChange={(event) => setNewType(event.target.value as EntityType)}>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {ENTITY_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <label className="tag-dialog__field">
          الاسم المعتمد
          <input value={newName} maxLength={200} onChange={(event) => setNewName(event.target.value)} />
        </label>
        <button type="button" className="button" onClick={create} disabled={pending || newName.trim() === ''}>
          {pending ? 'جارٍ الإنشاء…' : 'إنشاء ووسم'}
        </button>
      </fieldset>
      <button type="button" className="button button--secondary" onClick={close}>
        إلغاء
      </button>
    </div>
  );
}
