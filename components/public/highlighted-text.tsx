import { Fragment } from 'react';
import type { SnippetSegment } from '@/lib/search/snippet';

/**
 * Text segments with the highlighted ones in <mark>; React escapes every character. Plain segments get no element of
 * their own (extra markup can break the joining of Arabic letters in some engines); marks cover whole words.
 */
export function HighlightedText({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.highlight ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}
