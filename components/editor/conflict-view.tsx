'use client';

import { useMemo } from 'react';
import { extractPlainText } from '@/lib/content/plain-text';
import type { ArticleContent } from '@/lib/editor/local-draft-store';
import { diffParagraphs, diffWords, type DiffPart } from '@/lib/editor/text-diff';
import type { ServerArticleSnapshot } from '@/lib/editor/types';

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={index} title="في نسخة الخادم فقط">
            {part.text}
          </del>
        ) : (
          <ins key={index} title="في نسختك فقط">
            {part.text}
          </ins>
        ),
      )}
    </>
  );
}

/**
 * Shown when a save was refused because someone saved a newer version: what differs between the server's copy and
 * the user's (deleted = only on the server, inserted = only in the user's text), and the two ways out. Nothing is
 * overwritten until the user chooses.
 */
export function ConflictView({
  server,
  mine,
  onKeepMine,
  onTakeServer,
}: {
  server: ServerArticleSnapshot;
  mine: ArticleContent;
  onKeepMine: () => void;
  onTakeServer: () => void;
}) {
  const diff = useMemo(
    () => ({
      title: diffWords(server.title, mine.title),
      dek: diffWords(server.dek, mine.dek),
      body: diffParagraphs(server.bodyText, extractPlainText(mine.body)).filter((part) => part.kind !== 'same'),
    }),
    [server, mine],
  );
  const who = server.lastEditorName ? `حفظ ${server.lastEditorName}` : 'حُفظت';
  return (
    <section className="conflict-view" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-help" data-testid="conflict-view">
      <h2 id="conflict-title">تعارض في الحفظ</h2>
      <p id="conflict-help">
        {who} نسخة أحدث من هذا المقال أثناء عملك عليه، فلم نحفظ نسختك فوقها. نصّك ما زال في المحرر وفي هذا المتصفح.
        راجع الفروق ثم اختر:
      </p>
      <p className="conflict-view__legend">
        <del>نص في نسخة الخادم فقط</del> · <ins>نص في نسختك فقط</ins>
      </p>
      <dl className="conflict-view__diff">
        <dt>العنوان</dt>
        <dd data-testid="conflict-title">
          <Parts parts={diff.title} />
        </dd>
        {server.dek || mine.dek ? (
          <>
            <dt>الموجز</dt>
            <dd>
              <Parts parts={diff.dek} />
            </dd>
          </>
        ) : null}
        <dt>النص</dt>
        <dd data-testid="conflict-body">
          {diff.body.length === 0 ? <p>لا فرق في النص.</p> : null}
          {diff.body.map((part, index) =>
            part.kind === 'changed' ? (
              <p key={index}>
                <Parts parts={part.parts} />
              </p>
            ) : part.kind === 'removed' ? (
              <p key={index}>
                <del>{part.text}</del>
              </p>
            ) : part.kind === 'added' ? (
              <p key={index}>
                <ins>{part.text}</ins>
              </p>
            ) : null,
          )}
        </dd>
      </dl>
      <div className="editor-actions">
        <button type="button" className="button" onClick={onKeepMine}>
          الإبقاء على نسختي
        </button>
        <button type="button" className="button button--secondary" onClick={onTakeServer}>
          اعتماد نسخة الخادم
        </button>
      </div>
      <p className="editor-field__help">«الإبقاء على نسختي» يحفظ نصّك إصدارًا جديدًا فوق نسخة الخادم، وتبقى نسخة الخادم في سجل المقال.</p>
    </section>
  );
}
