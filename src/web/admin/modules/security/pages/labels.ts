/** Colours of the privacy states, shared by the list and the drawer. */
export const requestStatusColor = { pending: 'gold', resolved: 'green', rejected: 'default' } as const;
