'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/lib/entities/entity-types';
import type { ActionResult, FieldErrors } from '@/lib/errors';
import './entity-registry.css';

export type EntityFormValues = {
  type: EntityType;
  name: string;
  slug: string;
  aliases: string;
  description: string;
  wikidataId: string;
};

export type EntityFormSubmit = (input: {
  type: EntityType;
  name: string;
  slug: string;
  aliases: string[];
  description: string;
  wikidataId: string;
}) => Promise<ActionResult<{ id: string }>>;

export const EMPTY_ENTITY_FORM: EntityFormValues = { type: 'person', name: '', slug: '', aliases: '', description: '', wikidataId: '' };

/**
 * Create or edit an entity. Controlled fields: a refused save keeps everything typed, with the Arabic messages beside
 * the fields concerned.
 */
export function EntityForm({
  initial,
  submit,
  submitLabel,
  redirectOnSuccess,
}: {
  initial: EntityFormValues;
  submit: EntityFormSubmit;
  submitLabel: string;
  /** After a create: go to the new entity's page. After an edit: stay, refreshed. */
  redirectOnSuccess: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  const set = <K extends keyof EntityFormValues>(key: K, value: EntityFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    setSaved(false);
    try {
      const result = await submit({
        type: values.type,
        name: values.name,
        slug: values.slug,
        aliases: values.aliases.split(/\r?\n/).map((alias) => alias.trim()).filter(Boolean),
        description: values.description,
        wikidataId: values.wikidataId,
      });
      if (!result.ok) {
        setFormError(result.error.message);
        setFieldErrors(result.error.fieldErrors ?? {});
        return;
      }
      if (redirectOnSuccess) router.push(`/newsroom/entities/${result.data.id}`);
      else {
        setSaved(true);
        router.refresh();
      }
    } catch {
      setFormError('تعذّر الاتصال بالخادم. لم يُحفظ شيء، وما كتبته باقٍ في النموذج؛ يُرجى المحاولة مرة أخرى.');
    } finally {
      setPending(false);
    }
  }

  const errorOf = (field: string) => fieldErrors[field]?.join(' ');
  const describedBy = (field: string) => (errorOf(field) ? `${id}-${field}-error` : undefined);
  const fieldError = (field: string) =>
    errorOf(field) ? (
      <span className="field-error" id={`${id}-${field}-error`}>
        {errorOf(field)}
      </span>
    ) : null;

  return (
    <form className="form entity-form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {saved ? (
        <p className="form-success" role="status">
          حُفظت التغييرات.
        </p>
      ) : null}
      <label>
        النوع
        <select name="type" value={values.type} onChange={(event) => set('type', event.target.value as EntityType)} aria-describedby={describedBy('type')}>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {ENTITY_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        {fieldError('type')}
      </label>
      <label>
        الاسم المعتمد
        <input name="name" value={values.name} onChange={(event) => set('name', event.target.value)} required maxLength={200} aria-invalid={Boolean(errorOf('name'))} aria-describedby={describedBy('name')} />
        {fieldError('name')}
      </label>
      <label>
        الرابط المختصر (اختياري)
        <input name="slug" value={values.slug} onChange={(event) => set('slug', event.target.value)} maxLength={100} aria-invalid={Boolean(errorOf('slug'))} aria-describedby={describedBy('slug') ?? `${id}-slug-hint`} />
        <span className="field-hint" id={`${id}-slug-hint`}>
          يُنشأ من الاسم إن تُرك فارغًا.
        </span>
        {fieldError('slug')}
      </label>
      <label>
        الأسماء البديلة (اسم في كل سطر)
        <textarea name="aliases" rows={4} value={values.aliases} onChange={(event) => set('aliases', event.target.value)} aria-invalid={Boolean(errorOf('aliases'))} aria-describedby={describedBy('aliases')} />
        {fieldError('aliases')}
      </label>
      <label>
        وصف قصير
        <textarea name="description" rows={3} value={values.description} onChange={(event) => set('description', event.target.value)} maxLength={2000} aria-describedby={describedBy('description')} />
        {fieldError('description')}
      </label>
      <label>
        معرّف ويكي بيانات (اختياري)
        <input name="wikidataId" dir="ltr" value={values.wikidataId} onChange={(event) => set('wikidataId', event.target.value)} placeholder="Q1530" maxLength={20} aria-invalid={Boolean(errorOf('wikidataId'))} aria-describedby={describedBy('wikidataId')} />
        {fieldError('wikidataId')}
      </label>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'جارٍ الحفظ…' : submitLabel}
      </button>
    </form>
  );
}
