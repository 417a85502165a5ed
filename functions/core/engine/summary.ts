/**
 * The closing summary ("here is what I have; is it right?") and the closing messages.
 */
import type { Content } from '../content';
import type { Step } from '../flow';
import { holds } from './conditions';
import { formatAnswer, t } from './render';
import type { BotMessage, IntakeState } from './state';

export interface SummaryLine {
  step: Step;
  text: string;
}

/**
 * One numbered line per question the client was asked, in flow order. Sensitive answers
 * (A-number, criminal history, adverse parties) are never echoed by SMS.
 */
export function summaryLines(content: Content, state: IntakeState, today: string): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const step of content.flow.steps) {
    if (step.when && !holds(step.when, state.answers, today)) continue;
    const answered = step.id in state.answers;
    if (!answered && !state.skipped.includes(step.id)) continue;
    const label = t(content, state, `steps.${step.id}.label`);
    let value: string;
    if (!answered) value = t(content, state, 'answers.skipped');
    else if (step.sensitive && state.channel === 'sms') value = t(content, state, 'answers.given');
    else value = formatAnswer(content, state, step, state.answers[step.id]);
    lines.push({ step, text: `${label}: ${value}` });
  }
  return lines;
}

export function summaryMessage(content: Content, state: IntakeState, today: string): BotMessage {
  const lines = summaryLines(content, state, today).map((line, i) => `${i + 1}. ${line.text}`);
  return { role: 'bot', text: [t(content, state, 'confirm.intro'), ...lines].join('\n') };
}

/** What the client hears at the end: what happens next, or a kind referral. */
export function closingMessages(content: Content, state: IntakeState): BotMessage[] {
  const say = (key: string, vars?: Record<string, string>) => t(content, state, key, vars);
  const outcome = state.outcome;
  const referrals = content.firm.referrals[state.language];
  if (!outcome || outcome.status === 'declined')
    return [{ role: 'bot', text: say('consent.declined') }];
  if (outcome.status === 'referred') {
    const key = outcome.reasons.includes('not-immigration')
      ? 'end.referredNotImmigration'
      : 'end.referredOutOfArea';
    return [{ role: 'bot', text: `${say(key, { referrals })}\n\n${say('end.danger')}` }];
  }
  const urgency = outcome.screening?.urgency ?? 'normal';
  const next = { emergency: 'end.nextEmergency', high: 'end.nextHigh', normal: 'end.nextNormal' }[
    urgency
  ];
  const name = String(state.answers.writerName ?? state.answers.name ?? '').split(/\s+/)[0] ?? '';
  const parts = [say('end.qualified', { name }), say(next), say('end.haveReady')];
  if (outcome.represented) parts.push(say('end.represented'));
  if (state.answers.safeToContact === 'no') parts.push(say('end.safeAlternative'));
  parts.push(say('end.danger'));
  return [{ role: 'bot', text: parts.join('\n\n') }];
}
