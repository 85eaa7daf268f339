// Tracing inside the case process: the Temporal SDK's OpenTelemetry interceptors give the
// workflow, each command's update and each activity it starts a span, in the trace of the
// request that sent the command. Not a workflow: the worker compiles this module into the
// workflow code as its interceptors (service/sporen.ts, SPOREN_IN_WORKFLOW).
//
// The process runs the same with tracing on or off: this module is always there, and the
// spans leave through the worker's `exporter` sink, which drops them when tracing is off.
// The interceptors add promise steps of their own, which can change the order of a workflow
// task's commands; so a run that began without them (no 'sporen' marker in its history)
// goes on without them, and a run that began with them keeps them.
import * as wf from '@temporalio/workflow';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';

export const interceptors = (): wf.WorkflowInterceptors => {
  // Decided once per run, as it starts; nothing is traced before.
  let otel: { in: OpenTelemetryInboundInterceptor; uit: OpenTelemetryOutboundInterceptor } | undefined;

  const inbound: wf.WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      if (wf.patched('sporen'))
        otel = { in: new OpenTelemetryInboundInterceptor(), uit: new OpenTelemetryOutboundInterceptor() };
      return otel ? otel.in.execute(input, next) : next(input);
    },
    handleSignal: (input, next) => (otel ? otel.in.handleSignal(input, next) : next(input)),
    handleUpdate: (input, next) => (otel ? otel.in.handleUpdate(input, next) : next(input)),
    validateUpdate: (input, next) => (otel ? otel.in.validateUpdate(input, next) : next(input)),
    handleQuery: (input, next) => (otel ? otel.in.handleQuery(input, next) : next(input)),
  };

  const outbound: wf.WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (otel ? otel.uit.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (otel ? otel.uit.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) =>
      otel ? otel.uit.startChildWorkflowExecution(input, next) : next(input),
    startNexusOperation: (input, next) => (otel ? otel.uit.startNexusOperation(input, next) : next(input)),
    continueAsNew: (input, next) => (otel ? otel.uit.continueAsNew(input, next) : next(input)),
    signalWorkflow: (input, next) => (otel ? otel.uit.signalWorkflow(input, next) : next(input)),
    // wf.log lines carry the trace and span ids, so a log line finds its trace.
    getLogAttributes: (input, next) => (otel ? otel.uit.getLogAttributes(input, next) : next(input)),
  };

  return { inbound: [inbound], outbound: [outbound], internals: [new OpenTelemetryInternalsInterceptor()] };
};
