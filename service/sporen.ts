// Traces (OpenTelemetry), off unless an OTLP endpoint is configured. One trace runs from an
// HTTP request through the client's call to the case workflow (a start, a command's update)
// to the activities the workflow runs for it: the Temporal SDK's interceptors carry the trace
// context in Temporal's headers, and the workflow's own spans leave its sandbox through a sink.
//
// A process traces as a whole (OpenTelemetry's provider is global): start it once, before
// startKring, and the API's client and the worker pick it up.
//
// Spans carry ids, type and route names, status codes and timings; nothing else leaves the
// process in them. The API's server span is made here, by a middleware, rather than by
// OpenTelemetry's http/express instrumentation: that records addresses with their tokens and
// the caller's IP, needs loading before express, and has no express 5 support on this SDK line.
import type express from 'express';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type AttributeValue,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
  type TimedEvent,
} from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';
import type { ClientInterceptors } from '@temporalio/client';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';

/**
 * The workflow code's interceptors (workflows/sporen.ts), compiled into every workflow bundle
 * whether tracing is on or not, so a case's process runs the same either way.
 */
export const SPOREN_IN_WORKFLOW = require.resolve('../workflows/sporen');

export interface Sporeninstellingen {
  serviceName: string;
  /** The OTLP/HTTP traces endpoint (config: OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT). */
  url?: string;
  /** Instead of OTLP (tests): every span goes here as it ends. */
  exporter?: SpanExporter;
}

export interface Sporen {
  /** Sends what is still buffered, then stops tracing in this process. */
  stop(): Promise<void>;
}

interface Actief {
  processor: SpanProcessor;
  resource: Resource;
}

let actief: Actief | undefined;

/** Starts tracing in this process; undefined (and nothing traced) without an endpoint. */
export function sporenStarten(instellingen: Sporeninstellingen | undefined): Sporen | undefined {
  if (!instellingen || !(instellingen.url || instellingen.exporter)) return undefined;
  if (actief) throw new Error('Tracing was already started in this process');
  const resource = Resource.default().merge(new Resource({ 'service.name': instellingen.serviceName }));
  const processor = new Afscherming(
    instellingen.exporter
      ? new SimpleSpanProcessor(instellingen.exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: instellingen.url })),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  // W3C trace context only: no baggage, which would carry whatever a caller put in it.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const dit: Actief = { processor, resource };
  actief = dit;
  return {
    async stop() {
      if (actief !== dit) return;
      actief = undefined;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** The API's Temporal client: starts, updates, signals and queries carry the active span's context. */
export function clientInterceptors(): ClientInterceptors | undefined {
  return actief ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
}

/**
 * The worker's part: a span per activity, in the trace of the workflow span that started it,
 * and the sink by which the workflow's spans leave its sandbox. The sink is there with
 * tracing off too (it drops them): the workflow code always has its interceptors.
 */
export function workerSporen(): { interceptors?: Pick<WorkerInterceptors, 'activity'>; sinks: SporenSinks } {
  if (!actief) return { sinks: sporenSinks() };
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          // Activity log lines carry the trace and span ids.
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: sporenSinks(),
  };
}

export type SporenSinks = InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }>;

/** The workflow spans' way out, for any worker of this workflow code (tests' workers too). */
export function sporenSinks(): SporenSinks {
  return { exporter: actief ? makeWorkflowExporter(actief.processor, actief.resource) : { export: { fn: () => {} } } };
}

// Probes and scrapes come every few seconds and say nothing about a case.
const ONGETRACEERD = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The API's first middleware: a server span per request, a child of the caller's span when
 * it sends `traceparent`. Named by method and route (`POST /cases/:id/coordinator-kiezen`),
 * never by the address itself.
 */
export function verzoekspoor(): express.RequestHandler {
  const tracer = trace.getTracer('kring-api');
  return (req, res, next) => {
    if (!actief || ONGETRACEERD.has(req.path)) return next();
    const ouder = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'url.path': afgeschermd(req.path),
          'url.scheme': req.protocol,
        },
      },
      ouder,
    );
    const ctx = trace.setSpan(ouder, span);
    // The body and the response arrive by events, outside this call: bind them to the span.
    context.bind(ctx, req);
    context.bind(ctx, res);
    let klaar = false;
    const einde = () => {
      if (klaar) return;
      klaar = true;
      const pad = req.routePatroon;
      if (pad) {
        span.updateName(`${req.method} ${pad}`);
        span.setAttribute('http.route', pad);
      }
      if (res.headersSent) span.setAttribute('http.response.status_code', res.statusCode);
      if (!res.writableFinished) span.setAttribute('error.type', 'aborted');
      if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', einde);
    res.once('close', einde);
    context.with(ctx, next);
  };
}

/** Token path segments replaced, query and fragment dropped. */
export function afgeschermd(tekst: string): string {
  return tekst.replace(/[?#]\S*/g, '').replace(/\/+(l|aanmelden)\/+(?!:token\b)[^/\s]+/gi, '/$1/:token');
}

/**
 * What a span may carry, by attribute name: ids (a case's workflow id is `zaak-<case id>`),
 * type and route names, status codes. The Temporal SDK's workflow spans arrive with the whole
 * workflow info merged in (memo, search attributes, last failure): all of that stays here.
 */
const TOEGESTAAN = new Set([
  // the Temporal interceptors'
  'temporalWorkflowId',
  'run_id',
  'temporalActivityId',
  'temporalUpdateId',
  // the workflow info's
  'workflowId',
  'runId',
  'workflowType',
  'taskQueue',
  'namespace',
  'attempt',
  // the API's (verzoekspoor)
  'http.request.method',
  'http.route',
  'url.path',
  'url.scheme',
  'http.response.status_code',
  'error.type',
  // exception events: the type and where it was thrown
  'exception.type',
  'exception.stacktrace',
]);

/**
 * Between the spans and their export: every span leaves with the attributes it may carry,
 * and failures with their type and stack frames but not their message, which may quote a
 * person's data (a database error quotes the values it was given).
 */
class Afscherming implements SpanProcessor {
  constructor(private readonly verder: SpanProcessor) {}

  onStart(span: Span, ouder: Context): void {
    this.verder.onStart(span, ouder);
  }

  onEnd(span: ReadableSpan): void {
    this.verder.onEnd(
      Object.create(span, {
        name: { value: afgeschermd(span.name) },
        attributes: { value: toegestaan(span.attributes) },
        events: { value: span.events.map(gebeurtenis) },
        links: { value: span.links.map((link) => ({ context: link.context })) },
        status: { value: { code: span.status.code } },
      }) as ReadableSpan,
    );
  }

  forceFlush(): Promise<void> {
    return this.verder.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.verder.shutdown();
  }
}

function gebeurtenis(event: TimedEvent): TimedEvent {
  return { name: event.name, time: event.time, attributes: toegestaan(event.attributes ?? {}) };
}

function toegestaan(attributes: Attributes): Attributes {
  const uit: Attributes = {};
  for (const [naam, waarde] of Object.entries(attributes)) {
    if (!TOEGESTAAN.has(naam) || !enkelvoudig(waarde)) continue;
    uit[naam] =
      naam === 'exception.stacktrace'
        ? frames(String(waarde))
        : typeof waarde === 'string'
          ? afgeschermd(waarde)
          : waarde;
  }
  return uit;
}

const enkelvoudig = (waarde: unknown): waarde is AttributeValue =>
  ['string', 'number', 'boolean'].includes(typeof waarde);

/** A stack trace's frames (`    at …`), without the message above them. */
const frames = (stack: string) =>
  stack
    .split('\n')
    .filter((regel) => /^\s+at /.test(regel))
    .join('\n');
