import { storeKinds } from '../support/stores';
import { describeStoreContract } from './store.contract';

for (const kind of storeKinds()) describeStoreContract(kind);
