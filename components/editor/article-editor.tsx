'use client';

import type { Editor, JSONContent } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, type UseEditorOptions } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { EntitySidebar, EntityTaggingToolbar, type EntityTaggingActions } from '@/components/entity-tagging';

import { createContentExtensions, editorContentOptions } from '@/lib/content/extensions';
import { ArticleSaver, initialSaverState, type SaveMode, type SaverState } from '@/lib/editor/article-saver';
import {
  DEK_MAX_LENGTH,
  DEK_RECOMMENDED_LENGTH,
  TITLE_MAX_LENGTH,
  TITLE_RECOMMENDED_LENGTH,
} from '@/lib/editor/limits';
import { clearLocalDrafts, draftToOffer, readLocalDraft, type ArticleContent, type DraftStorage, type LocalDraft } from '@/lib/editor/local-draft-store';
import { cleanPastedHtml } from '@/lib/editor/paste-cleanup';
import { isMacPlatform, matchShortcut } from '@/lib/editor/shortcuts';
import type { ArticleForEditing, SaveArticleResult, SectionOption, SlugCheck } from '@/lib/editor/types';
import { BlockWordCounter, formatWordCount, readingMinutes } from '@/lib/editor/word-count';
import type { ActionResult } from '@/lib/errors';
import { slugify } from '@/lib/text/slug';
import { STATE_LABELS } from '@/lib/workflow/labels';

import { ConflictView } from './conflict-view';
import { EditorSessionContext, type EditorSession } from './editor-session';
import { EditorToolbar } from './editor-toolbar';
import { LengthCounter } from './length-counter';
import { LinkDialog } from './link-dialog';
import { SaveStatusBar } from './save-status';
import './editor.css';

export type ArticleEditorProps = {
  article: ArticleForEditing;
  sections: SectionOption[];
  saveAction: (input: unknown) => Promise<SaveArticleResult>;
  checkSlugAction: (input: unknown) => Promise<ActionResult<SlugCheck>>;
  previewHref: string;
  /** The registry's server actions, for tagging entities in the text (no tagging tools without them). */
  entityActions?: EntityTaggingActions;
  /** Panels shown beside the editor (workflow steps, comments): they reach the session through useEditorSession(). */
  children?: ReactNode;
};

/** How long a workflow step waits for pending changes to be saved before giving up. */
const FLUSH_TIMEOUT_MS = 20_000;

const NEVER_PUBLISHED = new Set(['draft', 'in_review', 'changes_requested', 'approved', 'scheduled']);

function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isAutoSlug(article: ArticleForEditing): boolean {
  if (!NEVER_PUBLISHED.has(article.status)) return false;
  const base = slugify(article.title);
  return article.slug === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(article.slug) || base === '';
}

function textBlocks(doc: PMNode): PMNode[] {
  const blocks: PMNode[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) {
      blocks.push(node);
      return false;
    }
    return true;
  });
  return blocks;
}

/** Sends a save through the server action, or through the keep-alive route when the page is going away. */
async function sendKeepalive(json: string, id: string): Promise<SaveArticleResult> {
  const response = await fetch(`/api/articles/${encodeURIComponent(id)}/save`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: json,
  });
  return (await response.json()) as SaveArticleResult;
}

/** Western digits, as on the rest of the site (dates, public pages). */
const NUMBER_LOCALE = 'ar-u-nu-latn';

const KEEPALIVE_BODY_LIMIT = 60 * 1024;

export function ArticleEditor({ article, sections, saveAction, checkSlugAction, previewHref, entityActions, children }: ArticleEditorProps) {
  const canEdit = article.permissions.canEdit;
  const ids = { title: useId(), dek: useId(), slug: useId(), section: useId(), body: useId(), slugHelp: useId() };

  const [title, setTitle] = useState(article.title);
  const [dek, setDek] = useState(article.dek);
  const [slug, setSlug] = useState(article.slug);
  const [sectionId, setSectionId] = useState<string | null>(article.sectionId);
  const [slugAuto, setSlugAuto] = useState(() => isAutoSlug(article));
  const [slugCheck, setSlugCheck] = useState<SlugCheck | null>(null);
  const [saverState, setSaverState] = useState<SaverState | null>(() => (canEdit ? initialSaverState(article.version) : null));
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [counts, setCounts] = useState({ words: 0, minutes: 0 });

  const fields = useRef({ title: article.title, dek: article.dek, slug: article.slug, sectionId: article.sectionId });
  const [conflictMine, setConflictMine] = useState<ArticleContent | null>(null);
  const saverRef = useRef<ArticleSaver | null>(null);
  // The page may render again with new props while the editor is open (router.refresh() after a comment, an action's
  // revalidatePath): the save loop must not start over then, or it would forget the pending changes (and a newer
  // server version must come back as a conflict, not become the base of the next save). It starts from the version
  // the editor was opened on, and reads the latest props through refs.
  const [openedVersion] = useState(article.version);
  const openedBody = useRef(article.body);
  const saveActionRef = useRef(saveAction);
  const latestVersion = useRef(article.version);
  useEffect(() => {
    saveActionRef.current = saveAction;
    latestVersion.current = article.version;
  }, [saveAction, article.version]);
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wordCounter = useMemo(() => new BlockWordCounter<PMNode>((node) => node.textContent), []);
  const isMac = useMemo(() => (typeof navigator === 'undefined' ? false : isMacPlatform()), []);

  const editorRef = useRef<Editor | null>(null);
  const scheduleCountRef = useRef<() => void>(() => {});
  // Built once: a new options object on every render would make Tiptap call setOptions on every render.
  const [editorOptions] = useState<UseEditorOptions>(() => ({
    ...editorContentOptions,
    extensions: [
      ...createContentExtensions(),
      Placeholder.configure({ placeholder: 'اكتب نص المقال هنا…' }),
    ],
    content: article.body,
    editable: canEdit,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      ...editorContentOptions.editorProps,
      attributes: {
        ...editorContentOptions.editorProps.attributes,
        class: 'editor-body article-body',
        id: ids.body,
        'aria-label': 'نص المقال',
        'aria-multiline': 'true',
        role: 'textbox',
      },
      transformPastedHTML: (html) => cleanPastedHtml(html),
      handleKeyDown: (_view, event) => {
        const shortcut = matchShortcut(event, isMac);
        const current = editorRef.current;
        if (!shortcut || !current) return false;
        const chain = current.chain().focus();
        switch (shortcut) {
          case 'bold':
            chain.toggleBold().run();
            break;
          case 'italic':
            chain.toggleItalic().run();
            break;
          case 'underline':
            chain.toggleUnderline().run();
            break;
          case 'strike':
            chain.toggleStrike().run();
            break;
          case 'undo':
            chain.undo().run();
            break;
          case 'redo':
            chain.redo().run();
            break;
          case 'heading2':
            chain.toggleHeading({ level: 2 }).run();
            break;
          case 'heading3':
            chain.toggleHeading({ level: 3 }).run();
            break;
          case 'orderedList':
            chain.toggleOrderedList().run();
            break;
          case 'bulletList':
            chain.toggleBulletList().run();
            break;
          case 'link':
            setLinkOpen(true);
            break;
          case 'save':
            void saverRef.current?.saveNow();
            break;
        }
        event.preventDefault();
        return true;
      },
    },
    onCreate: ({ editor: created }) => {
      const words = wordCounter.count(textBlocks(created.state.doc));
      setCounts({ words, minutes: readingMinutes(words) });
      const storage = canEdit ? browserStorage() : null;
      if (!storage) return;
      const server = { title: article.title, dek: article.dek, slug: article.slug, sectionId: article.sectionId, body: created.getJSON() };
      const offered = draftToOffer(readLocalDraft(storage, article.id), { ...server, version: article.version });
      if (offered) setOffer(offered);
      else clearLocalDrafts(storage, article.id);
    },
    onUpdate: () => {
      saverRef.current?.markChanged();
      scheduleCountRef.current();
    },
    onBlur: () => {
      void saverRef.current?.saveNow();
    },
  }));
  const editor = useEditor(editorOptions as UseEditorOptions & { immediatelyRender: false });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  const recount = useCallback(() => {
    const current = editorRef.current;
    if (!current) return;
    const words = wordCounter.count(textBlocks(current.state.doc));
    setCounts({ words, minutes: readingMinutes(words) });
  }, [wordCounter]);

  const scheduleCount = useCallback(() => {
    if (countTimer.current) clearTimeout(countTimer.current);
    countTimer.current = setTimeout(recount, 400);
  }, [recount]);

  useEffect(() => {
    scheduleCountRef.current = scheduleCount;
  }, [scheduleCount]);

  const getContent = useCallback((): ArticleContent => {
    const current = editorRef.current;
    return { ...fields.current, body: current ? current.getJSON() : openedBody.current };
  }, []);

  // The save loop, created once the editor exists.
  useEffect(() => {
    if (!editor || !canEdit) return;
    const storage = browserStorage();
    const saver = new ArticleSaver({
      articleId: article.id,
      version: openedVersion,
      getContent,
      storage,
      onState: (next) => {
        setSaverState(next);
        setConflictMine(next.conflict ? getContent() : null);
      },
      send: (input, mode: SaveMode) => {
        // Plain JSON: ProseMirror's attribute objects have no prototype, which React's action serializer refuses.
        const json = JSON.stringify(input);
        return mode === 'keepalive' && json.length < KEEPALIVE_BODY_LIMIT ? sendKeepalive(json, input.id) : saveActionRef.current(JSON.parse(json));
      },
    });
    saverRef.current = saver;
    return () => {
      saver.writeLocalCopy();
      saver.dispose();
      saverRef.current = null;
    };
  }, [editor, canEdit, article.id, openedVersion, getContent]);

  // Ctrl/Cmd+S anywhere on the page (title, dek, slug…); page hide saves and keeps a local copy; back online retries.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (matchShortcut(event, isMac) === 'save') {
        event.preventDefault();
        void saverRef.current?.saveNow();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'hidden') return;
      saverRef.current?.writeLocalCopy();
      void saverRef.current?.saveNow();
    };
    const onPageHide = () => {
      saverRef.current?.writeLocalCopy();
      void saverRef.current?.saveNow('keepalive');
    };
    const onOnline = () => {
      if (saverRef.current?.getState().status === 'failed') void saverRef.current.saveNow();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
    };
  }, [isMac]);

  // Live slug check (debounced); while the slug follows the title, a taken one is replaced by the free suggestion.
  useEffect(() => {
    if (!canEdit) return;
    if (slug === article.slug && slugCheck === null) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await checkSlugAction({ id: article.id, slug }).catch(() => null);
      if (cancelled || !result?.ok) return;
      if (!result.data.ok && slugAuto && result.data.suggestion && result.data.suggestion !== slug) {
        setSlug(result.data.suggestion);
        fields.current = { ...fields.current, slug: result.data.suggestion };
        saverRef.current?.markChanged();
        return;
      }
      setSlugCheck(result.data);
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the slug changes
  }, [slug]);

  const changeTitle = (value: string) => {
    setTitle(value);
    fields.current = { ...fields.current, title: value };
    if (slugAuto) {
      const generated = slugify(value);
      if (generated) {
        setSlug(generated);
        fields.current = { ...fields.current, slug: generated };
      }
    }
    saverRef.current?.markChanged();
  };
  const changeDek = (value: string) => {
    setDek(value);
    fields.current = { ...fields.current, dek: value };
    saverRef.current?.markChanged();
  };
  const changeSlug = (value: string) => {
    setSlugAuto(false);
    setSlug(value);
    fields.current = { ...fields.current, slug: value };
    saverRef.current?.markChanged();
  };
  const changeSection = (value: string) => {
    setSectionId(value === '' ? null : value);
    fields.current = { ...fields.current, sectionId: value === '' ? null : value };
    saverRef.current?.markChanged();
  };

  const applyContent = (content: Omit<ArticleContent, 'body'> & { body: JSONContent }) => {
    setTitle(content.title);
    setDek(content.dek);
    setSlug(content.slug);
    setSectionId(content.sectionId);
    fields.current = { title: content.title, dek: content.dek, slug: content.slug, sectionId: content.sectionId };
    editorRef.current?.commands.setContent(content.body, { emitUpdate: false });
    recount();
  };

  const restoreOffer = () => {
    if (!offer) return;
    applyContent(offer.content);
    setOffer(null);
    saverRef.current?.restoreFrom(offer.baseVersion);
  };
  const discardOffer = () => {
    const storage = browserStorage();
    if (storage) clearLocalDrafts(storage, article.id);
    setOffer(null);
  };

  const session = useMemo<EditorSession>(
    () => ({
      getVersion: () => saverRef.current?.getState().version ?? latestVersion.current,
      async flush() {
        const saver = saverRef.current;
        if (!saver) return true;
        const deadline = Date.now() + FLUSH_TIMEOUT_MS;
        // A save that failed earlier (the server was down a moment) is tried once more before giving up.
        let triedAfterFailure = false;
        while (Date.now() < deadline) {
          const current = saver.getState();
          if (current.status === 'conflict') return false;
          if (current.status === 'failed') {
            if (triedAfterFailure) return false;
            triedAfterFailure = true;
            await saver.saveNow();
            continue;
          }
          if (current.status === 'saved' && !saver.hasUnsavedChanges()) return true;
          if (current.status === 'saving') await new Promise((resolve) => setTimeout(resolve, 100));
          else await saver.saveNow();
        }
        return false;
      },
    }),
    [],
  );

  const state = saverState;
  const slugError = state?.fieldErrors?.slug?.[0] ?? (slugCheck && !slugCheck.ok ? slugCheck.message : null);
  const savedDate = useMemo(() => new Intl.DateTimeFormat(NUMBER_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }), []);

  return (
    <EditorSessionContext.Provider value={session}>
    <div className="article-editor-layout">
    <div className="article-editor" data-testid="article-editor">
      <div className="article-editor__bar">
        <p className="article-editor__status-badge">
          <span className="status-badge">{STATE_LABELS[article.status]}</span> · {article.authorName}
        </p>
        {canEdit && state ? (
          <SaveStatusBar state={state} onRetry={() => void saverRef.current?.saveNow()} />
        ) : null}
        <a className="button button--secondary" href={previewHref} target="_blank" rel="noopener" onClick={() => void saverRef.current?.saveNow()}>
          معاينة
        </a>
      </div>

      {!canEdit ? (
        <p className="editor-notice" role="note">
          لا يمكنك تعديل هذا المقال في حالته الحالية ({STATE_LABELS[article.status]})؛ يمكنك قراءته فقط.
        </p>
      ) : null}

      {offer ? (
        <div className="editor-notice editor-notice--warning" role="alert" data-testid="restore-offer">
          <p>
            لديك نسخة غير محفوظة من هذا المقال ({savedDate.format(offer.savedAt)}). هل تريد استعادتها؟
          </p>
          <div className="editor-actions">
            <button type="button" className="button" onClick={restoreOffer}>
              استعادتها
            </button>
            <button type="button" className="button button--secondary" onClick={discardOffer}>
              تجاهلها
            </button>
          </div>
        </div>
      ) : null}

      {state?.conflict && conflictMine ? (
        <ConflictView
          server={state.conflict}
          mine={conflictMine}
          onKeepMine={() => void saverRef.current?.keepMine()}
          onTakeServer={() => saverRef.current?.takeServer((snapshot) => applyContent(snapshot))}
        />
      ) : null}

      <div className="editor-fields">
        <div className="editor-field">
          <label htmlFor={ids.title}>العنوان</label>
          <textarea
            id={ids.title}
            className="editor-input editor-input--title"
            rows={2}
            value={title}
            maxLength={TITLE_MAX_LENGTH}
            readOnly={!canEdit}
            onChange={(event) => changeTitle(event.target.value)}
            onBlur={() => void saverRef.current?.saveNow()}
            aria-describedby={`${ids.title}-count`}
            dir="rtl"
          />
          <LengthCounter id={`${ids.title}-count`} value={title} recommended={TITLE_RECOMMENDED_LENGTH} />
        </div>
        <div className="editor-field">
          <label htmlFor={ids.dek}>الموجز</label>
          <textarea
            id={ids.dek}
            className="editor-input"
            rows={3}
            value={dek}
            maxLength={DEK_MAX_LENGTH}
            readOnly={!canEdit}
            onChange={(event) => changeDek(event.target.value)}
            onBlur={() => void saverRef.current?.saveNow()}
            aria-describedby={`${ids.dek}-count`}
            dir="rtl"
          />
          <LengthCounter id={`${ids.dek}-count`} value={dek} recommended={DEK_RECOMMENDED_LENGTH} />
        </div>
        <div className="editor-field-row">
          <div className="editor-field">
            <label htmlFor={ids.slug}>الرابط المختصر</label>
            <input
              id={ids.slug}
              className="editor-input"
              value={slug}
              readOnly={!canEdit}
              onChange={(event) => changeSlug(event.target.value)}
              onBlur={() => void saverRef.current?.saveNow()}
              aria-invalid={slugError ? true : undefined}
              aria-describedby={ids.slugHelp}
              dir="auto"
              spellCheck={false}
            />
            <p id={ids.slugHelp} className={slugError ? 'editor-field__error' : 'editor-field__help'} role={slugError ? 'alert' : undefined}>
              {slugError ?? (slugAuto ? 'يُولَّد من العنوان حتى تعدّله بنفسك.' : 'حروف وأرقام وشَرطات فقط.')}
              {slugError && slugCheck && !slugCheck.ok && slugCheck.suggestion ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => changeSlug(slugCheck.suggestion!)}>
                    استخدام «{slugCheck.suggestion}»
                  </button>
                </>
              ) : null}
            </p>
          </div>
          <div className="editor-field">
            <label htmlFor={ids.section}>القسم</label>
            <select
              id={ids.section}
              className="editor-input"
              value={sectionId ?? ''}
              disabled={!canEdit}
              onChange={(event) => changeSection(event.target.value)}
            >
              <option value="">بلا قسم</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>

      <div className="editor-body-frame">
        <span className="visually-hidden" id={`${ids.body}-label`}>
          نص المقال
        </span>
        {editor && canEdit ? (
          <div className="editor-toolbars">
            <EditorToolbar editor={editor} isMac={isMac} onLink={() => setLinkOpen(true)} />
            {entityActions ? <EntityTaggingToolbar editor={editor} actions={entityActions} /> : null}
          </div>
        ) : null}
        <EditorContent editor={editor} className="editor-content" />
        <p className="editor-counts" data-testid="word-count">
          <span>{formatWordCount(counts.words, NUMBER_LOCALE)}</span> · <span>دقائق القراءة: {new Intl.NumberFormat(NUMBER_LOCALE).format(counts.minutes)}</span>
        </p>
      </div>

      {editor && linkOpen ? <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} /> : null}
    </div>
    <aside className="article-editor__sidebar" aria-label="أدوات المقال">
      {children}
      {editor && entityActions ? <EntitySidebar editor={editor} actions={entityActions} /> : null}
    </aside>
    </div>
    </EditorSessionContext.Provider>
  );
}
