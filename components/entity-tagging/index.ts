/**
 * Entity tagging for the article editor: `EntityTaggingToolbar` (the «وسم كيان» button, Ctrl/Cmd+E, the tagging
 * dialog) and `EntitySidebar` (the card of the mention under the cursor, the entities of the article with their
 * counts, suggestions with accept / accept all). Both take the editor's Tiptap `Editor` and share state through it,
 * so they can be mounted anywhere on the page.
 *
 * How the editor page mounts them (client component that owns the editor):
 *
 * ```tsx
 * import { EntitySidebar, EntityTaggingToolbar, type EntityTaggingActions } from '@/components/entity-tagging';
 * import {
 *   createEntityAction, getEntitiesByIdsAction, listRegistryAction, searchEntitiesAction,
 * } from '@/app/(newsroom)/newsroom/entities/actions';
 *
 * // Stable (module-level or useMemo) so the components do not refetch on every render.
 * const entityActions: EntityTaggingActions = {
 *   search: (query) => searchEntitiesAction(query),
 *   create: createEntityAction,
 *   getEntitiesByIds: getEntitiesByIdsAction,
 *   loadRegistry: listRegistryAction,
 * };
 *
 * const editor = useEditor({ extensions: createContentExtensions(), ...editorContentOptions, immediatelyRender: false });
 * if (!editor) return null;
 * <div role="toolbar">… <EntityTaggingToolbar editor={editor} actions={entityActions} /></div>
 * <EditorContent editor={editor} />
 * <EntitySidebar editor={editor} actions={entityActions} />   // optionally registry={…} loaded by the page
 * ```
 *
 * The page passes the server actions in (rather than the components importing them) so the components stay testable
 * with a real editor and fakes (see *.test.tsx). Saving is the editor's business: the marks are in the document, and
 * the save rebuilds article_entities from them (countEntityMentions).
 */
export { EntityTaggingToolbar, isTagShortcut } from './entity-tagging-toolbar';
export { EntitySidebar } from './entity-sidebar';
export { TagEntityDialog } from './tag-entity-dialog';
export {
  applySuggestions,
  listMentions,
  mentionAt,
  retagMention,
  selectMention,
  tagRange,
  untagEntity,
  untagMentionAt,
} from './tagging-commands';
export type { MentionRange } from './tagging-commands';
export type { EntityTaggingActions, TaggingEntity, TaggingRegistryEntry } from './types';
