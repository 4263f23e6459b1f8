/** Closed value sets of the center, shared by tables, schemas and the web (pure: safe in the browser bundle). */
export const themes = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple'] as const;
export type Theme = (typeof themes)[number];

export const targetGroups = ['elderly', 'children', 'youth', 'adults', 'women', 'disabled', 'party_members', 'families'] as const;

export const meals = ['breakfast', 'lunch', 'dinner'] as const;
