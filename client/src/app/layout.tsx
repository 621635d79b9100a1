import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import type { User } from '@shared/schemas/session';
import { LanguageSelect } from '../components/language-select';
import { LoadingState } from '../components/page-states';
import { useSignOut } from '../features/auth';
import { ApprovalsCount } from '../features/cases';
import { useT } from '../i18n';
import { navItemsFor } from './navigation';
import { AccountLanguage } from './account-language';

/**
 * After an in-app navigation, start at the top with focus on the main region, so keyboard and
 * screen-reader users begin at the new content as they would after a full page load. The first
 * load keeps the browser's own focus.
 */
function useFocusMainOnNavigation(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  // Compare with the last path seen rather than counting renders: effects may run again
  // without a navigation, and that must not steal focus.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname, main]);
}

function Shell({ header, children }: { header: ReactNode; children: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {header}
      <main id="main" className="main" tabIndex={-1} ref={main}>
        <div className="container">
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<LoadingState />}>{children}</Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}

function Brand() {
  const t = useT();
  return (
    <Link to="/" className="brand">
      <span className="brand-mark" aria-hidden="true">
        R
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  );
}

function UserMenu({ user }: { user: User }) {
  const t = useT();
  const signOut = useSignOut();
  return (
    <div className="user-menu">
      <p className="user-name">
        <span className="user-signed-in">{t('nav.signedInAs', { username: user.username })}</span>
        {user.memberId ? <span className="user-member">{t('nav.memberNumber', { memberId: user.memberId })}</span> : null}
      </p>
      <button type="button" className="button button-quiet" onClick={() => signOut.mutate(user)} disabled={signOut.isPending}>
        {signOut.isPending ? t('nav.signingOut') : t('nav.signOut')}
      </button>
    </div>
  );
}

/** Signed-in screens: brand, role-aware navigation, language, the user and sign-out. */
export function AppLayout({ user }: { user: User }) {
  const t = useT();
  const items = navItemsFor(user.roles);
  return (
    <Shell
      header={
        <header className="site-header">
          <div className="container header-row header-row-user">
            <Brand />
            <div className="header-tools">
              {user.memberId ? <AccountLanguage /> : null}
              <LanguageSelect />
              <UserMenu user={user} />
            </div>
          </div>
          {items.length ? (
            <nav className="site-nav" aria-label={t('nav.label')}>
              <div className="container">
                <ul>
                  {items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end}>
                        {t(item.label)}
                      </NavLink>
                      {item.count === 'approvals' ? <ApprovalsCount /> : null}
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
      }
    >
      <Outlet />
    </Shell>
  );
}

/** Screens before sign-in: brand and language only. */
/** The signed-out frame (brand and language); also around the forced password change, which shows no navigation. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <Shell
      header={
        <header className="site-header">
          <div className="container header-row">
            <Brand />
            <div className="header-tools">
              <LanguageSelect />
            </div>
          </div>
        </header>
      }
    >
      {children ?? <Outlet />}
    </Shell>
  );
}
