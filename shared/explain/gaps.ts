import type { CoverageGap, CoverageGapKind } from '../schemas/explanation';

/** Collects coverage gaps once each, in the order they were met. */
export class GapLog {
  private readonly gaps = new Map<string, CoverageGap>();

  add(kind: CoverageGapKind, key: string): void {
    const id = `${kind}\u0000${key}`;
    if (!this.gaps.has(id)) this.gaps.set(id, { kind, key });
  }

  list(): CoverageGap[] {
    return [...this.gaps.values()];
  }
}

/** A categorical value is reported as `feature=value`, so governance sees which label to add where. */
export const valueGapKey = (feature: string, value: string) => `${feature}=${value}`;
export const modelGapKey = (ref: { id: string; version: string }) => `${ref.id}@${ref.version}`;
