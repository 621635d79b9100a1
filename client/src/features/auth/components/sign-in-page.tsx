import { useEffect, useId, useRef } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { OidcSignInError, SignIn } from '@shared/schemas/session';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { PageTitle } from '../../../components/page-title';
import { useT, type MessageKey } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { safeReturnTo } from '../../../lib/return-to';
import { useSession } from '../api/get-session';
import { useSignInOptions } from '../api/get-sign-in-options';
import { useSignIn } from '../api/sign-in';

function errorMessage(error: unknown): MessageKey {
  if (isApiError(error)) {
    if (error.code === 'invalid_credentials') return 'signIn.invalidCredentials';
    if (error.code === 'account_disabled') return 'signIn.accountDisabled';
    if (error.code === 'too_many_attempts') return 'signIn.tooManyAttempts';
    if (error.code === 'validation_failed') return 'signIn.missingFields';
    if (error.code === 'staff_local_login_disabled') return 'signIn.staffUseProvider';
    if (error.code === 'network_error') return 'state.errorNetwork';
  }
  return 'state.errorGeneric';
}

/** The words for a refusal the provider's callback sent back here (`/sign-in?error=<code>`). */
const PROVIDER_ERRORS: Record<OidcSignInError, MessageKey> = {
  oidc_not_configured: 'signIn.oidc.notConfigured',
  oidc_unavailable: 'signIn.oidc.unavailable',
  oidc_flow_expired: 'signIn.oidc.flowExpired',
  oidc_state_mismatch: 'signIn.oidc.stateMismatch',
  oidc_denied: 'signIn.oidc.denied',
  oidc_code_rejected: 'signIn.oidc.codeRejected',
  oidc_token_invalid: 'signIn.oidc.tokenInvalid',
  oidc_no_role: 'signIn.oidc.noRole',
  oidc_member_id_missing: 'signIn.oidc.memberIdMissing',
  oidc_account_disabled: 'signIn.oidc.accountDisabled',
};

function providerError(code: string | null): MessageKey | null {
  const parsed = OidcSignInError.safeParse(code);
  return parsed.success ? PROVIDER_ERRORS[parsed.data] : null;
}

/** SignIn as typed: a name with stray spaces around it is still that name. */
const SignInForm = SignIn.extend({ username: z.string().trim().pipe(SignIn.shape.username) });

export function SignInPage() {
  const t = useT();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo')) ?? '/';
  const sessionEnded = params.get('reason') === 'session_ended';
  const session = useSession();
  const options = useSignInOptions().data;
  const signIn = useSignIn();
  // One message for the whole form, which takes focus itself; it stays until the next try.
  const form = useSchemaForm(SignInForm, { defaultValues: { username: '', password: '' }, shouldFocusError: false, reValidateMode: 'onSubmit' });
  const missing = Object.keys(form.formState.errors).length > 0;
  const alertRef = useRef<HTMLDivElement>(null);
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();

  // A refusal from the provider shows until the reader tries again here.
  const problem = missing ? 'signIn.missingFields' : signIn.isError ? errorMessage(signIn.error) : signIn.isIdle ? providerError(params.get('error')) : null;
  const providers = [options?.staff, options?.member].filter((p) => !!p);

  useEffect(() => {
    // Move focus to the message so keyboard and screen-reader users learn why nothing happened.
    if (problem) alertRef.current?.focus();
  }, [problem, signIn.submittedAt]);

  // Signed in (just now, or already): go where the reader was heading.
  if (session.data) return <Navigate to={returnTo} replace />;

  const onSubmit = form.handleSubmit((credentials) => signIn.mutate(credentials));

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
            {t(problem, { name: options?.staff?.displayName ?? '' })}
          </div>
        ) : null}
        {providers.length ? (
          <div className="sign-in-providers">
            {/* Links, not fetches: the browser itself goes to the provider and comes back. */}
            {providers.map((provider) => (
              <a
                key={provider.startUrl}
                className="button button-primary button-block"
                href={returnTo === '/' ? provider.startUrl : `${provider.startUrl}?${new URLSearchParams({ returnTo })}`}
              >
                {t('signIn.withProvider', { name: provider.displayName })}
              </a>
            ))}
            <p className="sign-in-or">
              {options?.staffLocalLogin === false ? t('signIn.passwordMembersOnly', { name: options.staff?.displayName ?? '' }) : t('signIn.orPassword')}
            </p>
          </div>
        ) : null}
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor={usernameId}>{t('signIn.username')}</label>
            <input
              id={usernameId}
              {...form.register('username')}
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
              {...form.register('password')}
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
