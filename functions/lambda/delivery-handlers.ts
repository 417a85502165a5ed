/**
 * The lead-delivery handlers, apart from their cold start so they can be tested with any deps:
 * - `streamHandler`: the table's stream (filtered by the stack to pending lead items) delivers
 *   each lead at once; a record that fails comes back in `batchItemFailures`, so Lambda retries
 *   from it (bisecting the batch) and finally sends it to the dead-letter queue.
 * - `timerHandler`: every minute, what the local worker does every 5 seconds (deliverDue):
 *   retries after a mail failure, and emergency leads nobody accepted in time, read from the
 *   due-time index (the whole week once an hour); and the hearing reminders due.
 * Logs carry lead ids and error names only. Each invocation ends with one line of metrics
 * (functions/lambda/metrics.ts): what deliverLead and deliverDue return, and, from the metered
 * mailer, every email SES refused; the stack alarms on them (infra/alarms.ts).
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  ScheduledEvent,
} from 'aws-lambda';
import { type DeliveryDeps, deliverDue, deliverLead } from '../core/leads/delivery';
import { type ReminderDeps, sendDueReminders } from '../core/reminders/send';
import { METRIC, type Metrics } from './metrics';

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'Error');

/** The lead id of a stream record, or undefined when the record is not a lead item. */
function leadIdOf(record: DynamoDBRecord): string | undefined {
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  // aws-lambda's AttributeValue and the SDK's are the same wire shape under different types.
  const item = unmarshall(image as Parameters<typeof unmarshall>[0]);
  if (item.type !== 'lead') return undefined;
  if (typeof item.leadId !== 'string' || !item.leadId) {
    throw new TypeError('a lead item without a leadId');
  }
  return item.leadId;
}

/** What deliverLead answered, as the metric that counts it. */
const RESULT_METRIC = {
  sent: METRIC.leadsSent,
  retry: METRIC.deliveryRetries,
  failed: METRIC.deliveryFailures,
} as const;

/** Metrics that go nowhere: for callers that do not publish any. */
const NO_METRICS: Metrics = { add: () => {}, flush: () => {} };

export function streamHandler(deps: DeliveryDeps, metrics: Metrics = NO_METRICS) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    try {
      for (const record of event.Records) {
        try {
          const leadId = leadIdOf(record);
          const result = leadId ? await deliverLead(deps, leadId) : 'skipped';
          if (result !== 'skipped') metrics.add(RESULT_METRIC[result]);
        } catch (error) {
          const sequence = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
          deps.log.error('lead_stream_record_failed', { sequence, error: errorName(error) });
          metrics.add(METRIC.streamRecordFailures);
          batchItemFailures.push({ itemIdentifier: sequence });
        }
      }
    } finally {
      metrics.flush();
    }
    return { batchItemFailures };
  };
}

/**
 * Once an hour the timer reads the whole week of leads instead of the due-time index: a lead
 * saved before the index existed (it gets its place at its next save) is not missed.
 */
export const SWEEP_EVERY_MINUTES = 60;

export function timerHandler(
  deps: DeliveryDeps,
  metrics: Metrics = NO_METRICS,
  reminders?: ReminderDeps,
) {
  return async (_event?: ScheduledEvent) => {
    try {
      const sweep = Math.floor(deps.now().getTime() / 60_000) % SWEEP_EVERY_MINUTES === 0;
      // The reminders go out even when the delivery pass fails (and the other way round).
      const [delivered, reminded] = await Promise.allSettled([
        deliverDue(deps, { sweep }),
        reminders ? sendDueReminders(reminders) : Promise.resolve(undefined),
      ]);
      if (reminded.status === 'fulfilled' && reminded.value) {
        const r = reminded.value;
        if (r.sent || r.failed || r.retried) deps.log.info('reminder_pass', { ...r });
        metrics.add(METRIC.remindersSent, r.sent);
        metrics.add(METRIC.reminderFailures, r.failed);
      } else if (reminded.status === 'rejected') {
        metrics.add(METRIC.reminderFailures);
        deps.log.error('reminder_pass_failed', { error: errorName(reminded.reason) });
      }
      if (delivered.status === 'rejected') throw delivered.reason;
      const result = delivered.value;
      if (result.sent || result.retried || result.escalated) deps.log.info('delivery_pass', result);
      metrics.add(METRIC.leadsSent, result.sent);
      metrics.add(METRIC.deliveryRetries, result.retried);
      metrics.add(METRIC.leadsEscalated, result.escalated);
      return result;
    } finally {
      // The emails the metered mailer counted, even when the pass itself failed.
      metrics.flush();
    }
  };
}
