/** Types of test-counts.mjs. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
export function countVitest(report: unknown): Counts | null;
export function countPlaywright(report: unknown): Counts | null;
