import { Link, useParams } from 'react-router';
import { PlaceholderPage } from '../../../components/placeholder-page';
import { useT } from '../../../i18n';

/** Where the objection form will live (POST /api/decisions/:id/objections, not built yet). */
export function ContestDecisionPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <>
      <p className="back-link">
        <Link to={`/decisions/${id ?? ''}`}>
          <span aria-hidden="true">← </span>
          {t('contest.back')}
        </Link>
      </p>
      <PlaceholderPage title={t('contest.title')} intro={t('contest.intro')} />
    </>
  );
}
