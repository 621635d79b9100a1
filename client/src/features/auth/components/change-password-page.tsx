import { ChangePassword } from '@shared/schemas/admin';
import { Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { PageTitle } from '../../../components/page-title';
import { ProblemMessage } from '../../../components/problem-message';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useChangePassword } from '../api/change-password';
import { useSignOut } from '../api/sign-out';

/**
 * After an admin made or reset the account, the one-time password opens this form and nothing
 * else (the server answers every other route 403 password_change_required).
 */
export function ChangePasswordPage() {
  const t = useT();
  const change = useChangePassword();
  const signOut = useSignOut();
  const form = useSchemaForm(ChangePassword, {
    defaultValues: { currentPassword: '', newPassword: '' },
    messages: {
      currentPassword: 'password.currentMissing',
      newPassword: { too_small: 'password.tooShort', custom: 'password.same', invalid_format: 'password.tooShort' },
    },
    serverError: change.error,
  });
  const onSubmit = form.handleSubmit((body) => change.mutate(body));
  const wrongCurrent = isApiError(change.error) && change.error.code === 'invalid_credentials';
  return (
    <div className="sign-in">
      <div className="card sign-in-card">
        <PageTitle title={t('password.title')} intro={t('password.intro')} />
        {wrongCurrent ? (
          <p className="notice notice-error" role="alert">
            {t('password.wrongCurrent')}
          </p>
        ) : change.error ? (
          <ProblemMessage error={change.error} />
        ) : null}
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <Field label={t('password.current')} error={form.errorOf('currentPassword')}>
            {({ id }, describedBy, invalid) => (
              <input
                id={id}
                type="password"
                autoComplete="current-password"
                {...form.register('currentPassword')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field label={t('password.new')} hint={t('password.newHint', form.limitsOf('newPassword'))} error={form.errorOf('newPassword')}>
            {({ id }, describedBy, invalid) => (
              <input
                id={id}
                type="password"
                autoComplete="new-password"
                {...form.textProps('newPassword')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <button type="submit" className="button button-primary button-block" disabled={change.isPending}>
            {t('password.submit')}
          </button>
        </form>
        <button type="button" className="button button-quiet-link" onClick={() => signOut.mutate()}>
          {t('nav.signOut')}
        </button>
      </div>
    </div>
  );
}
