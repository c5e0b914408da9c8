/** The flags of the live dashboard (`--dashboard` and what goes with it), for `run` and `bench`. */
import type { Command } from 'commander';

export function addDashboardOptions(command: Command): Command {
  return command
    .option('--dashboard [port]', 'a live web dashboard on 127.0.0.1 (default: a free port)')
    .option('--open', 'with --dashboard: open it in the browser')
    .option(
      '--dashboard-host <addr>',
      'with --dashboard: serve it on this address (0.0.0.0: all) for a room to watch, read-only, behind a random token in the printed URL (also shown as a QR code)',
    )
    .option(
      '--dashboard-linger <time>',
      'with --dashboard: how long the page stays up after the run (default: until Ctrl-C; 0: exit at once)',
    );
}
