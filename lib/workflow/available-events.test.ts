import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_STATES,
  COMMENT_REQUIRED_EVENTS,
  ROLES,
  SYSTEM_ACTOR,
  SYSTEM_EVENTS,
  WORKFLOW_EVENTS,
  availableEvents,
  eventRequiresComment,
  isMeaningfulComment,
  targetState,
  transition,
  workflowEdges,
  type Actor,
  type ArticleState,
  type Role,
  type WorkflowEvent,
} from './index';

const AUTHOR_ID = 'user-author';
const OTHER_ID = 'user-other';

const ACTORS: readonly { name: string; actor: Actor }[] = [
  ...ROLES.flatMap((role) => [
    { name: `${role}:own`, actor: { id: AUTHOR_ID, role } },
    { name: `${role}:other`, actor: { id: OTHER_ID, role } },
  ]),
  { name: 'system', actor: SYSTEM_ACTOR },
  { name: 'unknown-role:own', actor: { id: AUTHOR_ID, role: 'intern' as Role } },
  { name: 'empty-id', actor: { id: '', role: 'writer' } },
];

const FOUR_EYES: readonly (boolean | undefined)[] = [undefined, true, false];

function allowedByTransition(article: { status: ArticleState; authorId: string }, actor: Actor, fourEyes: boolean | undefined): WorkflowEvent[] {
  return WORKFLOW_EVENTS.filter((event) => {
    const options = fourEyes === undefined ? { comment: 'ملاحظة' } : { fourEyes, comment: 'ملاحظة' };
    return transition(article, event, actor, options).ok;
  });
}

describe('availableEvents', () => {
  it('agrees with transition (given a comment) for every state × actor × four-eyes setting', () => {
    let checked = 0;
    for (const status of ARTICLE_STATES) {
      for (const authorId of [AUTHOR_ID, '']) {
        const article = { status, authorId };
        for (const { name, actor } of ACTORS) {
          for (const fourEyes of FOUR_EYES) {
            const options = fourEyes === undefined ? undefined : { fourEyes };
            const events = availableEvents(article, actor, options);
            expect(events, `${status} × ${name} × ${String(fourEyes)}`).toEqual(allowedByTransition(article, actor, fourEyes));
            for (const event of WORKFLOW_EVENTS) {
              const bare = transition(article, event, actor, options);
              if (events.includes(event)) {
                // Listed: allowed outright, or allowed once the UI has asked for the comment.
                expect(bare.ok || (!bare.ok && bare.code === 'comment_required' && eventRequiresComment(event))).toBe(true);
              } else {
                expect(bare.ok).toBe(false);
              }
            }
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(7 * 2 * ACTORS.length * 3);
  });

  it('agrees with transition for arbitrary ids and roles', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ARTICLE_STATES),
        fc.string(),
        fc.oneof(
          fc.record({ id: fc.string(), role: fc.constantFrom<Role>(...ROLES) }),
          fc.constant(SYSTEM_ACTOR),
        ),
        fc.boolean(),
        fc.boolean(),
        (status, authorId, actor, sameAuthor, fourEyes) => {
          const article = { status, authorId: sameAuthor && !('kind' in actor) ? actor.id : authorId };
          expect(availableEvents(article, actor, { fourEyes })).toEqual(allowedByTransition(article, actor, fourEyes));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lists what the README promises, in a few hand-checked cases', () => {
    const writer: Actor = { id: AUTHOR_ID, role: 'writer' };
    const authorEditor: Actor = { id: AUTHOR_ID, role: 'editor' };
    const editor: Actor = { id: OTHER_ID, role: 'editor' };
    const at = (status: ArticleState) => ({ status, authorId: AUTHOR_ID });

    expect(availableEvents(at('draft'), writer)).toEqual(['submit']);
    expect(availableEvents(at('in_review'), writer)).toEqual(['withdraw']);
    expect(availableEvents(at('changes_requested'), writer)).toEqual(['submit']);
    expect(availableEvents(at('approved'), writer)).toEqual([]);
    expect(availableEvents(at('unpublished'), writer)).toEqual(['reopen']);
    expect(availableEvents(at('draft'), { id: OTHER_ID, role: 'writer' })).toEqual([]);

    expect(availableEvents(at('in_review'), editor)).toEqual(['request_changes', 'approve']);
    expect(availableEvents(at('in_review'), authorEditor)).toEqual(['withdraw', 'request_changes']);
    expect(availableEvents(at('in_review'), authorEditor, { fourEyes: false })).toEqual(['withdraw', 'request_changes', 'approve']);
    expect(availableEvents(at('approved'), authorEditor)).toEqual(['request_changes', 'publish', 'schedule']);
    expect(availableEvents(at('scheduled'), editor)).toEqual(['publish', 'schedule', 'unschedule']);
    expect(availableEvents(at('published'), editor)).toEqual(['unpublish', 'publish_update']);
    expect(availableEvents(at('published'), authorEditor)).toEqual(['unpublish']);
    expect(availableEvents(at('unpublished'), editor)).toEqual(['reopen']);

    expect(availableEvents(at('scheduled'), SYSTEM_ACTOR)).toEqual(['publish_due']);
    expect(availableEvents(at('approved'), SYSTEM_ACTOR)).toEqual([]);
  });

  it('never offers system events to people', () => {
    expect(SYSTEM_EVENTS).toEqual(['publish_due']);
    for (const status of ARTICLE_STATES) {
      for (const { actor } of ACTORS) {
        if ('kind' in actor) continue;
        for (const event of SYSTEM_EVENTS) expect(availableEvents({ status, authorId: AUTHOR_ID }, actor, { fourEyes: false })).not.toContain(event);
      }
    }
  });
});

describe('comments', () => {
  it('are required for requesting changes only', () => {
    expect(COMMENT_REQUIRED_EVENTS).toEqual(['request_changes']);
  });

  it('must say something: whitespace and invisible bidi marks do not count', () => {
    expect(isMeaningfulComment(undefined)).toBe(false);
    expect(isMeaningfulComment(null)).toBe(false);
    expect(isMeaningfulComment('')).toBe(false);
    expect(isMeaningfulComment(' \n\t\u00A0\u3000')).toBe(false);
    expect(isMeaningfulComment('\u200F\u200E\u061C\u200B\u200C\u200D\u2066\u2069\uFEFF')).toBe(false);
    expect(isMeaningfulComment('أ')).toBe(true);
    expect(isMeaningfulComment(' \u200F راجع العنوان ')).toBe(true);
    expect(isMeaningfulComment('?')).toBe(true);
  });
});

describe('the graph', () => {
  const edges = workflowEdges();

  function reachable(from: ArticleState, usable: typeof edges): Set<ArticleState> {
    const seen = new Set<ArticleState>([from]);
    const queue: ArticleState[] = [from];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const edge of usable) {
        if (edge.from === state && !seen.has(edge.to)) {
          seen.add(edge.to);
          queue.push(edge.to);
        }
      }
    }
    return seen;
  }

  it('has the documented number of edges, and targetState agrees with them', () => {
    // submit ×2, withdraw, request_changes ×2, approve, publish ×2, schedule ×2, unschedule, publish_due,
    // unpublish, publish_update, reopen
    expect(edges).toHaveLength(15);
    for (const state of ARTICLE_STATES) {
      for (const event of WORKFLOW_EVENTS) {
        expect(targetState(state, event)).toBe(edges.find((edge) => edge.from === state && edge.event === event)?.to);
      }
    }
  });

  it('reaches every state from draft, and draft from every state (no dead ends)', () => {
    expect([...reachable('draft', edges)].sort()).toEqual([...ARTICLE_STATES].sort());
    for (const state of ARTICLE_STATES) expect(reachable(state, edges).has('draft'), state).toBe(true);
  });

  it('cannot publish anything that was not approved: without approve, published is unreachable from draft', () => {
    const withoutApproval = edges.filter((edge) => edge.event !== 'approve');
    const states = reachable('draft', withoutApproval);
    expect(states.has('published')).toBe(false);
    expect(states.has('approved')).toBe(false);
    expect(states.has('scheduled')).toBe(false);
  });
});

describe('four-eyes holds along any sequence of actions', () => {
  /**
   * `event`: any event, mostly refused; `offered`: one of the events the UI would offer this actor (index modulo
   * their count), so that walks actually reach approval and publication; `edit`: a content save, when allowed.
   */
  type Step =
    | { kind: 'event'; event: WorkflowEvent; actor: number; comment: boolean }
    | { kind: 'offered'; choice: number; actor: number; comment: boolean }
    | { kind: 'edit'; actor: number };

  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('event' as const),
        event: fc.constantFrom(...WORKFLOW_EVENTS),
        actor: fc.nat(4),
        comment: fc.boolean(),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('offered' as const), choice: fc.nat(20), actor: fc.nat(4), comment: fc.boolean() }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), actor: fc.nat(4) }) },
  );

  it('publishes only content approved by someone other than its author, and not changed by the author since', async () => {
    const { canEdit } = await import('./index');
    let publications = 0;
    fc.assert(
      fc.property(fc.constantFrom<Role>(...ROLES), fc.boolean(), fc.array(stepArb, { minLength: 20, maxLength: 80 }), (authorRole, fourEyes, steps) => {
        const actors: Actor[] = [
          { id: AUTHOR_ID, role: authorRole },
          { id: 'writer-2', role: 'writer' },
          { id: 'editor-2', role: 'editor' },
          { id: 'admin-2', role: 'admin' },
          SYSTEM_ACTOR,
        ];
        const article = { status: 'draft' as ArticleState, authorId: AUTHOR_ID };
        let approval: 'none' | 'by_author' | 'by_other' = 'none';
        let authorChangedSinceReview = false;
        for (const step of steps) {
          const actor = actors[step.actor] ?? SYSTEM_ACTOR;
          const isAuthor = actor === actors[0];
          if (step.kind === 'edit') {
            if (canEdit(article, actor, { fourEyes }) && isAuthor) authorChangedSinceReview = true;
            continue;
          }
          let event: WorkflowEvent | undefined = step.kind === 'event' ? step.event : undefined;
          if (step.kind === 'offered') {
            const offered = availableEvents(article, actor, { fourEyes });
            event = offered[step.choice % Math.max(offered.length, 1)];
          }
          if (event === undefined) continue;
          const result = transition(article, event, actor, { fourEyes, comment: step.comment ? 'ملاحظة' : null });
          if (!result.ok) continue;
          expect(result.from).toBe(article.status);
          if (result.to === 'published' && result.from !== 'published') publications += 1;
          if (event === 'approve') {
            approval = isAuthor ? 'by_author' : 'by_other';
            authorChangedSinceReview = false;
          }
          if (result.to === 'published' && result.from !== 'published') {
            expect(approval).not.toBe('none');
            if (fourEyes) {
              expect(approval).toBe('by_other');
              expect(authorChangedSinceReview).toBe(false);
            }
          }
          if (event === 'publish_update') {
            if (fourEyes) expect(isAuthor).toBe(false);
            authorChangedSinceReview = false;
          }
          if (result.to === 'draft' || result.to === 'in_review' || result.to === 'changes_requested') approval = 'none';
          article.status = result.to;
        }
      }),
      { numRuns: 3000 },
    );
    // The walks must actually publish, or the property above proves nothing.
    expect(publications).toBeGreaterThan(1000);
  });
});
