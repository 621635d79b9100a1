import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { PageTitle } from './page-title';

/** A screen whose API is still being built: says what will be here instead of showing nothing. */
export function PlaceholderPage({ title, intro, children }: { title: string; intro: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <PageTitle title={title} intro={intro} />
      {children}
      <div className="state state-empty">
        <p>{t('placeholder.comingSoon')}</p>
      </div>
    </>
  );
}
