import { describe, expect, it } from 'vitest';
import { ARTICLE_STATES, SYSTEM_ACTOR, canComment, canEdit, canView, isArticleState, type Actor, type ArticleState, type Role } from './index';

/**
 * Hand-written matrices. Columns as in transition.test.ts: w/e/a = writer/editor/admin, own = wrote the article.
 * Cells: Y allowed, N refused, Y/4 refused when four-eyes is on (the default), allowed when it is off.
 */
const CAN_EDIT = `
state              w:own  w:other  e:own  e:other  a:own  a:other  system
draft              Y      N        Y      Y        Y      Y        N
in_review          N      N        Y      Y        Y      Y        N
changes_requested  Y      N        Y      Y        Y      Y        N
approved           N      N        Y/4    Y        Y/4    Y        N
scheduled          N      N        Y/4    Y        Y/4    Y        N
published          N      N        Y      Y        Y      Y        N
unpublished        N      N        Y      Y        Y      Y        N
`;

const CAN_COMMENT = `
state              w:own  w:other  e:own  e:other  a:own  a:other  system
draft              Y      N        Y      Y        Y      Y        N
in_review          Y      N        Y      Y        Y      Y        N
changes_requested  Y      N        Y      Y        Y      Y        N
approved           Y      N        Y      Y        Y      Y        N
scheduled          Y      N        Y      Y        Y      Y        N
published          Y      N        Y      Y        Y      Y        N
unpublished        Y      N        Y      Y        Y      Y        N
`;

const CAN_VIEW = `
state              w:own  w:other  e:own  e:other  a:own  a:other  system
draft              Y      N        Y      Y        Y      Y        Y
in_review          Y      N        Y      Y        Y      Y        Y
changes_requested  Y      N        Y      Y        Y      Y        Y
approved           Y      N        Y      Y        Y      Y        Y
scheduled          Y      N        Y      Y        Y      Y        Y
published          Y      N        Y      Y        Y      Y        Y
unpublished        Y      N        Y      Y        Y      Y        Y
`;

const AUTHOR_ID = 'user-author';
const OTHER_ID = 'user-other';
const user = (id: string, role: Role): Actor => ({ id, role });

const COLUMNS: readonly { name: string; actor: Actor }[] = [
  { name: 'w:own', actor: user(AUTHOR_ID, 'writer') },
  { name: 'w:other', actor: user(OTHER_ID, 'writer') },
  { name: 'e:own', actor: user(AUTHOR_ID, 'editor') },
  { name: 'e:other', actor: user(OTHER_ID, 'editor') },
  { name: 'a:own', actor: user(AUTHOR_ID, 'admin') },
  { name: 'a:other', actor: user(OTHER_ID, 'admin') },
  { name: 'system', actor: SYSTEM_ACTOR },
];

function parse(text: string): { state: ArticleState; cells: string[] }[] {
  const [header, ...body] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  expect(header?.split(/\s+/)).toEqual(['state', ...COLUMNS.map((column) => column.name)]);
  const rows = body.map((line) => {
    const [state, ...cells] = line.split(/\s+/);
    if (!isArticleState(state)) throw new Error(`bad row: ${line}`);
    expect(cells).toHaveLength(COLUMNS.length);
    for (const cell of cells) expect(['Y', 'N', 'Y/4']).toContain(cell);
    return { state, cells };
  });
  expect(rows.map((row) => row.state)).toEqual([...ARTICLE_STATES]);
  return rows;
}

function expected(cell: string, fourEyesOn: boolean): boolean {
  return cell === 'Y' || (cell === 'Y/4' && !fourEyesOn);
}

describe('canEdit', () => {
  it('matches the matrix for every state × actor × four-eyes setting', () => {
    let checked = 0;
    for (const row of parse(CAN_EDIT)) {
      const article = { status: row.state, authorId: AUTHOR_ID };
      COLUMNS.forEach((column, index) => {
        const cell = row.cells[index] ?? '';
        const label = `${row.state} × ${column.name}`;
        expect(canEdit(article, column.actor), `${label} (default)`).toBe(expected(cell, true));
        expect(canEdit(article, column.actor, {}), `${label} ({})`).toBe(expected(cell, true));
        expect(canEdit(article, column.actor, { fourEyes: true }), `${label} (on)`).toBe(expected(cell, true));
        expect(canEdit(article, column.actor, { fourEyes: false }), `${label} (off)`).toBe(expected(cell, false));
        checked += 4;
      });
    }
    expect(checked).toBe(7 * 7 * 4);
  });
});

describe('canComment', () => {
  it('matches the matrix for every state × actor', () => {
    let checked = 0;
    for (const row of parse(CAN_COMMENT)) {
      const article = { status: row.state, authorId: AUTHOR_ID };
      COLUMNS.forEach((column, index) => {
        expect(canComment(article, column.actor), `${row.state} × ${column.name}`).toBe(row.cells[index] === 'Y');
        checked += 1;
      });
    }
    expect(checked).toBe(49);
  });
});

describe('canView', () => {
  it('matches the matrix for every state × actor', () => {
    let checked = 0;
    for (const row of parse(CAN_VIEW)) {
      const article = { status: row.state, authorId: AUTHOR_ID };
      COLUMNS.forEach((column, index) => {
        expect(canView(article, column.actor), `${row.state} × ${column.name}`).toBe(row.cells[index] === 'Y');
        checked += 1;
      });
    }
    expect(checked).toBe(49);
  });
});

describe('robustness', () => {
  it('gives a person with an unknown role nothing', () => {
    for (const status of ARTICLE_STATES) {
      const article = { status, authorId: AUTHOR_ID };
      for (const id of [AUTHOR_ID, OTHER_ID]) {
        const actor = { id, role: 'intern' as Role };
        expect(canView(article, actor)).toBe(false);
        expect(canComment(article, actor)).toBe(false);
        expect(canEdit(article, actor, { fourEyes: false })).toBe(false);
      }
    }
  });

  it('never treats an empty id as the author', () => {
    const article = { status: 'draft' as const, authorId: '' };
    const writer = user('', 'writer');
    expect(canView(article, writer)).toBe(false);
    expect(canComment(article, writer)).toBe(false);
    expect(canEdit(article, writer)).toBe(false);
  });
});
