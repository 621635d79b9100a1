import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n';

/** The page's one h1 and the document title, which is what a screen reader announces on arrival. */
export function PageTitle({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-title">
      <h1>{title}</h1>
      {intro ? <p className="page-intro">{intro}</p> : null}
      {children}
    </div>
  );
}
