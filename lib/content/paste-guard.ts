import { Extension } from '@tiptap/core';
import type { AttributeSpec, Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import { Fragment, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

import { getAttributeRule, MARK_ATTRIBUTE_RULES, NODE_ATTRIBUTE_RULES } from './attribute-rules';

/**
 * Pasted and dropped HTML goes through the extensions' `parseHTML`, which accepts attribute values that the
 * validator refuses: `<a rel="noopener" class="x" target="_top">`, `<ol type="x" start="abc">` (start becomes NaN),
 * `<pre><code class="language-<junk>">`. This guard repairs pasted content with the same rules as the validator:
 * an invalid attribute falls back to its default, and a mark whose attribute cannot be repaired (a link with a
 * refused href, a malformed entity) is dropped while its text is kept. So whatever the editor holds can be saved.
 *
 * It does not cover `insertContent(html)` / `setContent(html)`: feed those JSON, or validate before saving.
 */

type AttributeTable = typeof NODE_ATTRIBUTE_RULES;

function repairAttributes(
  table: AttributeTable,
  typeName: string,
  attrs: Readonly<Record<string, unknown>>,
  specs: Readonly<Record<string, AttributeSpec>> | undefined,
): Record<string, unknown> | null {
  let repaired: Record<string, unknown> | null = null;
  for (const [name, value] of Object.entries(attrs)) {
    const rule = getAttributeRule(table, typeName, name);
    if (!rule || rule(value)) continue;
    const spec = specs?.[name];
    if (!spec || !Object.hasOwn(spec, 'default') || !rule(spec.default)) return null;
    repaired ??= { ...attrs };
    repaired[name] = spec.default;
  }
  return repaired ?? { ...attrs };
}

function repairMarks(marks: readonly PMMark[]): PMMark[] {
  const result: PMMark[] = [];
  for (const mark of marks) {
    const attrs = repairAttributes(MARK_ATTRIBUTE_RULES, mark.type.name, mark.attrs, mark.type.spec.attrs);
    if (attrs) result.push(mark.type.create(attrs));
  }
  return result;
}

function repairNode(node: PMNode): PMNode {
  const marks = repairMarks(node.marks);
  if (node.isText) return node.mark(marks);
  const attrs = repairAttributes(NODE_ATTRIBUTE_RULES, node.type.name, node.attrs, node.type.spec.attrs) ?? node.attrs;
  return node.type.create(attrs, repairFragment(node.content), marks);
}

export function repairFragment(fragment: Fragment): Fragment {
  const children: PMNode[] = [];
  fragment.forEach((child) => {
    children.push(repairNode(child));
  });
  return Fragment.from(children);
}

export const ContentPasteGuard = Extension.create({
  name: 'contentPasteGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('contentPasteGuard'),
        props: {
          transformPasted: (slice) => new Slice(repairFragment(slice.content), slice.openStart, slice.openEnd),
        },
      }),
    ];
  },
});
