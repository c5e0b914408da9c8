/**
 * Process entry the child-guard reaper runs when scalebench died with a stack still up:
 * `node reap-entry.js <label>` removes every container, network and volume carrying that label from the
 * engine at DOCKER_HOST. Exit 0 even when the engine is gone: there is nobody left to tell.
 */
import { connectEngine } from './container-engine.ts';
import { removeLabelled } from './remove-labelled.ts';

const label = process.argv[2];
if (label?.includes('=')) {
  try {
    const engine = await connectEngine(process.env);
    await removeLabelled(engine.docker, label);
  } catch {
    // the engine is gone too: nothing of the stack can be running
  }
}
