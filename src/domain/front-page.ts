/** The front page's choices (issue 12, point 6): a lead story and the order of the section blocks. */
export interface FrontChoices {
  /** The nid of the lead story, or null for none (the home page then opens with its sections). */
  readonly lead: number | null;
  /** Section tids in the order their blocks appear; empty keeps the edition's default order. */
  readonly sections: readonly number[];
}

/** The setting (folio_meta key) that holds an edition's front-page choices. */
export function frontKey(edition: string): string {
  return `front:${edition}`;
}

/** Front-page choices from their stored JSON (none, or unreadable: no choices, so the default page). */
export function parseFront(stored: string | undefined): FrontChoices {
  if (stored === undefined) return { lead: null, sections: [] };
  try {
    const value = JSON.parse(stored) as { lead?: unknown; sections?: unknown };
    return {
      lead: typeof value.lead === 'number' ? value.lead : null,
      sections: Array.isArray(value.sections) ? value.sections.filter((t): t is number => typeof t === 'number') : [],
    };
  } catch {
    return { lead: null, sections: [] };
  }
}
