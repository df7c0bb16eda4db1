import { describe, expect, it } from 'vitest';
import {
  ARTICLE_STATES,
  EVENT_HISTORY_LABELS,
  EVENT_LABELS,
  ROLES,
  ROLE_LABELS,
  STATE_LABELS,
  WORKFLOW_EVENTS,
} from './index';

const ARABIC = /[\u0621-\u064A]/u;
const LATIN = /[A-Za-z]/u;

function checkLabels(labels: Readonly<Record<string, string>>, keys: readonly string[]) {
  expect(Object.keys(labels).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    const label = labels[key] ?? '';
    expect(label, key).toMatch(ARABIC);
    expect(label, key).not.toMatch(LATIN);
    expect(label.trim(), key).toBe(label);
  }
  // Two different things must never look the same in the interface.
  expect(new Set(Object.values(labels)).size).toBe(keys.length);
}

describe('labels', () => {
  it('names every state in Arabic', () => checkLabels(STATE_LABELS, ARTICLE_STATES));
  it('names every event (buttons) in Arabic', () => checkLabels(EVENT_LABELS, WORKFLOW_EVENTS));
  it('names every event (history) in Arabic', () => checkLabels(EVENT_HISTORY_LABELS, WORKFLOW_EVENTS));
  it('names every role in Arabic', () => checkLabels(ROLE_LABELS, ROLES));
});
