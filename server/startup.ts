import type { Config } from './config.js';

/*
 * What the start says to the person running it: where rooms are kept, and why listening failed, each in
 * one line they can act on.
 */

export function storeLine(config: Pick<Config, 'store' | 'dataDir' | 'dataFsync'>): string {
  if (config.store === 'memory')
    return 'Store: memory (STORE=memory). Rooms are kept in memory only and are lost on restart.';
  if (config.store === 'redis') return 'Store: Redis (REDIS_URL). Rooms are kept in Redis.';
  const fsync = config.dataFsync === 'always' ? 'fsync after every change' : 'fsync once a second';
  return `Store: files in ${config.dataDir} (DATA_DIR). Rooms are kept across restarts (${fsync}).`;
}

export function listenProblem(err: NodeJS.ErrnoException, config: Pick<Config, 'host' | 'port'>): string {
  const where = `${config.host}:${config.port}`;
  switch (err.code) {
    case 'EADDRINUSE':
      return (
        `port ${config.port} is already in use on ${config.host}. ` +
        'Stop the other program, or set PORT to a free port.'
      );
    case 'EACCES':
      return `this user may not listen on ${where}. Use a port above 1023 (set PORT), or run with the rights to.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `HOST=${config.host} is not an address of this machine. Use 127.0.0.1 (this machine only) or 0.0.0.0.`;
    default:
      return `could not listen on ${where}: ${err.message}`;
  }
}
