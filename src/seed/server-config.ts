import type { Config } from '../config.js';

/**
 * The config of the seed's own in-process server. It listens on 127.0.0.1, on a port the system picks,
 * and serves nobody but the seed, so the per-client budgets (write throttle, cost budget) are out of the
 * way: the seed writes a city as one admin and one organizer, far faster than a person would. Every
 * business rule and auth check still applies, and the production defaults stay as they are.
 */
export function seedServerConfig(config: Config): Config {
  return {
    ...config,
    port: 0,
    host: '127.0.0.1',
    limits: { ...config.limits, writeBurst: 1e9, writesPerSecond: 1e9, costBudget: 1e9, costRestorePerSecond: 1e9 },
  };
}
