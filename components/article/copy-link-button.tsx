'use client';

import { useState } from 'react';

/** Copies the article's address; the only script of the share links (the others are plain links). */
export function CopyLinkButton({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="share-links__copy"
      onClick={() => {
        void navigator.clipboard.writeText(url).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      <span aria-live="polite">{copied ? 'نُسخ الرابط' : 'انسخ الرابط'}</span>
    </button>
  );
}
