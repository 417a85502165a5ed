/**
 * CloudWatch metrics from the delivery functions, written as one JSON log line in CloudWatch's
 * Embedded Metric Format (EMF): Lambda's log stream turns the line into metrics, with no API call,
 * no SDK and no added latency, and the line stays readable in the log. The stack's alarms watch
 * these metrics (infra/alarms.ts): a refused lead email is an alarm within minutes, not a log line
 * nobody reads. Counts only: no lead id, no address.
 */
import type { Mailer } from '../core/ports';

/** The namespace and dimension every Amparo metric is published under (infra/alarms.ts reads them). */
export const METRICS_NAMESPACE = 'Amparo';
/** One deployment's metrics apart from another's (a staging stack in the same account). */
export const METRICS_DIMENSION = 'Deployment';

/** Every metric the functions publish: the stack makes alarms on these very names. */
export const METRIC = {
  /** Lead emails SES (or the mail server) accepted. */
  emailsSent: 'LeadEmailsSent',
  /** Lead emails refused: SES sandbox, an unverified identity, a bad address, a network error. */
  emailFailures: 'LeadEmailFailures',
  /** Leads whose delivery failed this time and will be retried. */
  deliveryRetries: 'LeadDeliveryRetries',
  /** Leads given up on after every retry: nobody was emailed. */
  deliveryFailures: 'LeadDeliveryFailures',
  /** Leads whose summary went out to everyone it was routed to. */
  leadsSent: 'LeadsSent',
  /** Emergency leads re-offered because nobody accepted them in time. */
  leadsEscalated: 'LeadsEscalated',
  /** Stream records handed back to Lambda (retried, then to the dead-letter queue). */
  streamRecordFailures: 'StreamRecordFailures',
  /** Hearing reminders sent (texts and emails). */
  remindersSent: 'HearingRemindersSent',
  /** Hearing reminders given up on (every try failed, or a send interrupted), or a failed pass. */
  reminderFailures: 'HearingReminderFailures',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export interface Metrics {
  add(name: MetricName, value?: number): void;
  /** Writes what was added since the last flush as one EMF line (nothing when nothing was). */
  flush(): void;
}

/**
 * Metrics of one deployment, written by `write` (stdout on Lambda).
 *
 * @example const metrics = emfMetrics({ deployment: 'Amparo' }); metrics.add(METRIC.leadsSent); metrics.flush();
 */
export function emfMetrics(options: {
  deployment: string;
  write?: (line: string) => void;
  now?: () => Date;
}): Metrics {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  let counts = new Map<MetricName, number>();
  return {
    add(name, value = 1) {
      counts.set(name, (counts.get(name) ?? 0) + value);
    },
    flush() {
      if (!counts.size) return;
      const values = Object.fromEntries(counts);
      counts = new Map();
      write(
        JSON.stringify({
          _aws: {
            Timestamp: now().getTime(),
            CloudWatchMetrics: [
              {
                Namespace: METRICS_NAMESPACE,
                Dimensions: [[METRICS_DIMENSION]],
                Metrics: Object.keys(values).map((Name) => ({ Name, Unit: 'Count' })),
              },
            ],
          },
          [METRICS_DIMENSION]: options.deployment,
          event: 'metrics',
          ...values,
        }),
      );
    },
  };
}

/** The mailer, counting each email it sends and each it is refused (the refusal still throws). */
export function meteredMailer(mailer: Mailer, metrics: Metrics): Mailer {
  return {
    async send(email) {
      try {
        const sent = await mailer.send(email);
        metrics.add(METRIC.emailsSent);
        return sent;
      } catch (error) {
        metrics.add(METRIC.emailFailures);
        throw error;
      }
    },
  };
}
