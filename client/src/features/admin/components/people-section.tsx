import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { CreateUser, NewPassword, STAFF_PASSWORD_MIN, StaffRole, scopesAllowed, type AdminUserView } from '@shared/schemas/admin';
import { DecisionType } from '@shared/schemas/common';
import { ChoiceGroup, Field } from '../../../components/form/form-field';
import { useSchemaForm } from '../../../components/form/use-schema-form';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useCreateUser, useLiftThrottle, useResetPassword, useUpdateUser, useUsers } from '../api/users';
import { DataTable } from '../../../components/data-table';
import { SaveCancelButtons } from './save-cancel-buttons';

/**
 * People: staff accounts made here with a one-time password, and accounts an identity provider
 * provisioned; roles, scopes, disabling (every session ends at once), password resets, throttles.
 */
export function PeopleSection() {
  const { t, formatDateTime } = useI18n();
  const list = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const lift = useLiftThrottle();
  const [editing, setEditing] = useState<AdminUserView | null>(null);
  const [lifted, setLifted] = useState<string | null>(null);
  const actionError = update.error ?? reset.error ?? lift.error;
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('admin.peopleTitle')}</h2>
      <p className="muted">{t('admin.peopleIntro')}</p>
      <NewUserForm />
      {list.isError ? <ProblemMessage error={list.error} /> : null}
      {actionError ? <ProblemMessage error={actionError} /> : null}
      {reset.data?.generatedPassword ? (
        <p className="callout" role="status">
          {t('admin.userPasswordOnce', { username: reset.data.user.username })} <code>{reset.data.generatedPassword}</code>
        </p>
      ) : null}
      {lifted ? (
        <p className="callout" role="status">
          {t('admin.userThrottleLifted', { username: lifted })}
        </p>
      ) : null}
      {list.data ? (
        <DataTable
          caption={t('admin.peopleTitle')}
          columns={[
            t('admin.userName'),
            t('admin.userRoles'),
            t('admin.userSource'),
            t('admin.userState'),
            t('admin.userLastSignIn'),
            t('admin.webhookActions'),
          ]}
        >
          {list.data.items.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                <code>{u.username}</code>
                {u.displayName ? <div className="muted small">{u.displayName}</div> : null}
              </th>
              <td>
                {u.roles.map((r) => t(`admin.role.${r}`)).join(', ')}
                {u.scopes.length ? <div className="muted small">{u.scopes.map((s) => t(`decisionType.${s}`)).join(', ')}</div> : null}
              </td>
              <td>{u.source.kind === 'local' ? t('admin.userSourceLocal') : t('admin.userSourceOidc', { issuer: u.source.issuer })}</td>
              <td>
                {u.disabled ? t('admin.userDisabled') : t('admin.userActive')}
                {u.mustChangePassword ? <div className="muted small">{t('admin.userMustChange')}</div> : null}
              </td>
              <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : '—'}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t(u.disabled ? 'admin.userEnableNamed' : 'admin.userDisableNamed', { username: u.username })}
                    onClick={() => update.mutate({ id: u.id, body: { disabled: !u.disabled } })}
                  >
                    {u.disabled ? t('admin.userEnable') : t('admin.userDisable')}
                  </button>
                  {u.memberId || u.source.kind !== 'local' ? null : (
                    <button
                      type="button"
                      className="button button-quiet-link"
                      aria-label={t('admin.userEditNamed', { username: u.username })}
                      aria-pressed={editing?.id === u.id}
                      onClick={() => setEditing(u)}
                    >
                      {t('admin.userEdit')}
                    </button>
                  )}
                  {u.source.kind === 'local' ? (
                    <button
                      type="button"
                      className="button button-quiet-link"
                      aria-label={t('admin.userResetNamed', { username: u.username })}
                      onClick={() => reset.mutate(u.id)}
                    >
                      {t('admin.userReset')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button-quiet-link"
                    aria-label={t('admin.userLiftNamed', { username: u.username })}
                    onClick={() => lift.mutate(u.username, { onSuccess: () => setLifted(u.username) })}
                  >
                    {t('admin.userLift')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {editing ? <EditRolesForm key={editing.id} user={editing} onDone={() => setEditing(null)} /> : null}
    </section>
  );
}

/** The password may be left empty: the server then makes one and shows it once. */
const NewUserForm_ = CreateUser.safeExtend({ password: z.union([z.literal(''), NewPassword]).optional() });

/** A new staff account; the one-time password is the admin's to hand over, shown here once. */
function NewUserForm() {
  const { t } = useI18n();
  const create = useCreateUser();
  const form = useSchemaForm(NewUserForm_, {
    defaultValues: { username: '', displayName: '', roles: [], scopes: [], password: '' },
    messages: {
      username: 'admin.userNameInvalid',
      roles: 'admin.userRolesMissing',
      scopes: 'admin.userScopesOnlyReviewers',
      password: { too_small: 'admin.userPasswordShort', invalid_union: 'admin.userPasswordShort', invalid_value: 'admin.userPasswordShort' },
    },
    serverError: create.error,
  });
  const onSubmit = form.handleSubmit(({ password, displayName, ...rest }) =>
    create.mutate({ ...rest, ...(displayName ? { displayName } : {}), ...(password ? { password } : {}) }, { onSuccess: () => form.reset() }),
  );
  return (
    <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t('admin.userNew')}</h3>
      {create.error ? <ProblemMessage error={create.error} /> : null}
      {create.data ? (
        <p className="callout" role="status">
          {create.data.generatedPassword ? (
            <>
              {t('admin.userPasswordOnce', { username: create.data.user.username })} <code>{create.data.generatedPassword}</code>
            </>
          ) : (
            t('admin.userMade', { username: create.data.user.username })
          )}
        </p>
      ) : null}
      <Field label={t('admin.userName')} hint={t('admin.userNameHint')} error={form.errorOf('username')}>
        {({ id }, describedBy, invalid) => (
          <input
            id={id}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.textProps('username')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t('admin.userDisplayName')} optional={t('form.optional')} error={form.errorOf('displayName')}>
        {({ id }, describedBy, invalid) => (
          <input id={id} type="text" {...form.textProps('displayName')} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <RoleAndScopeChoices
        roles={form.register('roles')}
        scopes={form.register('scopes')}
        rolesError={form.errorOf('roles')}
        scopesError={form.errorOf('scopes')}
      />
      <Field
        label={t('admin.userPassword')}
        optional={t('form.optional')}
        hint={t('admin.userPasswordHint', { min: STAFF_PASSWORD_MIN })}
        error={form.errorOf('password')}
      >
        {({ id }, describedBy, invalid) => (
          <input
            id={id}
            type="text"
            autoComplete="off"
            spellCheck={false}
            {...form.register('password')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.userCreate')}
      </button>
    </form>
  );
}

/** Roles from the shared list; scopes (decision types) matter to reviewers and approvers only. */
function RoleAndScopeChoices(props: { roles: UseFormRegisterReturn; scopes: UseFormRegisterReturn; rolesError: string | null; scopesError: string | null }) {
  const { rolesError, scopesError } = props;
  const { t } = useI18n();
  return (
    <>
      <ChoiceGroup legend={t('admin.userRoles')} error={rolesError}>
        {StaffRole.options.map((role) => (
          <label key={role} className="choice">
            <input type="checkbox" value={role} {...props.roles} /> {t(`admin.role.${role}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t('admin.userScopes')} hint={t('admin.userScopesHint')} error={scopesError}>
        {DecisionType.options.map((type) => (
          <label key={type} className="choice">
            <input type="checkbox" value={type} {...props.scopes} /> {t(`decisionType.${type}`)}
          </label>
        ))}
      </ChoiceGroup>
    </>
  );
}

const EditRoles = z
  .strictObject({ roles: z.array(StaffRole).min(1), scopes: z.array(DecisionType) })
  .refine((u) => scopesAllowed(u.roles, u.scopes), { path: ['scopes'], message: 'scopes' });

/** A person's roles and scopes, changed at once (their next request already sees them). */
function EditRolesForm({ user, onDone }: { user: AdminUserView; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateUser();
  const form = useSchemaForm(EditRoles, {
    defaultValues: { roles: user.roles.filter((r) => r !== 'member') as StaffRole[], scopes: user.scopes },
    messages: { roles: 'admin.userRolesMissing', scopes: 'admin.userScopesOnlyReviewers' },
    serverError: update.error,
  });
  const onSubmit = form.handleSubmit((body) => update.mutate({ id: user.id, body }, { onSuccess: onDone }));
  return (
    <form className="form form-compact" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="edit-user-title">
      <h3 id="edit-user-title">{t('admin.userEditTitle', { username: user.username })}</h3>
      {update.error ? <ProblemMessage error={update.error} /> : null}
      <RoleAndScopeChoices
        roles={form.register('roles')}
        scopes={form.register('scopes')}
        rolesError={form.errorOf('roles')}
        scopesError={form.errorOf('scopes')}
      />
      <SaveCancelButtons saving={update.isPending} onCancel={onDone} />
    </form>
  );
}
