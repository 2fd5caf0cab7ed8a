/** The sources named in a credit line: "(Reuters, The Levant Ledger)" → Reuters, The Levant Ledger. Arabic commas count. */
export function creditSources(credit: string | null): string[] {
  const names = (credit ?? '').replace(/^\s*\(|\)\s*$/g, '').split(/[,،;]/).map((n) => n.trim()).filter((n) => n !== '');
  return [...new Set(names)];
}
