import { PageTitle } from '../../../components/page-title';
import { useGovernanceI18n } from '../i18n';
import { DeliveriesSection } from './deliveries-section';
import { DisclosuresSection } from './disclosures-section';
import { EventsSection } from './events-section';
import { ExportSection } from './export-section';
import { IntegritySection } from './integrity-section';
import { StaffLogSection } from './staff-log-section';
import './governance.css';

/** The tamper-evident log (AI Act Art. 12): verify it, browse it, seal it, hand it over. Governance reads; it changes nothing. */
export function AuditPage() {
  const { t } = useGovernanceI18n();
  return (
    <div className="gov-page">
      <PageTitle title={t('audit.title')} intro={t('audit.intro')} />
      <IntegritySection />
      <EventsSection />
      <ExportSection />
      <DeliveriesSection />
      <DisclosuresSection />
      <StaffLogSection />
    </div>
  );
}
