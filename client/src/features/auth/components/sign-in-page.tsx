import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { useT, type MessageKey } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { safeReturnTo } from '../../../lib/return-to';
import { useSession } from '../api/get-session';
import { useSignIn } from '../api/sign-in';

function errorMessage(error: unknown): MessageKey {
  if (isApiError(error)) {
    if (error.code === 'invalid_credentials') return 'signIn.invalidCredentials';
    if (error.code === 'too_many_attempts') return 'signIn.tooManyAttempts';
    if (error.code === 'validation_failed') return 'signIn.missingFields';
    if (error.code === 'network_error') return 'state.errorNetwork';
  }
  return 'state.errorGeneric';
}

export function SignInPage() {
  const t = useT();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo')) ?? '/';
  const sessionEnded = params.get('reason') === 'session_ended';
  const session = useSession();
  const signIn = useSignIn();
  const [missing, setMissing] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();

  const problem = missing ? 'signIn.missingFields' : signIn.isError ? errorMessage(signIn.error) : null;

  useEffect(() => {
    // Move focus to the message so keyboard and screen-reader users learn why nothing happened.
    if (problem) alertRef.current?.focus();
  }, [problem, signIn.submittedAt]);

  // Signed in (just now, or already): go where the reader was heading.
  if (session.data) return <Navigate to={returnTo} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    signIn.mutate({ username, password });
  };

  return (
    <div className="sign-in">
      <div className="card sign-in-card">
        <PageTitle title={t('signIn.title')} intro={t('signIn.intro')} />
        {sessionEnded && !problem ? (
          <p className="notice notice-info" role="status">
            {t('signIn.sessionEnded')}
          </p>
        ) : null}
        {problem ? (
          <div className="notice notice-error" role="alert" id={errorId} tabIndex={-1} ref={alertRef}>
            {t(problem)}
          </div>
        ) : null}
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={usernameId}>{t('signIn.username')}</label>
            <input
              id={usernameId}
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{t('signIn.password')}</label>
            <input
              id={passwordId}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
          </div>
          <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
