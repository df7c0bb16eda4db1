import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/lib/errors/codes';
import {
  ARTICLE_STATES,
  SYSTEM_ACTOR,
  TRANSITION_REFUSAL_CODES,
  WORKFLOW_EVENTS,
  isArticleState,
  isWorkflowEvent,
  transition,
  type Actor,
  type ArticleState,
  type Role,
  type TransitionOptions,
  type TransitionResult,
  type WorkflowEvent,
} from './index';

/**
 * The whole workflow, written out by hand. One row per (state, event); one column per kind of actor:
 *
 *   w = writer, e = editor, a = admin; "own" = the actor wrote the article, "other" = someone else did;
 *   system = the scheduled-publishing job.
 *
 * Cells:
 *   I          refused: transition_invalid   (the event does not exist from this state)
 *   F          refused: transition_forbidden (this actor may not do it)
 *   <state>    allowed, and the article moves to <state>
 *   <state>/4  refused with four_eyes when the four-eyes rule is on (the default), allowed when it is off
 *   <state>/C  refused with comment_required unless a non-blank comment is given, allowed with one
 */
const TABLE = `
state              event            w:own              w:other  e:own                e:other              a:own                a:other              system
draft              submit           in_review          F        in_review            in_review            in_review            in_review            F
draft              withdraw         I                  I        I                    I                    I                    I                    I
draft              request_changes  I                  I        I                    I                    I                    I                    I
draft              approve          I                  I        I                    I                    I                    I                    I
draft              publish          I                  I        I                    I                    I                    I                    I
draft              schedule         I                  I        I                    I                    I                    I                    I
draft              unschedule       I                  I        I                    I                    I                    I                    I
draft              publish_due      I                  I        I                    I                    I                    I                    I
draft              unpublish        I                  I        I                    I                    I                    I                    I
draft              publish_update   I                  I        I                    I                    I                    I                    I
draft              reopen           I                  I        I                    I                    I                    I                    I
in_review          submit           I                  I        I                    I                    I                    I                    I
in_review          withdraw         draft              F        draft                F                    draft                F                    F
in_review          request_changes  F                  F        changes_requested/C  changes_requested/C  changes_requested/C  changes_requested/C  F
in_review          approve          F                  F        approved/4           approved             approved/4           approved             F
in_review          publish          I                  I        I                    I                    I                    I                    I
in_review          schedule         I                  I        I                    I                    I                    I                    I
in_review          unschedule       I                  I        I                    I                    I                    I                    I
in_review          publish_due      I                  I        I                    I                    I                    I                    I
in_review          unpublish        I                  I        I                    I                    I                    I                    I
in_review          publish_update   I                  I        I                    I                    I                    I                    I
in_review          reopen           I                  I        I                    I                    I                    I                    I
changes_requested  submit           in_review          F        in_review            in_review            in_review            in_review            F
changes_requested  withdraw         I                  I        I                    I                    I                    I                    I
changes_requested  request_changes  I                  I        I                    I                    I                    I                    I
changes_requested  approve          I                  I        I                    I                    I                    I                    I
changes_requested  publish          I                  I        I                    I                    I                    I                    I
changes_requested  schedule         I                  I        I                    I                    I                    I                    I
changes_requested  unschedule       I                  I        I                    I                    I                    I                    I
changes_requested  publish_due      I                  I        I                    I                    I                    I                    I
changes_requested  unpublish        I                  I        I                    I                    I                    I                    I
changes_requested  publish_update   I                  I        I                    I                    I                    I                    I
changes_requested  reopen           I                  I        I                    I                    I                    I                    I
approved           submit           I                  I        I                    I                    I                    I                    I
approved           withdraw         I                  I        I                    I                    I                    I                    I
approved           request_changes  F                  F        changes_requested/C  changes_requested/C  changes_requested/C  changes_requested/C  F
approved           approve          I                  I        I                    I                    I                    I                    I
approved           publish          F                  F        published            published            published            published            F
approved           schedule         F                  F        scheduled            scheduled            scheduled            scheduled            F
approved           unschedule       I                  I        I                    I                    I                    I                    I
approved           publish_due      I                  I        I                    I                    I                    I                    I
approved           unpublish        I                  I        I                    I                    I                    I                    I
approved           publish_update   I                  I        I                    I                    I                    I                    I
approved           reopen           I                  I        I                    I                    I                    I                    I
scheduled          submit           I                  I        I                    I                    I                    I                    I
scheduled          withdraw         I                  I        I                    I                    I                    I                    I
scheduled          request_changes  I                  I        I                    I                    I                    I                    I
scheduled          approve          I                  I        I                    I                    I                    I                    I
scheduled          publish          F                  F        published            published            published            published            F
scheduled          schedule         F                  F        scheduled            scheduled            scheduled            scheduled            F
scheduled          unschedule       F                  F        approved             approved             approved             approved             F
scheduled          publish_due      F                  F        F                    F                    F                    F                    published
scheduled          unpublish        I                  I        I                    I                    I                    I                    I
scheduled          publish_update   I                  I        I                    I                    I                    I                    I
scheduled          reopen           I                  I        I                    I                    I                    I                    I
published          submit           I                  I        I                    I                    I                    I                    I
published          withdraw         I                  I        I                    I                    I                    I                    I
published          request_changes  I                  I        I                    I                    I                    I                    I
published          approve          I                  I        I                    I                    I                    I                    I
published          publish          I                  I        I                    I                    I                    I                    I
published          schedule         I                  I        I                    I                    I                    I                    I
published          unschedule       I                  I        I                    I                    I                    I                    I
published          publish_due      I                  I        I                    I                    I                    I                    I
published          unpublish        F                  F        unpublished          unpublished          unpublished          unpublished          F
published          publish_update   F                  F        published/4          published            published/4          published            F
published          reopen           I                  I        I                    I                    I                    I                    I
unpublished        submit           I                  I        I                    I                    I                    I                    I
unpublished        withdraw         I                  I        I                    I                    I                    I                    I
unpublished        request_changes  I                  I        I                    I                    I                    I                    I
unpublished        approve          I                  I        I                    I                    I                    I                    I
unpublished        publish          I                  I        I                    I                    I                    I                    I
unpublished        schedule         I                  I        I                    I                    I                    I                    I
unpublished        unschedule       I                  I        I                    I                    I                    I                    I
unpublished        publish_due      I                  I        I                    I                    I                    I                    I
unpublished        unpublish        I                  I        I                    I                    I                    I                    I
unpublished        publish_update   I                  I        I                    I                    I                    I                    I
unpublished        reopen           draft              F        draft                draft                draft                draft                F
`;

const AUTHOR_ID = 'user-author';
const OTHER_ID = 'user-other';

interface Column {
  name: string;
  actor: Actor;
}

const user = (id: string, role: Role): Actor => ({ id, role });

const COLUMNS: readonly Column[] = [
  { name: 'w:own', actor: user(AUTHOR_ID, 'writer') },
  { name: 'w:other', actor: user(OTHER_ID, 'writer') },
  { name: 'e:own', actor: user(AUTHOR_ID, 'editor') },
  { name: 'e:other', actor: user(OTHER_ID, 'editor') },
  { name: 'a:own', actor: user(AUTHOR_ID, 'admin') },
  { name: 'a:other', actor: user(OTHER_ID, 'admin') },
  { name: 'system', actor: SYSTEM_ACTOR },
];

interface Row {
  state: ArticleState;
  event: WorkflowEvent;
  cells: string[];
}

function parseTable(text: string): Row[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [header, ...body] = lines;
  expect(header?.split(/\s+/)).toEqual(['state', 'event', ...COLUMNS.map((column) => column.name)]);
  return body.map((line) => {
    const [state, event, ...cells] = line.split(/\s+/);
    if (!isArticleState(state) || !isWorkflowEvent(event)) throw new Error(`bad row: ${line}`);
    expect(cells, line).toHaveLength(COLUMNS.length);
    return { state, event, cells };
  });
}

const ROWS = parseTable(TABLE);

/** fourEyes as passed: undefined (the default: on), explicitly on, explicitly off. */
const FOUR_EYES_VARIANTS: readonly { value: boolean | undefined; on: boolean }[] = [
  { value: undefined, on: true },
  { value: true, on: true },
  { value: false, on: false },
];

/** Comments as passed; only the last one says anything. */
const COMMENT_VARIANTS: readonly { value: string | null | undefined; meaningful: boolean }[] = [
  { value: undefined, meaningful: false },
  { value: null, meaningful: false },
  { value: '', meaningful: false },
  { value: ' \n\t\u00A0', meaningful: false },
  { value: '\u200F\u200E\u061C\u200C\u200D', meaningful: false },
  { value: 'يُرجى توثيق الاقتباس في الفقرة الثانية', meaningful: true },
];

function expectedOutcome(state: ArticleState, cell: string, fourEyesOn: boolean, hasComment: boolean): TransitionResult {
  if (cell === 'I') return { ok: false, code: 'transition_invalid' };
  if (cell === 'F') return { ok: false, code: 'transition_forbidden' };
  const [to, flag, ...rest] = cell.split('/');
  if (!isArticleState(to) || rest.length > 0 || (flag !== undefined && flag !== '4' && flag !== 'C')) {
    throw new Error(`bad cell: ${cell}`);
  }
  if (flag === '4' && fourEyesOn) return { ok: false, code: 'four_eyes' };
  if (flag === 'C' && !hasComment) return { ok: false, code: 'comment_required' };
  return { ok: true, from: state, to };
}

describe('the expected table', () => {
  it('has exactly one row for every state × event', () => {
    expect(ROWS).toHaveLength(ARTICLE_STATES.length * WORKFLOW_EVENTS.length);
    expect(ROWS).toHaveLength(77);
    const keys = new Set(ROWS.map((row) => `${row.state}|${row.event}`));
    expect(keys.size).toBe(77);
    for (const state of ARTICLE_STATES) {
      for (const event of WORKFLOW_EVENTS) expect(keys.has(`${state}|${event}`), `${state} × ${event}`).toBe(true);
    }
  });

  it('uses only well-formed cells', () => {
    for (const row of ROWS) {
      for (const cell of row.cells) expect(() => expectedOutcome(row.state, cell, true, false)).not.toThrow();
    }
  });
});

describe('transition', () => {
  it('matches the table for every state × event × actor × four-eyes setting × comment', () => {
    let checked = 0;
    for (const row of ROWS) {
      const article = { status: row.state, authorId: AUTHOR_ID };
      COLUMNS.forEach((column, index) => {
        const cell = row.cells[index] ?? '';
        for (const fourEyes of FOUR_EYES_VARIANTS) {
          for (const comment of COMMENT_VARIANTS) {
            const options: TransitionOptions = {};
            if (fourEyes.value !== undefined) options.fourEyes = fourEyes.value;
            if (comment.value !== undefined) options.comment = comment.value;
            const label = `${row.state} × ${row.event} × ${column.name} × fourEyes=${String(fourEyes.value)} × comment=${JSON.stringify(comment.value)}`;
            expect(transition(article, row.event, column.actor, options), label).toEqual(
              expectedOutcome(row.state, cell, fourEyes.on, comment.meaningful),
            );
            checked += 1;
          }
        }
      });
    }
    // 7 states × 11 events × 7 actors × 3 four-eyes settings × 6 comments
    expect(checked).toBe(7 * 11 * 7 * 3 * 6);
    expect(checked).toBe(9702);
  });

  it('treats omitted options as four-eyes on and no comment', () => {
    let checked = 0;
    for (const row of ROWS) {
      const article = { status: row.state, authorId: AUTHOR_ID };
      COLUMNS.forEach((column, index) => {
        expect(transition(article, row.event, column.actor), `${row.state} × ${row.event} × ${column.name}`).toEqual(
          expectedOutcome(row.state, row.cells[index] ?? '', true, false),
        );
        checked += 1;
      });
    }
    expect(checked).toBe(539);
  });

  it('gives people with an unknown role (bad data) no power at all', () => {
    for (const row of ROWS) {
      const article = { status: row.state, authorId: AUTHOR_ID };
      for (const id of [AUTHOR_ID, OTHER_ID]) {
        const actor = { id, role: 'intern' as Role };
        const result = transition(article, row.event, actor, { fourEyes: false, comment: 'ملاحظة' });
        const anyoneCould = row.cells.some((cell) => cell !== 'I');
        expect(result).toEqual({ ok: false, code: anyoneCould ? 'transition_forbidden' : 'transition_invalid' });
      }
    }
  });

  it('never treats an empty id as the author', () => {
    const article = { status: 'draft' as const, authorId: '' };
    expect(transition(article, 'submit', { id: '', role: 'writer' })).toEqual({ ok: false, code: 'transition_forbidden' });
    const inReview = { status: 'in_review' as const, authorId: '' };
    expect(transition(inReview, 'withdraw', { id: '', role: 'editor' })).toEqual({ ok: false, code: 'transition_forbidden' });
  });

  it('refuses unknown events and states as invalid rather than throwing', () => {
    const article = { status: 'draft' as const, authorId: AUTHOR_ID };
    const editor = user(OTHER_ID, 'editor');
    expect(transition(article, 'delete' as WorkflowEvent, editor)).toEqual({ ok: false, code: 'transition_invalid' });
    expect(transition(article, 'toString' as WorkflowEvent, editor)).toEqual({ ok: false, code: 'transition_invalid' });
    expect(transition({ status: 'archived' as ArticleState, authorId: AUTHOR_ID }, 'submit', editor)).toEqual({
      ok: false,
      code: 'transition_invalid',
    });
    expect(transition({ status: 'constructor' as ArticleState, authorId: AUTHOR_ID }, 'submit', editor)).toEqual({
      ok: false,
      code: 'transition_invalid',
    });
  });

  it('uses refusal codes that exist in lib/errors', () => {
    expect([...TRANSITION_REFUSAL_CODES].sort()).toEqual(['comment_required', 'four_eyes', 'transition_forbidden', 'transition_invalid']);
    for (const code of TRANSITION_REFUSAL_CODES) expect(Object.hasOwn(ERROR_CODES, code), code).toBe(true);
    expect(ERROR_CODES.transition_forbidden.status).toBe(403);
    expect(ERROR_CODES.transition_invalid.status).toBe(409);
    expect(ERROR_CODES.four_eyes.status).toBe(403);
    expect(ERROR_CODES.comment_required.status).toBe(422);
  });
});

describe('the tuples (the database enums are built from them)', () => {
  it('lists the states, events and roles in a stable order', async () => {
    const { ROLES } = await import('./index');
    expect(ARTICLE_STATES).toEqual(['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'unpublished']);
    expect(ROLES).toEqual(['writer', 'editor', 'admin']);
    expect(WORKFLOW_EVENTS).toEqual([
      'submit',
      'withdraw',
      'request_changes',
      'approve',
      'publish',
      'schedule',
      'unschedule',
      'publish_due',
      'unpublish',
      'publish_update',
      'reopen',
    ]);
  });
});
