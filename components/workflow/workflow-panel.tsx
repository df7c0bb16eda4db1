'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { applyWorkflowEventAction } from '@/app/(newsroom)/newsroom/articles/[id]/workflow-actions';
import { useEditorSession } from '@/components/editor/editor-session';
import { ERROR_CODES } from '@/lib/errors/codes';
import { EVENT_LABELS, STATE_LABELS } from '@/lib/workflow/labels';
import { eventRequiresComment, isMeaningfulComment } from '@/lib/workflow/machine';
import type { ArticleState, WorkflowEvent } from '@/lib/workflow/states';

export type WorkflowPanelProps = {
  articleId: string;
  status: ArticleState;
  /** The article version shown to the person: a step on a version that changed since is refused. */
  version: number;
  /** `availableEvents(article, actor, { fourEyes })`, computed on the server: only these buttons are shown. */
  events: readonly WorkflowEvent[];
  /** The newsroom's time zone (MIDAD_TIME_ZONE), shown beside the schedule input. */
  timeZone: string;
  /** The current schedule as a local date-time in that zone, when scheduled. */
  publishAtLocal?: string | null;
  /** Human-readable current schedule, when scheduled. */
  publishAtLabel?: string | null;
  /** Called after a step succeeded (the default refreshes the page). */
  onChanged?: (status: ArticleState, version: number) => void;
};

const DANGER: ReadonlySet<WorkflowEvent> = new Set(['unpublish', 'request_changes', 'withdraw']);
const TIME_ZONE_LABELS: Record<string, string> = { 'Asia/Baghdad': 'بتوقيت بغداد' };

/**
 * The workflow of one article: its state, the steps this person may take now (and only those), the comment that goes
 * with a step (required to request changes), the schedule in the newsroom's time zone, and the public note of an
 * update or correction. Errors come back from the server in Arabic; what was typed is kept.
 */
export function WorkflowPanel(props: WorkflowPanelProps) {
  const router = useRouter();
  const session = useEditorSession();
  const ids = useId();
  const [comment, setComment] = useState('');
  const [publishAt, setPublishAt] = useState(props.publishAtLocal ?? '');
  const [noteKind, setNoteKind] = useState<'update' | 'correction'>('update');
  const [noteText, setNoteText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const events = props.events.filter((event) => event !== 'publish_due');
  const canSchedule = events.includes('schedule');
  const canUpdate = events.includes('publish_update');

  function run(event: WorkflowEvent) {
    setError(null);
    setFieldErrors({});
    setDone(null);
    if (eventRequiresComment(event) && !isMeaningfulComment(comment)) {
      setError(ERROR_CODES.comment_required.message);
      return;
    }
    if (event === 'schedule' && publishAt === '') {
      setError(ERROR_CODES.invalid_schedule.message);
      return;
    }
    startTransition(async () => {
      // Beside the editor: save what was typed first, so the step acts on the text on screen.
      if (session && !(await session.flush())) {
        setError('تعذّر حفظ التغييرات الأخيرة، فلم تُنفَّذ الخطوة. احفظ المقال ثم أعد المحاولة.');
        return;
      }
      const result = await applyWorkflowEventAction({
        articleId: props.articleId,
        event,
        expectedVersion: session ? session.getVersion() : props.version,
        ...(comment.trim() ? { comment } : {}),
        ...(event === 'schedule' ? { publishAt } : {}),
        ...(event === 'publish_update' && noteText.trim() ? { note: { kind: noteKind, text: noteText } } : {}),
      });
      if (!result.ok) {
        setError(result.error.message);
        setFieldErrors(result.error.fieldErrors ?? {});
        return;
      }
      setComment('');
      setNoteText('');
      setDone(`تم: ${EVENT_LABELS[event]}. الحالة الآن: ${STATE_LABELS[result.data.status]}.`);
      if (props.onChanged) props.onChanged(result.data.status, result.data.version);
      else router.refresh();
    });
  }

  return (
    <section className="workflow-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>سير العمل</h2>
      <p>
        الحالة: <span className="status-badge" data-testid="workflow-status">{STATE_LABELS[props.status]}</span>
        {props.status === 'scheduled' && props.publishAtLabel ? <> · موعد النشر: {props.publishAtLabel}</> : null}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
          {Object.values(fieldErrors).flat().map((message) => (
            <span key={message} className="form-error__detail">
              {' '}
              {message}
            </span>
          ))}
        </p>
      ) : null}
      {done ? (
        <p className="form-success" role="status">
          {done}
        </p>
      ) : null}
      {events.length === 0 ? (
        <p className="muted">لا إجراءات متاحة لك على هذا المقال في حالته الحالية.</p>
      ) : (
        <div className="workflow-panel__fields">
          <label htmlFor={`${ids}-comment`}>
            ملاحظة ترافق الإجراء{events.some(eventRequiresComment) ? ' (مطلوبة عند طلب التعديلات)' : ' (اختيارية)'}
          </label>
          <textarea
            id={`${ids}-comment`}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={3}
            maxLength={4000}
            dir="auto"
          />
          {canSchedule ? (
            <>
              <label htmlFor={`${ids}-publish-at`}>
                موعد النشر ({TIME_ZONE_LABELS[props.timeZone] ?? `بتوقيت ${props.timeZone}`})
              </label>
              <input
                id={`${ids}-publish-at`}
                type="datetime-local"
                step={1}
                value={publishAt}
                onChange={(event) => setPublishAt(event.target.value)}
                dir="ltr"
              />
            </>
          ) : null}
          {canUpdate ? (
            <fieldset className="workflow-panel__note">
              <legend>ملاحظة للقراء ترافق التحديث (اختيارية)</legend>
              <label>
                <input type="radio" name={`${ids}-note-kind`} checked={noteKind === 'update'} onChange={() => setNoteKind('update')} />
                تحديث
              </label>
              <label>
                <input
                  type="radio"
                  name={`${ids}-note-kind`}
                  checked={noteKind === 'correction'}
                  onChange={() => setNoteKind('correction')}
                />
                تصحيح
              </label>
              <label htmlFor={`${ids}-note-text`}>نص الملاحظة العلنية</label>
              <textarea
                id={`${ids}-note-text`}
                value={noteText}
                onChange={(event) => setNoteText(event.target.value)}
                rows={2}
                maxLength={2000}
                dir="auto"
              />
            </fieldset>
          ) : null}
          <div className="workflow-panel__actions">
            {events.map((event) => (
              <button
                key={event}
                type="button"
                className={DANGER.has(event) ? 'button button--secondary' : 'button'}
                disabled={pending}
                onClick={() => run(event)}
                data-event={event}
              >
                {EVENT_LABELS[event]}
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
