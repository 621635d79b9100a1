import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The way back up, above a page's title ("← All decisions"). */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
