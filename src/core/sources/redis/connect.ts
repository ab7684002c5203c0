import { Redis } from 'ioredis';
import { redactUrl } from '../../config/effective';
import { AppError } from '../../rpc/errors';

export interface RedisConnectOptions {
  connectTimeoutMs?: number;
}

/**
 * A client that fails fast while Redis is down (one retry per command, a short connect
 * timeout) instead of queueing commands for minutes, and keeps reconnecting in the
 * background so a long-running daemon recovers when Redis comes back.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 500, 5_000),
  });
  // ioredis reports connection trouble as 'error' events; without a listener they'd crash
  // Node. The socket's error (ECONNREFUSED …) says more than connect()'s rejection.
  let socketError: Error | null = null;
  redis.on('error', (error: Error) => {
    socketError = error;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const cause: unknown = socketError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('unavailable', `Redis at ${redactUrl(url)} is not reachable: ${reason}`, {
      cause: error,
    });
  }
  return redis;
}
