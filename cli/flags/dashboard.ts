/** The flags of the live dashboard (`--dashboard` and what goes with it), for `run`, `bench` and `report`. */
import type { Command } from 'commander';

/** what `--dashboard` does for the command, and what the page outlasts ('the run', 'the replay') */
export interface DashboardWording {
  dashboard: string;
  after: string;
}

const LIVE: DashboardWording = {
  dashboard: 'a live web dashboard on 127.0.0.1 (default: a free port)',
  after: 'the run',
};

export function addDashboardOptions(command: Command, wording: DashboardWording = LIVE): Command {
  return command
    .option('--dashboard [port]', wording.dashboard)
    .option('--open', 'with --dashboard: open it in the browser')
    .option(
      '--dashboard-host <addr>',
      'with --dashboard: serve it on this address (0.0.0.0: all) for a room to watch, read-only, behind a random token in the printed URL (also shown as a QR code)',
    )
    .option(
      '--dashboard-linger <time>',
      `with --dashboard: how long the page stays up after ${wording.after} (default: until Ctrl-C; 0: exit at once)`,
    );
}
