// The page's handle on the C core's worker, started on first use.
import { WorkerClient } from './worker_client.js';

export const coreClient = new WorkerClient(
  () => new Worker(new URL('core_worker.js', document.baseURI), { type: 'module' }),
);
