import type { FieldErrors } from '@/lib/errors';
import { clearLocalDrafts, isSameContent, writeLocalDraft, type ArticleContent, type DraftStorage } from './local-draft-store';
import type { SaveArticleResult, SavedArticle, ServerArticleSnapshot } from './types';

/**
 * The editor's save loop, without React: autosave a short while after the last change, one save in flight at a
 * time (changes made during a save are saved next), every save carrying the version the text was based on, the
 * unsaved text kept in the browser until the server confirms it, and a stale save turned into a conflict that waits
 * for the user's decision.
 */

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';
export type SaveMode = 'normal' | 'keepalive';

export type SaverState = {
  status: SaveStatus;
  /** The version the editor's text is based on (the last the server confirmed). */
  version: number;
  /** Arabic explanation of the last failure. */
  error: string | null;
  fieldErrors: FieldErrors | null;
  conflict: ServerArticleSnapshot | null;
  lastSaved: SavedArticle | null;
  /** False when the browser refused to keep a local copy (storage full or disabled). */
  localCopyOk: boolean;
};

export type SaverOptions = {
  articleId: string;
  version: number;
  getContent: () => ArticleContent;
  send: (input: ArticleContent & { id: string; expectedVersion: number }, mode: SaveMode) => Promise<SaveArticleResult>;
  storage: DraftStorage | null;
  onState: (state: SaverState) => void;
  autosaveDelayMs?: number;
  localCopyDelayMs?: number;
  /** First automatic retry after a failure that may pass (network, server or database down); doubles up to 30 s. */
  retryDelayMs?: number;
  now?: () => number;
};

export const AUTOSAVE_DELAY_MS = 1500;
export const LOCAL_COPY_DELAY_MS = 300;
export const LOCAL_COPY_MAX_WAIT_MS = 2000;
/** How long a timed local copy may wait for the browser to be idle. */
export const LOCAL_COPY_IDLE_TIMEOUT_MS = 500;
export const RETRY_DELAY_MS = 3000;
export const RETRY_MAX_DELAY_MS = 30_000;

/** Failures that may pass by themselves (the server, its database or the network was down): retried automatically. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['internal', 'database_unavailable']);

export const NETWORK_FAILURE_MESSAGE = 'تعذّر الاتصال بالخادم. ما كتبته محفوظ في هذا المتصفح، وسنحاول مرة أخرى.';

export function initialSaverState(version: number): SaverState {
  return { status: 'saved', version, error: null, fieldErrors: null, conflict: null, lastSaved: null, localCopyOk: true };
}

export class ArticleSaver {
  private state: SaverState;
  private changeSeq = 0;
  private savedSeq = 0;
  private inFlight = false;
  private saveAgain = false;
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private localTimer: ReturnType<typeof setTimeout> | null = null;
  private localIdle: number | null = null;
  private localCopyDue: number | null = null;
  private disposed = false;
  private readonly autosaveDelay: number;
  private readonly localDelay: number;
  private readonly retryDelay: number;
  private readonly now: () => number;

  constructor(private readonly options: SaverOptions) {
    this.state = initialSaverState(options.version);
    this.autosaveDelay = options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS;
    this.localDelay = options.localCopyDelayMs ?? LOCAL_COPY_DELAY_MS;
    this.retryDelay = options.retryDelayMs ?? RETRY_DELAY_MS;
    this.now = options.now ?? Date.now;
  }

  getState(): SaverState {
    return this.state;
  }

  hasUnsavedChanges(): boolean {
    return this.changeSeq !== this.savedSeq;
  }

  private update(patch: Partial<SaverState>): void {
    this.state = { ...this.state, ...patch };
    if (!this.disposed) this.options.onState(this.state);
  }

  /** Call after every change of the title, dek, slug, section or body. */
  markChanged(): void {
    this.changeSeq++;
    if (this.state.status === 'saved' || this.state.status === 'failed') this.update({ status: 'unsaved' });
    this.scheduleLocalCopy();
    this.scheduleAutosave(this.autosaveDelay);
  }

  private scheduleAutosave(delay: number): void {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      void this.saveNow();
    }, delay);
  }

  /**
   * The local copy is written when typing pauses (after `localCopyDelayMs` without a change) and at least every
   * `LOCAL_COPY_MAX_WAIT_MS` during continuous typing, so that serializing a long document does not land on every
   * few keystrokes. Page hide, a failed save and every save attempt write it at once.
   *
   * In a browser the timed write waits for the next idle period (`requestIdleCallback`, at most
   * `LOCAL_COPY_IDLE_TIMEOUT_MS`): it then runs right after a frame is painted instead of between a keystroke and
   * its frame, which would delay that keystroke by the time it takes to serialize the document.
   */
  private scheduleLocalCopy(): void {
    if (this.localTimer) clearTimeout(this.localTimer);
    const now = this.now();
    this.localCopyDue ??= now + LOCAL_COPY_MAX_WAIT_MS;
    const delay = Math.max(0, Math.min(this.localDelay, this.localCopyDue - now));
    this.localTimer = setTimeout(() => {
      this.localTimer = null;
      if (typeof requestIdleCallback !== 'function') {
        this.writeLocalCopy();
        return;
      }
      if (this.localIdle !== null) return;
      this.localIdle = requestIdleCallback(
        () => {
          this.localIdle = null;
          this.writeLocalCopy();
        },
        { timeout: LOCAL_COPY_IDLE_TIMEOUT_MS },
      );
    }, delay);
  }

  private cancelIdleLocalCopy(): void {
    if (this.localIdle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.localIdle);
    this.localIdle = null;
  }

  /** Writes the unsaved text to the browser now (page hide, before a save). */
  writeLocalCopy(): void {
    if (this.localTimer) {
      clearTimeout(this.localTimer);
      this.localTimer = null;
    }
    this.cancelIdleLocalCopy();
    this.localCopyDue = null;
    if (!this.options.storage || !this.hasUnsavedChanges()) return;
    const ok = writeLocalDraft(this.options.storage, {
      articleId: this.options.articleId,
      baseVersion: this.state.version,
      savedAt: this.now(),
      content: this.options.getContent(),
    });
    if (ok !== this.state.localCopyOk) this.update({ localCopyOk: ok });
  }

  /**
   * Saves now if anything is unsaved. A save during another waits for it and then goes with everything changed
   * meanwhile. Nothing is sent while a conflict waits for the user.
   */
  async saveNow(mode: SaveMode = 'normal'): Promise<void> {
    if (this.autosaveTimer) {
      clearTimeout(this.autosaveTimer);
      this.autosaveTimer = null;
    }
    this.cancelRetry();
    if (this.disposed || this.state.conflict) return;
    if (this.inFlight) {
      this.saveAgain = true;
      return;
    }
    if (!this.hasUnsavedChanges()) return;

    this.writeLocalCopy();
    const seq = this.changeSeq;
    const content = this.options.getContent();
    this.inFlight = true;
    this.update({ status: 'saving' });
    let result: SaveArticleResult;
    try {
      result = await this.options.send({ ...content, id: this.options.articleId, expectedVersion: this.state.version }, mode);
    } catch {
      result = { ok: false, error: { code: 'internal', message: NETWORK_FAILURE_MESSAGE } };
    } finally {
      this.inFlight = false;
    }
    if (this.disposed) return;

    if (result.ok) this.retries = 0;
    if (result.ok) {
      this.savedSeq = seq;
      const allSaved = !this.hasUnsavedChanges();
      this.update({
        version: result.data.version,
        lastSaved: result.data,
        error: null,
        fieldErrors: null,
        status: allSaved ? 'saved' : 'unsaved',
      });
      if (allSaved) {
        if (this.options.storage) clearLocalDrafts(this.options.storage, this.options.articleId);
      } else {
        this.writeLocalCopy(); // now based on the new version
      }
    } else if (result.conflict && isSameContent(content, result.conflict)) {
      // The server already holds exactly this text (a keep-alive save from a closed page, another tab saving the
      // same): nothing to choose, carry on from its version.
      this.savedSeq = seq;
      const allSaved = !this.hasUnsavedChanges();
      this.update({ version: result.conflict.version, error: null, fieldErrors: null, status: allSaved ? 'saved' : 'unsaved' });
      if (allSaved && this.options.storage) clearLocalDrafts(this.options.storage, this.options.articleId);
    } else if (result.conflict) {
      this.writeLocalCopy();
      this.update({ status: 'conflict', conflict: result.conflict, error: result.error.message, fieldErrors: null });
      return;
    } else {
      this.writeLocalCopy();
      this.update({ status: 'failed', error: result.error.message, fieldErrors: result.error.fieldErrors ?? null });
      // The next change, the retry button or coming back online saves again; so does a timer when the failure may
      // pass by itself (a server restarting, a database connection dropped), so that nothing waits on a keystroke.
      if (TRANSIENT_CODES.has(result.error.code)) this.scheduleRetry();
      return;
    }

    if (this.saveAgain || this.hasUnsavedChanges()) {
      this.saveAgain = false;
      if (this.hasUnsavedChanges()) await this.saveNow(mode);
    }
  }

  private scheduleRetry(): void {
    this.cancelRetry();
    const delay = Math.min(this.retryDelay * 2 ** this.retries, RETRY_MAX_DELAY_MS);
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.saveNow();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  /** Conflict resolved by keeping the user's text: it is saved as a new version on top of the server's. */
  async keepMine(): Promise<void> {
    const conflict = this.state.conflict;
    if (!conflict) return;
    this.update({ conflict: null, version: conflict.version, error: null, status: 'unsaved' });
    if (!this.hasUnsavedChanges()) this.changeSeq++;
    await this.saveNow();
  }

  /**
   * Conflict resolved by taking the server's copy: the caller puts it in the editor (without reporting it as a
   * change), and the local copy is forgotten.
   */
  takeServer(apply: (snapshot: ServerArticleSnapshot) => void): void {
    const conflict = this.state.conflict;
    if (!conflict) return;
    apply(conflict);
    this.savedSeq = this.changeSeq;
    if (this.options.storage) clearLocalDrafts(this.options.storage, this.options.articleId);
    this.update({ conflict: null, version: conflict.version, error: null, fieldErrors: null, status: 'saved' });
  }

  /** A local copy restored into the editor: saved on top of the version it was based on (a conflict if the server moved on). */
  restoreFrom(baseVersion: number): void {
    this.update({ version: baseVersion });
    this.markChanged();
    void this.saveNow();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelRetry();
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    if (this.localTimer) clearTimeout(this.localTimer);
    this.cancelIdleLocalCopy();
  }
}
