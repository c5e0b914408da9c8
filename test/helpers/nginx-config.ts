/**
 * What every nginx a test or benchmark starts says first: run in the foreground as this user (root's
 * nginx would drop to nobody), one worker, its pid, log and temp files in its own folder.
 */
export function nginxMain(dir: string, workerConnections: number): string {
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${workerConnections}; }`;
}

/** the `http {}` lines that keep nginx's temp files in `dir` */
export function nginxHttpFiles(dir: string): string {
  return `  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;`;
}
