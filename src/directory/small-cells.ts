/** Counts below this are not published: with so few, a reader could tell who they are. */
export const SMALL_CELL = 3;

export type ShownCount = number | '<3' | 'withheld';

/**
 * One table's counts as published: 1 and 2 become "<3". A table whose total is known from
 * elsewhere (another table of the same population) would give away a lone small cell, or
 * small cells all at 2, by subtraction; so once a table has a small cell, its smallest
 * other count is withheld too, and the difference no longer pins any cell down.
 */
export function suppressSmallCells(counts: readonly number[]): ShownCount[] {
  const shown: ShownCount[] = counts.map((count) =>
    count < SMALL_CELL && count > 0 ? '<3' : count,
  );
  if (!shown.includes('<3')) return shown;
  let smallest = -1;
  counts.forEach((count, i) => {
    if (count >= SMALL_CELL && (smallest < 0 || count < counts[smallest])) smallest = i;
  });
  if (smallest >= 0) shown[smallest] = 'withheld';
  return shown;
}
