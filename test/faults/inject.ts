/**
 * Fault injection below the SDK's retry step: a middleware that sits between the retry loop and
 * the HTTP handler, so every attempt (first and retried) passes through it and the SDK's own
 * standard retry strategy decides what to do with the faults, against the real DynamoDB Local.
 *
 * A fault thrown `before` the request never reaches the database (throttling, a refused
 * connection); one thrown `after` lets the request commit and then loses the response (a timeout
 * after the write landed), the ambiguous case a client cannot tell apart from a failure.
 */
import {
  type DynamoDBClient,
  ProvisionedThroughputExceededException,
  ScanCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { FinalizeRequestMiddleware } from '@smithy/types';

export type FaultKind = 'throttle' | 'throttling-exception' | 'timeout';

export interface Fault {
  kind: FaultKind;
  /** before: the request is not sent; after: it is sent and commits, then the answer is lost. */
  when: 'before' | 'after';
}

export interface Attempt {
  command: string;
  fault?: FaultKind;
}

/** An error as the SDK would throw it for each kind of fault. */
export function faultError(kind: FaultKind): Error {
  if (kind === 'throttle') {
    return new ProvisionedThroughputExceededException({
      message: 'injected: throughput exceeded',
      $metadata: { httpStatusCode: 400 },
    });
  }
  if (kind === 'throttling-exception') {
    return Object.assign(new Error('injected: rate of requests exceeds the allowed throughput'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
  }
  // What @smithy/node-http-handler throws when requestTimeout passes.
  return Object.assign(new Error('injected: request timed out'), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
  });
}

export interface Injector {
  /** Every attempt that reached the middleware, retries included, in order. */
  attempts: Attempt[];
  /**
   * Faults the next attempts of `command` get: a count, or every attempt until cleared. Starts
   * the attempt log afresh, so counts are of what happened since the fault was armed.
   */
  fail(command: string, fault: Fault, times?: number): void;
  clear(): void;
  /** Attempts of one command since the last fault was armed (or the last reset). */
  count(command: string): number;
  reset(): void;
}

/** Adds the fault middleware to a client, just inside its retry middleware. */
export function injectFaults(client: DynamoDBClient): Injector {
  const plans = new Map<string, { fault: Fault; left: number }>();
  const attempts: Attempt[] = [];
  const middleware: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const plan = plans.get(command);
      const fault = plan && plan.left > 0 ? plan.fault : undefined;
      if (plan && fault) plan.left -= 1;
      attempts.push({ command, fault: fault?.kind });
      if (fault?.when === 'before') throw faultError(fault.kind);
      const result = await next(args);
      if (fault?.when === 'after') throw faultError(fault.kind);
      return result;
    };
  client.middlewareStack.addRelativeTo(middleware, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'injectedFaults',
  });
  return {
    attempts,
    fail(command, fault, times = Number.POSITIVE_INFINITY) {
      plans.set(command, { fault, left: times });
      attempts.length = 0;
    },
    clear() {
      plans.clear();
    },
    count: (command) => attempts.filter((a) => a.command === command).length,
    reset() {
      plans.clear();
      attempts.length = 0;
    },
  };
}

export type Item = Record<string, unknown>;

/** Every item of the table, sorted by key: what "the table is exactly as before" compares. */
export async function scanTable(client: DynamoDBClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await client.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        ExclusiveStartKey: start as never,
      }),
    );
    for (const item of out.Items ?? []) items.push(unmarshall(item));
    start = out.LastEvaluatedKey;
  } while (start);
  const key = (i: Item) => `${String(i.pk)}\u0000${String(i.sk)}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * What a half-written turn would leave behind, as a list of problems (empty when whole): a line
 * pointing at a missing conversation, a lead without its conversation, a phone's lead pointer to a
 * missing lead.
 */
export function dangling(items: Item[]): string[] {
  const keys = new Set(items.map((i) => `${String(i.pk)}|${String(i.sk)}`));
  const problems: string[] = [];
  for (const item of items) {
    const where = `${String(item.pk)}/${String(item.sk)}`;
    if (item.sk === 'LINE' && item.conversationId && !keys.has(`CONV#${item.conversationId}|CONV`))
      problems.push(`${where} points to a missing conversation`);
    if (item.sk === 'LEAD' && String(item.pk).startsWith('LEAD#')) {
      if (!keys.has(`CONV#${item.conversationId}|CONV`))
        problems.push(`${where} has no conversation`);
    }
    if (item.sk === 'LEAD' && String(item.pk).startsWith('PHONE#')) {
      if (!keys.has(`LEAD#${item.leadId}|LEAD`)) problems.push(`${where} points to a missing lead`);
    }
  }
  return problems;
}
