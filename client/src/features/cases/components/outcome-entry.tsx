import type { OutcomeWords } from '../../../components/outcome';

/** An outcome in a line: the headline in bold, then its detail, quieter. */
export function OutcomeText({ words }: { words: OutcomeWords }) {
  return (
    <>
      <strong>{words.headline}</strong>
      {words.detail ? <span className="muted"> · {words.detail}</span> : null}
    </>
  );
}

/** One outcome as an entry of a `<dl className="details">`, coloured by its tone. */
export function OutcomeEntry({ label, words }: { label: string; words: OutcomeWords }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={`tone-${words.tone}`}>
        <OutcomeText words={words} />
      </dd>
    </div>
  );
}
