import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n';
import { isApiError } from '../lib/api-client';
import { PageTitle } from './page-title';

export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty">
      <p>{children}</p>
    </div>
  );
}

const isNotFound = (error: unknown) => isApiError(error) && (error.status === 404 || error.code === 'not_found');

/** What went wrong in words a member understands, with a way forward. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (isNotFound(error)) return <NotFoundState />;
  const network = isApiError(error) && error.code === 'network_error';
  return (
    <div className="state state-error" role="alert">
      <h2>{t('state.errorTitle')}</h2>
      <p>{network ? t('state.errorNetwork') : t('state.errorGeneric')}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function NotFoundState() {
  const t = useT();
  return (
    <div className="state state-error">
      <h2>{t('state.notFoundTitle')}</h2>
      <p>{t('state.notFound')}</p>
      <Link to="/" className="button">
        {t('state.goHome')}
      </Link>
    </div>
  );
}

/** A whole page for an address that leads nowhere (or nowhere this reader may go: same answer). */
export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('state.notFoundTitle')} />
      <p>{t('state.notFound')}</p>
      <p>
        <Link to="/" className="button">
          {t('state.goHome')}
        </Link>
      </p>
    </>
  );
}
