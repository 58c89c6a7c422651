/** A score bar of filled and empty blocks. */
export function bar(score: number | null, width: number): { filled: string; empty: string } {
  const n = score === null ? 0 : Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return { filled: "█".repeat(n), empty: "░".repeat(width - n) };
}

export function formatScore(score: number | null): string {
  return score === null ? "—" : String(Math.round(score));
}
