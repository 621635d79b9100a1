import { storeKinds } from '../support/stores';
import { describeAdminContract } from './admin.contract';
import { describeContactsContract } from './contacts.contract';
import { describeAttachmentsContract } from './attachments.contract';
import { describeStoreContract } from './store.contract';
import { describeStoreOperationsContract } from './store-operations.contract';
import { describeDeliveryContract } from './delivery.contract';
import { describeDisclosuresContract } from './disclosures.contract';
import { describeMemberPreferencesContract } from './member-preferences.contract';
import { describeReportsContract } from './reports.contract';
import { describeMonitorsContract } from './monitors.contract';

for (const kind of storeKinds()) {
  describeStoreContract(kind);
  describeStoreOperationsContract(kind);
  describeDeliveryContract(kind);
  describeContactsContract(kind);
  describeAdminContract(kind);
  describeAttachmentsContract(kind);
  describeDisclosuresContract(kind);
  describeMemberPreferencesContract(kind);
  describeReportsContract(kind);
  describeMonitorsContract(kind);
}
