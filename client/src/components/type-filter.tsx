import { useId, type SelectHTMLAttributes } from 'react';
import type { DecisionType } from '@shared/schemas/common';
import { useT } from '../i18n';

/**
 * The decision-type filter of a reviewer's list: any type, or one of their scopes. The select's
 * own attributes say whether it is controlled (`value`, `onChange`) or read from a form (`name`).
 */
export function TypeFilter({ scopes, ...select }: { scopes: readonly DecisionType[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  const t = useT();
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{t('filters.type')}</label>
      <select id={id} {...select}>
        <option value="">{t('filters.anyType')}</option>
        {scopes.map((scope) => (
          <option key={scope} value={scope}>
            {t(`decisionType.${scope}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
