import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';

function CrashMessage() {
  const t = useT();
  return (
    <div className="state state-error" role="alert">
      <h2>{t('state.errorTitle')}</h2>
      <p>{t('state.errorGeneric')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('state.retry')}
      </button>
    </div>
  );
}

/**
 * Last resort for a render crash or a lazily loaded screen that failed to download (say, after a
 * deploy replaced the chunks). `resetKey` (the path) lets the reader navigate away from it.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: unknown; key?: string }> {
  override state: { error: unknown; key?: string } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: unknown; key?: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.error ? <CrashMessage /> : this.props.children;
  }
}
