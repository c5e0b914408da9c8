/**
 * The 'error' listener for a Redis, PostgreSQL or RabbitMQ client: the first error is written to stderr
 * with the service named, so an outage shows in the log instead of being swallowed, and later ones
 * (a client retrying a dead server) do not flood it. Without a listener an 'error' event would crash
 * the process; the failing command still rejects where it was awaited.
 */
export function logConnectionErrorsOnce(
  service: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): (error: Error) => void {
  let reported = false;
  return (error) => {
    if (reported) return;
    reported = true;
    write(`${service}: ${error.message}\n`);
  };
}
