// Browser case (placeholder until wired): reports not available.
export async function runBrowserCase(_opts: {
  sizes: number[];
  runs: number;
  ensureCorpus: (n: number) => { dir: string };
}): Promise<unknown> {
  return { sizes: [], unavailable: 'browser case not wired yet' };
}
