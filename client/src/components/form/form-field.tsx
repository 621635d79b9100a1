import { useId, type ReactNode } from 'react';

export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
}

/** Label, optional hint and error, wired to the control with aria-describedby and aria-invalid. */
export function Field({
  label,
  hint,
  error,
  optional,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Shown after the label, e.g. "(optional)". */
  optional?: string;
  children: (ids: FieldIds, describedBy: string | undefined, invalid: true | undefined) => ReactNode;
}) {
  const id = useId();
  const ids = { id, hintId: `${id}-hint`, errorId: `${id}-error` };
  const describedBy = [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field-optional"> {optional}</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={ids.errorId}>
          {error}
        </p>
      ) : null}
      {children(ids, describedBy, error ? true : undefined)}
    </div>
  );
}

/** A group of radio buttons (or checkboxes) with a legend, the accessible way to name a choice. */
export function ChoiceGroup({ legend, hint, error, children }: { legend: ReactNode; hint?: ReactNode; error?: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset
      className="field choice-group"
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="choices">{children}</div>
    </fieldset>
  );
}
