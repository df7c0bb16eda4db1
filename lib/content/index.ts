// Client code (the editor) should import from './extensions' (and './validate') directly, so that the static
// renderer is not pulled into the browser bundle by accident.
export * from './attribute-rules';
export * from './block-direction';
export * from './entity-mark';
export * from './extensions';
export * from './from-paragraphs';
export * from './link-policy';
export * from './paste-guard';
export * from './plain-text';
export * from './render';
export * from './schema';
export * from './validate';
