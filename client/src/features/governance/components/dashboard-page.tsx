import { PageTitle } from '../../../components/page-title';
import { useMetricsFilter } from '../hooks/use-metrics-filter';
import { useGovernanceI18n } from '../i18n';
import { AlertsSection } from './alerts-section';
import { CoverageSection, FindingsSection } from './compliance-section';
import { CorrectionsSection } from './corrections-section';
import { DriftSection } from './drift-section';
import { FairnessSection } from './fairness-section';
import { LabelsSection } from './labels-section';
import { ModelsSection } from './models-section';
import { MonitorsSection } from './monitors-section';
import { OverviewSection } from './overview-section';
import { PeriodFilter } from './period-filter';
import { ReviewSection } from './review-section';
import './governance.css';

/**
 * Model governance (AI Act Art. 12, 14, 72): how the automated decisions and the people reviewing
 * them behave, per period, type and model version. Every number comes from the rollups, so the
 * page costs the same at a million decisions as at a hundred. Loaded lazily, with its charts.
 */
export function DashboardPage() {
  const { t, typeName, formatDay } = useGovernanceI18n();
  const { filter, attribute, pooled, set } = useMetricsFilter();
  return (
    <div className="gov-page">
      <PageTitle title={t('dashboard.title')} intro={t('dashboard.intro')} />
      <AlertsSection />
      <PeriodFilter filter={filter} onChange={set} label={t('filter.label')} />
      <p className="gov-showing" role="status">
        {t('dashboard.showing', {
          from: formatDay(filter.from),
          to: formatDay(filter.to),
          types: filter.type ? typeName(filter.type) : t('filter.allTypesLower'),
        })}
      </p>
      <OverviewSection filter={filter} />
      <ModelsSection filter={filter} />
      <DriftSection filter={filter} />
      <FairnessSection
        filter={filter}
        attribute={attribute}
        pooled={pooled}
        onChange={(changes) =>
          set({
            ...(changes.attribute !== undefined ? { attribute: changes.attribute } : {}),
            ...(changes.pooled !== undefined ? { pooled: changes.pooled ? 'true' : null } : {}),
          })
        }
      />
      <ReviewSection filter={filter} />
      <LabelsSection filter={filter} attribute={attribute} />
      <div className="gov-grid-2 gov-grid-sections">
        <FindingsSection filter={filter} />
        <CoverageSection filter={filter} />
      </div>
      <CorrectionsSection filter={filter} />
      <MonitorsSection />
    </div>
  );
}
