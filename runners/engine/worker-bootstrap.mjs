// Worker threads run TypeScript too: register tsx in this thread, then load the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
