import { storeKinds } from '../support/stores';
import { describeContactsContract } from './contacts.contract';
import { describeStoreContract } from './store.contract';
import { describeStoreOperationsContract } from './store-operations.contract';

for (const kind of storeKinds()) {
  describeStoreContract(kind);
  describeStoreOperationsContract(kind);
  describeContactsContract(kind);
}
