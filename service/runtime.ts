// The Temporal SDK's process-wide runtime: its logs on kring's logger, its worker metrics
// for Prometheus where configured. Installed once, first thing, by each entry point.
import { Runtime, type LogLevel } from '@temporalio/worker';
import type { Config } from '../config/config';
import { temporalLogger } from './logboek';

/** `sdkNiveau`: the SDK's own lines from this level (default: the process's log level). */
export function temporalRuntimeInstalleren(config: Pick<Config, 'workerMetricsAddress'>, sdkNiveau?: LogLevel): void {
  Runtime.install({
    // The process decides when the worker stops (after the API), not the SDK's own signal handler.
    shutdownSignals: [],
    logger: temporalLogger(sdkNiveau),
    telemetryOptions: {
      // The SDK core's own lines (warnings, failed workflow tasks) through the same logger.
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(config.workerMetricsAddress && {
        // The SDK's default names (as ops/grafana/dashboards/kring.json reads them).
        metrics: { prometheus: { bindAddress: config.workerMetricsAddress } },
      }),
    },
  });
}
