/**
 * The four bin kinds in the order residents are taught them, with the colours the seed report
 * names (有害 red, 可回收 blue, 厨余 green, 其他 yellow); both apps draw bins and legends from this.
 */
export const binKinds = ['hazardous', 'recyclable', 'kitchen', 'residual'] as const;
export type BinKind = (typeof binKinds)[number];

/** Seed 003's point: 1 hazardous, 1 recyclable, 4 kitchen, 8 residual = 14 bins. */
export const defaultBins: Record<BinKind, number> = { hazardous: 1, recyclable: 1, kitchen: 4, residual: 8 };

export const binColor: Record<BinKind, string> = { hazardous: '#cf1322', recyclable: '#1d39c4', kitchen: '#389e0d', residual: '#d4a106' };

/** antd Tag presets of the same colours. */
export const binTagColor: Record<BinKind, string> = { hazardous: 'red', recyclable: 'blue', kitchen: 'green', residual: 'gold' };

export const sortingIssues = ['mixed', 'wrong_bin', 'not_bagged', 'other'] as const;
