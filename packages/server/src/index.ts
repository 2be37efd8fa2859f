export { appDeliveryWorker } from './alerts/appDeliveryWorker.js';
export { type AlertmanagerAlert, buildAlertmanagerPayload } from './alerts/channels/alertmanager.js';
export { buildSlackPayload, type SlackPayload } from './alerts/channels/slack.js';
export { buildWebhookPayload, signWebhookBody, type WebhookPayload } from './alerts/channels/webhook.js';
export {
  createDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
  retryDelay,
  type TickResult,
} from './alerts/deliveryWorker.js';
export { evaluateAlerts, pointVerdict, type Verdict } from './alerts/evaluateAlerts.js';
export {
  API_PREFIX,
  type BuildAppOptions,
  buildApp,
  DEFAULT_LIMITS,
  type RouteGroup,
  routeGroups,
} from './app/buildApp.js';
export type { AppContext, AppLimits, ReferenceListener, RouteRole } from './app/context.js';
export {
  type ErrorBody,
  HttpError,
  type HttpErrorCode,
  HttpErrorCodes,
  httpError,
  modelNotFound,
  type ProblemDetail,
} from './app/httpErrors.js';
export { requireModel } from './app/requireModel.js';
export { generateApiKey, hashApiKey, verifyApiKey } from './auth/apiKeys.js';
export { bootstrapAdminKey } from './auth/bootstrapAdminKey.js';
export { createKey } from './auth/createKey.js';
export { type DemoData, defaultDemoDataDir, loadDemoData } from './demo/demoData.js';
export { type Replay, type ReplayOptions, type ReplayProgress, startReplay } from './demo/demoReplay.js';
export { type DemoStatus, readDemoStatus } from './demo/demoStatus.js';
export { mostDriftingDemoFeature } from './demo/mostDriftingDemoFeature.js';
export {
  DEFAULT_DEMO_STORE,
  type RunningServedDemo,
  type ServeDemoOptions,
  serveDemo,
} from './demo/serveDemo.js';
export { DEMO_SCHEDULER, type DemoOptions, type RunningDemo, startDemo } from './demo/startDemo.js';
export { createWriteGate, type WriteGate } from './ingest/writeGate.js';
export { createServerMetrics, type ServerMetrics } from './metrics/serverMetrics.js';
export {
  createDefaultMonitors,
  defaultMonitors,
  type ReferenceFacts,
  referenceFacts,
} from './monitors/defaultMonitors.js';
export { evaluateMonitors, evaluateWindow } from './monitors/evaluateWindow.js';
export {
  createEvaluationCache,
  type EvaluationCache,
  type EvaluationContext,
} from './monitors/evaluationContext.js';
export {
  checkMonitorConfig,
  normalizeMonitorConfig,
  PREDICTION_FEATURE,
  performanceMetricNames,
  SCORE_FEATURE,
} from './monitors/monitorConfig.js';
export { createPseudonymizer, type PseudonymizeOptions, pseudonym } from './pseudonymize.js';
export { appScheduler } from './scheduler/appScheduler.js';
export { DEFAULT_WORKER_MIN_ROWS, evaluationThread } from './scheduler/evaluationThread.js';
export {
  createScheduler,
  type Scheduler,
  type SchedulerOptions,
  type TickOptions,
  type TickResult as SchedulerTickResult,
  type WindowEvaluation,
} from './scheduler/scheduler.js';
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_STORE,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './serve.js';
export { createDuckDbStore, type DuckDbStoreOptions } from './store/duckdb/createDuckDbStore.js';
export { type OpenStoreOptions, openStore } from './store/openStore.js';
export {
  createPostgresStore,
  type PostgresStoreOptions,
} from './store/postgres/createPostgresStore.js';
export type * from './store/types.js';
export {
  createEvaluationPool,
  type EvaluateOptions,
  type EvaluationPool,
  type EvaluationPoolOptions,
} from './workers/evaluationPool.js';
