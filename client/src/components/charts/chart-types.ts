/** One factor of a decision as a bar: signed value in the output's unit, and the words for it. */
export interface ContributionBar {
  key: string;
  label: string;
  value: number;
  /** The value as the reader reads it: "+€90.00", "+12 points". */
  valueLabel: string;
  direction: 'raised' | 'lowered' | 'none';
}

/** One bin of a model's outcome distribution. */
export interface DistributionBin {
  key: string;
  /** The bin's range in words: "60–65". */
  label: string;
  /** A short tick under the bar (the range's start): "60", "+15 %". */
  tick: string;
  count: number;
  /** The bin the decision under review falls in. */
  current: boolean;
}
