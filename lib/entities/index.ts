/**
 * Entity matching for Midad: Arabic normalization with an offset map, clitic-aware multi-name matching, and entity
 * mark indexing on Tiptap JSON. Pure (no React, no database): runs in the browser and on the server.
 */
export { normalizeArabic, normalizeWithOffsets, toOriginalRange } from './normalize';
export type { NormalizedWithOffsets } from './normalize';
export { createEntityMatcher } from './matcher';
export type { EntityEntry, EntityMatch, EntityMatcher, FindMatchesOptions, OriginalRange } from './matcher';
export { collectEntityMentions, countEntityMentions, listTextBlocks, nodeSize, suggestUntagged } from './mark-index';
export type {
  EntityMention,
  EntityMentionIndex,
  EntityRange,
  EntitySuggestion,
  MarkIndexOptions,
  TextBlock,
  TiptapMarkJSON,
  TiptapNodeJSON,
} from './mark-index';
export { applyEntityMarks, entityIdsIn, repointEntityMarks } from './apply-marks';
export type { EntityMarkRange } from './apply-marks';
export { entitySearchText, escapeLikePattern, normalizeSearchKey, SEARCH_TEXT_SEPARATOR } from './search-text';
export { ENTITY_TYPE_LABELS, ENTITY_TYPES } from './entity-types';
export type { EntityType } from './entity-types';
