export type DiffLine = { kind: 'same' | 'mine' | 'theirs'; text: string };

/**
 * Line diff (longest common subsequence) for the conflict view. Files a student writes are
 * small; past `maxLines` it gives up on alignment and shows each side whole.
 */
export function lineDiff(mine: string, theirs: string, maxLines = 2000): DiffLine[] {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  if (a.length * b.length > maxLines * maxLines) {
    return [...a.map((text) => ({ kind: 'mine' as const, text })), ...b.map((text) => ({ kind: 'theirs' as const, text }))];
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'mine', text: a[i++] });
    else out.push({ kind: 'theirs', text: b[j++] });
  }
  while (i < a.length) out.push({ kind: 'mine', text: a[i++] });
  while (j < b.length) out.push({ kind: 'theirs', text: b[j++] });
  return out;
}
