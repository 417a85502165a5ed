/**
 * The closing summary ("here is what I have; is it right?") and the closing messages.
 */
import type { Content } from '../content';
import type { Step } from '../flow';
import { holds } from './conditions';
import { formatAnswer, t } from './render';
import { type BotMessage, type IntakeState, texted } from './state';

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
    else if (step.sensitive && texted(state.channel)) value = t(content, state, 'answers.given');
    else value = formatAnswer(content, state, step, state.answers[step.id]);
    lines.push({ step, text: `${label}: ${value}` });
  }
  return lines;
}

export function summaryMessage(content: Content, state: IntakeState, today: string): BotMessage {
  const lines = summaryLines(content, state, today).map((line, i) => `${i + 1}. ${line.text}`);
  return { role: 'bot', text: [t(content, state, 'confirm.intro'), ...lines].join('\n') };
}

/**
 * What the client hears at the end: what happens next, or a kind referral. Once answers are hidden
 * (IntakeState.hideAnswers), a qualified intake's closing says none of them.
 */
export function closingMessages(content: Content, state: IntakeState, today: string): BotMessage[] {
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
  if (state.hideAnswers) {
    // Nothing the answers chose: not the name, the safer way, the other lawyer, the articles.
    const text = [say('end.qualifiedHidden'), say('end.haveReady'), say('end.danger')].join('\n\n');
    return [{ role: 'bot', text }];
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
  const messages: BotMessage[] = [{ role: 'bot', text: parts.join('\n\n') }];
  const articles = closingArticles(content, state, today);
  if (articles.length) {
    // By SMS the titles only (a reply can ask about any of them); on the web the short answers too.
    const items = articles.map((a) =>
      texted(state.channel) ? `- ${a.title}` : `- ${a.title}\n${a.short}`,
    );
    messages.push({ role: 'bot', text: [say('end.articlesIntro'), ...items].join('\n\n') });
  }
  return messages;
}

/**
 * Up to three knowledge articles matched to the answers (DOMAIN.md "What the client hears at the
 * end"): the first three distinct ids of the flow's `closingArticles` whose condition holds.
 */
export function closingArticles(content: Content, state: IntakeState, today: string) {
  const ids: string[] = [];
  for (const rule of content.flow.closingArticles) {
    if (rule.when && !holds(rule.when, state.answers, today)) continue;
    for (const id of rule.articles) if (!ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, 3).flatMap((id) => content.knowledge.article(id, state.language) ?? []);
}
