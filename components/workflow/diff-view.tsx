import type { DiffSegment } from '@/lib/revisions/word-diff';

/** A word-by-word comparison, right to left: insertions in <ins>, deletions in <del>, line breaks kept. */
export function DiffView({ segments, label }: { segments: readonly DiffSegment[]; label: string }) {
  return (
    <div className="diff" dir="rtl" lang="ar" aria-label={label}>
      {segments.map((segment, index) =>
        segment.kind === 'insert' ? (
          <ins key={index}>{segment.text}</ins>
        ) : segment.kind === 'delete' ? (
          <del key={index}>{segment.text}</del>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
