'use client';

import { createContext, useContext } from 'react';

/**
 * What panels beside the editor (the workflow steps, comments) need of the editing session: the version the text on
 * screen is saved as, and a way to save what was typed before a step is taken, so a step never acts on an older
 * version than the one the person sees.
 */
export type EditorSession = {
  /** The article version the server confirmed for the text on screen. */
  getVersion(): number;
  /** Saves pending changes; resolves true when everything is saved, false when the save failed or conflicted. */
  flush(): Promise<boolean>;
};

export const EditorSessionContext = createContext<EditorSession | null>(null);

/** The editing session around this component, or null outside the editor page. */
export function useEditorSession(): EditorSession | null {
  return useContext(EditorSessionContext);
}
