import { useEffect, useRef, type ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n';
import { isApiError } from '../lib/api-client';

/** What a failed call means for the reader, by the server's stable code (never its English title). */
export function problemKey(error: unknown): MessageKey {
  if (!isApiError(error)) return 'problem.generic';
  switch (error.code) {
    case 'unsupported_file_type':
      return 'problem.unsupportedFileType';
    case 'file_type_mismatch':
      return 'problem.fileTypeMismatch';
    case 'payload_too_large':
      return 'problem.fileTooLarge';
    case 'decision_already_in_favour':
      return 'problem.alreadyInFavour';
    case 'network_error':
      return 'state.errorNetwork';
    case 'version_conflict':
      return 'problem.versionConflict';
    case 'four_eyes_violation':
      return 'problem.fourEyes';
    case 'invalid_state':
      return 'problem.invalidState';
    case 'deadline_passed':
      return 'problem.deadlinePassed';
    case 'case_already_open':
      return 'problem.caseAlreadyOpen';
    case 'forbidden':
      return 'problem.forbidden';
    case 'not_found':
      return 'problem.notFound';
    case 'validation_failed':
      return 'problem.validation';
    case 'too_many_attempts':
      return 'signIn.tooManyAttempts';
    case 'own_account':
      return 'problem.ownAccount';
    case 'conflict':
      return 'problem.conflict';
    default:
      return 'problem.generic';
  }
}

/** A stale view: someone else changed the case first. The page reloads it; the reader decides again. */
export const isStale = (error: unknown) => isApiError(error) && (error.code === 'version_conflict' || error.code === 'invalid_state');

/**
 * The message for a failed action, in words, with focus moved to it so keyboard and screen-reader
 * users learn why nothing happened. `children` can add a way forward (a link, a field list).
 */
export function ProblemMessage({ error, children }: { error: unknown; children?: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  const fieldErrors = isApiError(error) && error.code === 'validation_failed' ? error.fieldErrors : [];
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={ref}>
      <p>{t(problemKey(error))}</p>
      {fieldErrors.length ? (
        <ul className="problem-fields">
          {fieldErrors.map((field) => (
            <li key={field.path}>
              <span className="mono">{field.path}</span>: {field.message}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
