import { useI18n } from '../../../i18n';

/** The end of an admin edit form: save (off while saving) or leave it unchanged. */
export function SaveCancelButtons({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={saving}>
        {t('admin.userSave')}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
    </div>
  );
}
