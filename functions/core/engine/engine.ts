import { todayIn } from '../calendar';
import type { Content } from '../content';
import type { Facts } from '../facts';
import { type Language, RESERVED_STEPS, type Step } from '../flow';
import { parseYesNo } from '../parse';
import { isSkip } from '../parse/normalize';
import { type Reading, read, type Said } from '../parse/reading';
import { readStory, type Story } from '../understand/story';
import { mentionsUnclear, parseAnswer, pressedOption } from './answers';
import {
  ask,
  bot,
  consentQuestion,
  type EngineContext,
  nextStep,
  reask,
  STUCK_AFTER,
  type Turn,
  yesNo,
} from './ask';
import { type Command, parseCommand } from './commands';
import { holds } from './conditions';
import { answerConfirm, answerEdit, CHANGE_WORDS, lineNumber } from './confirm';
import { answerHeard, hearLater, keptWords, sayBack, worthSayingBack } from './heard';
import {
  answerLinkCode,
  answerLinkPhone,
  LINK_STEPS,
  resume,
  startTextLink,
  startWebLink,
  startWhatsAppLink,
} from './linking';
import { inServiceArea } from './outcome';
import { answerQuestion, looksLikeQuestion, takesFreeText } from './questions';
import { reminderTurn, takesReminderMessage } from './reminders';
import { choicesFor, t } from './render';
import { type BotMessage, type Channel, type IntakeState, texted } from './state';
import { closingMessages } from './summary';

export { type EngineContext, nextStep, STUCK_AFTER, type Turn };

/**
 * Starts an intake: who the assistant is, the disclaimers, and the consent question.
 *
 * @example begin(ctx, 'es', 'web').state.step // 'consent'
 */
export function begin(ctx: EngineContext, language: Language, channel: Channel): Turn {
  const state: IntakeState = {
    language,
    channel,
    step: 'consent',
    status: 'active',
    answers: {},
    said: {},
    skipped: [],
    history: [],
    attempts: 0,
    handoff: false,
    disclosures: [],
    questions: [],
    effects: [],
    heard: {},
  };
  return { state, replies: disclosures(ctx, state) };
}

/** The disclaimers and consent question, recorded in the audit trail each time they are shown. */
function disclosures(ctx: EngineContext, state: IntakeState): BotMessage[] {
  state.disclosures.push({
    version: ctx.content.flow.disclaimerVersion,
    language: state.language,
    channel: state.channel,
    at: ctx.now.toISOString(),
  });
  return introMessages(ctx, state);
}

/**
 * The disclaimers and the consent question as words only, recording nothing: the pending
 * question of an intake still at consent.
 */
export function introMessages(ctx: EngineContext, state: IntakeState): BotMessage[] {
  const say = (key: string) => t(ctx.content, state, key);
  const intro = [say('intro.welcome'), say('intro.disclaimer'), say('intro.danger')];
  if (texted(state.channel)) intro.push(say('intro.smsTerms'));
  intro.push(say('intro.languageHint'));
  return [bot(intro.join('\n\n')), consentQuestion(ctx, state)];
}

/**
 * True when this message goes to an ended intake rather than starting a new one: erasing it
 * ("delete my data", then its confirmation). By SMS, any other text after an intake ended
 * starts a new conversation.
 */
export function erasesEnded(state: IntakeState, text: Said): boolean {
  if (state.status === 'active' || state.status === 'qualified') return false;
  const command = parseCommand(text);
  return command?.kind === 'delete' || (state.step === 'deleteConfirm' && !command);
}

/**
 * True when this message goes to an ended intake rather than starting a new one: erasing it, or
 * its hearing reminders (the answer to the offer, "new date" and the date asked for).
 */
export function takesEnded(ctx: Pick<EngineContext, 'content'>, state: IntakeState, text: Said) {
  const reading = typeof text === 'string' ? read(text) : text;
  return (
    erasesEnded(state, reading) ||
    (!parseCommand(reading) && takesReminderMessage(ctx, state, reading))
  );
}

/**
 * Applies one client message to the intake.
 *
 * @example advance(ctx, state, 'yes').state.step // the first question after consent
 */
export function advance(ctx: EngineContext, previous: IntakeState, message: string): Turn {
  // The message is read once here; everything below reads this one reading.
  const text = read(message);
  const state: IntakeState = structuredClone(previous);
  // Effects belong to the turn that asked for them; the service carried them out already.
  state.effects = [];
  const today = todayIn(ctx.now, ctx.content.firm.timeZone);
  const parsedCommand = parseCommand(text);
  // At the consultation-language question, "español" / "english" are answers, not a switch.
  const command =
    (parsedCommand?.kind === 'language' && state.step === stepOfType(ctx, state, 'language')) ||
    (parsedCommand?.kind === 'person' && tellsStory(ctx, state, text, today))
      ? undefined
      : parsedCommand;
  if (state.status !== 'active') {
    const reminders = command ? undefined : reminderTurn(ctx, state, text, today);
    if (reminders) return reminders;
    if (command?.kind === 'restart') return begin(ctx, state.language, state.channel);
    if (command?.kind === 'language') state.language = command.language;
    // An ended intake can still be erased; once it became a lead the firm holds it, and says how
    // to ask the firm to erase it.
    if (command?.kind === 'delete' && state.status === 'qualified') {
      return { state, replies: [bot(t(ctx.content, state, 'commands.deleteAfterLead'))] };
    }
    if (command?.kind === 'delete') return runCommand(ctx, state, command, today);
    if (state.step === 'deleteConfirm' && !command) return answerDelete(ctx, state, text, today);
    return { state, replies: [bot(t(ctx.content, state, 'commands.ended'))] };
  }
  // An emergency's lead went out already: the firm holds it, as after the end.
  if (command?.kind === 'delete' && state.leadId) {
    return {
      state,
      replies: [bot(t(ctx.content, state, 'commands.deleteAfterLead')), ...ask(ctx, state, today)],
    };
  }
  if (command) return runCommand(ctx, state, command, today);
  // The step it waited on was taken out of the flow by a content update: go on at the next one.
  if (removedStep(ctx, state)) {
    state.step = nextStep(ctx, state, today);
    state.attempts = 0;
    return { state, replies: ask(ctx, state, today) };
  }
  if (isQuestion(ctx, state, text, today)) {
    const answer = answerQuestion(ctx.content, state, text.raw, ctx.now.toISOString());
    const [first, ...rest] = ask(ctx, state, today);
    const resume = t(ctx.content, state, 'knowledge.resume');
    const again = first ? [{ ...first, text: `${resume}\n${first.text}` }, ...rest] : [];
    return { state, replies: [...answer, ...again] };
  }
  switch (state.step) {
    case 'consent':
      return answerConsent(ctx, state, text, today);
    case 'deleteConfirm':
      return answerDelete(ctx, state, text, today);
    case 'heard':
      return answerHeard(ctx, state, text, today, (s) => proceed(ctx, s, today));
    case 'confirm':
      return answerConfirm(ctx, state, text, today);
    case 'confirmEdit':
      return answerEdit(ctx, state, text, today);
    case 'linkPhone':
      return answerLinkPhone(ctx, state, text, today);
    case 'linkCode':
      return answerLinkCode(ctx, state, text, today);
    default:
      return answerStep(ctx, state, text, today);
  }
}

/**
 * True when the message, at the story question, tells a story (what happened, to whom): then
 * "necesito un abogado, se llevaron a mi marido" is the story, not a request for a person, and
 * "¿qué hago? detuvieron a mi hijo" is read, not only answered.
 */
function tellsStory(ctx: EngineContext, state: IntakeState, text: Reading, today: string): boolean {
  const step = ctx.content.flow.steps.find((s) => s.id === state.step);
  if (!step?.story || state.status !== 'active') return false;
  const story = readStory(ctx.content, text, today, state.language);
  // "Necesito un abogado para mi divorcio" says the matter too: a referral, not a hand-off. Who
  // it is about alone is no story: "quiero hablar con una persona" asks for a person.
  const happened = Object.keys(story.facts).some(
    (id) => id !== 'aboutSelf' && id !== 'writerRelationship',
  );
  return happened && (worthSayingBack(story) || story.facts[step.id] !== undefined);
}

/**
 * A message is a question, not an answer, when it reads as one and cannot be the answer: on a
 * free-text question any text could be an answer, so reading as a question is enough there.
 */
function isQuestion(ctx: EngineContext, state: IntakeState, text: Reading, today: string): boolean {
  if (!looksLikeQuestion(text)) return false;
  if (tellsStory(ctx, state, text, today)) return false;
  if (['consent', 'deleteConfirm', 'heard'].includes(state.step)) return yesNo(text) === undefined;
  if (state.step === 'confirm') return yesNo(text) === undefined && !CHANGE_WORDS.test(text.folded);
  if (state.step === 'confirmEdit') return lineNumber(text) === undefined;
  const step = ctx.content.flow.steps.find((s) => s.id === state.step);
  if (!step || takesFreeText(step)) return true;
  if (step.optional && (isSkip(text) || saysNotHave(step, text))) return false;
  return !parseAnswer(ctx.content, step, text, today, state.language).ok;
}

/** True when the intake waits on a step the flow no longer has (a content update removed it). */
function removedStep(ctx: EngineContext, state: IntakeState): boolean {
  if ((RESERVED_STEPS as readonly string[]).includes(state.step)) return false;
  if ((LINK_STEPS as readonly string[]).includes(state.step)) return false;
  return !ctx.content.flow.steps.some((s) => s.id === state.step);
}

function stepOfType(
  ctx: EngineContext,
  state: IntakeState,
  type: Step['type'],
): string | undefined {
  return ctx.content.flow.steps.find((s) => s.id === state.step && s.type === type)?.id;
}

function runCommand(ctx: EngineContext, state: IntakeState, command: Command, today: string): Turn {
  const say = (key: string) => t(ctx.content, state, key);
  switch (command.kind) {
    case 'language': {
      state.language = command.language;
      if (state.step === 'consent') return { state, replies: disclosures(ctx, state) };
      return { state, replies: [bot(say('commands.languageSwitched')), ...ask(ctx, state, today)] };
    }
    case 'help': {
      const help = ctx.texting === false ? 'commands.helpNoText' : 'commands.help';
      return { state, replies: [bot(say(help)), ...ask(ctx, state, today)] };
    }
    case 'text':
      if (!state.consent?.given) return { state, replies: [consentQuestion(ctx, state)] };
      // No texting set up: say so, rather than that a code is on its way.
      if (ctx.texting === false && state.channel !== 'sms')
        return { state, replies: [bot(say('link.notAvailable')), ...ask(ctx, state, today)] };
      return startTextLink(ctx, state, today);
    case 'web':
      return startWebLink(ctx, state, today);
    case 'whatsapp':
      if (!state.consent?.given) return { state, replies: [consentQuestion(ctx, state)] };
      return startWhatsAppLink(ctx, state, today);
    case 'back': {
      if ((LINK_STEPS as readonly string[]).includes(state.step)) {
        return resume(ctx, state, today, 'commands.backDone');
      }
      const last = state.history.pop();
      if (last === undefined || state.step === 'consent') {
        return { state, replies: [bot(say('commands.backNothing')), ...ask(ctx, state, today)] };
      }
      delete state.answers[last];
      delete state.said[last];
      state.skipped = state.skipped.filter((id) => id !== last);
      state.step = last;
      state.attempts = 0;
      return { state, replies: [bot(say('commands.backDone')), ...ask(ctx, state, today)] };
    }
    case 'restart': {
      const fresh = begin(ctx, state.language, state.channel);
      // Consent already given stays on record; the answers go.
      if (state.consent?.given) {
        Object.assign(fresh.state, {
          consent: state.consent,
          disclosures: state.disclosures,
          questions: state.questions,
        });
        fresh.state.step = nextStep(ctx, fresh.state, today);
        return {
          state: fresh.state,
          replies: [bot(say('commands.restartDone')), ...ask(ctx, fresh.state, today)],
        };
      }
      return fresh;
    }
    case 'person': {
      if (!state.consent?.given) return { state, replies: [consentQuestion(ctx, state)] };
      state.handoff = true;
      state.attempts = 0;
      if (!['confirm', 'confirmEdit', 'deleteConfirm'].includes(state.step)) {
        state.step = nextStep(ctx, state, today);
      }
      return { state, replies: [bot(say('commands.handoff')), ...ask(ctx, state, today)] };
    }
    case 'delete': {
      if (state.step !== 'deleteConfirm') state.resumeStep = state.step;
      state.step = 'deleteConfirm';
      return {
        state,
        replies: [
          bot(say('commands.deleteConfirm'), [
            { value: 'yes', label: say('commands.deleteOptions.yes') },
            { value: 'no', label: say('commands.deleteOptions.no') },
          ]),
        ],
      };
    }
  }
}

function answerConsent(ctx: EngineContext, state: IntakeState, text: Reading, today: string): Turn {
  const answer = yesNo(text);
  if (!answer) return reask(ctx, state, today, [consentQuestion(ctx, state)], 'consent.example');
  state.consent = {
    given: answer === 'yes',
    version: ctx.content.flow.disclaimerVersion,
    language: state.language,
    channel: state.channel,
    at: ctx.now.toISOString(),
  };
  state.attempts = 0;
  if (answer === 'no') {
    state.status = 'declined';
    state.step = 'end';
    state.outcome = {
      status: 'declined',
      reasons: ['no-consent'],
      represented: false,
      handoff: false,
      at: ctx.now.toISOString(),
    };
    return { state, replies: [bot(t(ctx.content, state, 'consent.declined'))] };
  }
  state.step = nextStep(ctx, state, today);
  return { state, replies: ask(ctx, state, today) };
}

function answerDelete(ctx: EngineContext, state: IntakeState, text: Reading, today: string): Turn {
  const answer = yesNo(text);
  if (answer === 'yes') {
    // Erase everything the client told us; the store deletes the item itself.
    const erased: IntakeState = {
      ...state,
      status: 'deleted',
      step: 'end',
      answers: {},
      said: {},
      skipped: [],
      history: [],
      questions: [],
      outcome: undefined,
      heard: {},
      story: undefined,
    };
    return { state: erased, replies: [bot(t(ctx.content, state, 'commands.deleteDone'))] };
  }
  state.step = state.resumeStep ?? nextStep(ctx, state, today);
  state.resumeStep = undefined;
  const cancelled = bot(t(ctx.content, state, 'commands.deleteCancelled'));
  if (state.status !== 'active') return { state, replies: [cancelled] };
  return { state, replies: [cancelled, ...ask(ctx, state, today)] };
}

function answerStep(ctx: EngineContext, state: IntakeState, text: Reading, today: string): Turn {
  const step = ctx.content.flow.steps.find((s) => s.id === state.step);
  if (!step) throw new Error(`unknown step ${state.step}`);
  // "No sé" is a skip, except where "not sure" is an answer the fact holds: read it first there.
  const unsureFirst = holdsUnsure(step)
    ? parseAnswer(ctx.content, step, text, today, state.language)
    : undefined;
  const skip = !unsureFirst?.ok && step.optional && (isSkip(text) || saysNotHave(step, text));
  let parsed = skip
    ? undefined
    : (unsureFirst ?? parseAnswer(ctx.content, step, text, today, state.language));
  // The story question: what happened decides the answer ("detuvieron a mi esposo" is a
  // detention); a story that says more is said back to confirm.
  const asked =
    step.story && looksLikeQuestion(text)
      ? answerQuestion(ctx.content, state, text.raw, ctx.now.toISOString())
      : [];
  if (step.story && !skip && !pressedOption(ctx.content, step, text)) {
    const story = readStory(ctx.content, text, today, state.language);
    // "No estoy detenido, no tengo corte, solo quiero papeles": the words of what did not happen
    // do not pick the matter.
    const denied =
      parsed?.ok &&
      ((story.facts.detained === 'no' && parsed.value === 'detention') ||
        (story.facts.hasCourtCase === 'no' &&
          story.facts.removalOrder !== 'yes' &&
          parsed.value === 'court'));
    const own = story.facts[step.id] ?? (parsed?.ok && !denied ? parsed.value : undefined);
    if (denied) parsed = undefined;
    if (own !== undefined) {
      parsed = { ok: true, value: own };
      const facts = { ...story.facts, [step.id]: own };
      // Not immigration: the referral comes at once, and nothing unconfirmed is kept.
      if (worthSayingBack({ ...story, facts })) {
        const turn = sayBack(ctx, state, step.id, { ...story, facts }, text, today);
        return { state: turn.state, replies: [...asked, ...turn.replies] };
      }
    } else if (!parsed?.ok && saysOnlyWho(ctx.content, story, text)) {
      // "Es para mi hermano", "it's for my wife", "its for me": who it is about, no matter yet.
      // Said back like any story; on yes it is kept for its questions and this one comes again.
      const turn = sayBack(ctx, state, step.id, story, text, today);
      return { state: turn.state, replies: [...asked, ...turn.replies] };
    }
  }
  // "Sigue detenido", "tiene corte en diciembre", "lo pararon manejando": what the words state
  // for this very question, when its own parser found no answer.
  if (!skip && !parsed?.ok && !step.story) {
    const said = readStory(ctx.content, text, today, state.language, step.id, state.answers).facts[
      step.id
    ];
    if (said !== undefined) parsed = { ok: true, value: said };
  }
  if (!skip && !parsed?.ok && mentionsUnclear(step, text)) {
    // "Sin papeles" fits more than one option: ask which, with the same choices.
    const question = bot(
      t(ctx.content, state, `steps.${step.id}.clarify`),
      choicesFor(ctx.content, state, step),
    );
    return reask(ctx, state, today, [question], `steps.${step.id}.example`, step.optional, true);
  }
  if (!skip && !parsed?.ok) {
    return reask(
      ctx,
      state,
      today,
      ask(ctx, state, today),
      `steps.${step.id}.example`,
      step.optional,
    );
  }
  if (skip) state.skipped.push(step.id);
  else if (parsed?.ok) {
    state.answers[step.id] = parsed.value;
    state.said[step.id] = keptWords(text);
  }
  state.history.push(step.id);
  if (parsed?.ok) {
    alsoAnswered(ctx, state, step, text, today);
    if (!step.story && !READ_ALONE.has(step.type) && !step.sensitive)
      hearLater(ctx, state, step.id, text, today);
  }
  state.attempts = 0;
  // Texting is not safe for them: say the firm will not text first, and how to erase this.
  const notSafe =
    step.id === 'safeToContact' && state.answers.safeToContact === 'no' && texted(state.channel);
  const note = notSafe ? [bot(t(ctx.content, state, 'sms.notSafe'))] : [];
  return proceed(ctx, state, today, [...asked, ...note]);
}

/**
 * True when a story says who it is about and nothing else: a relative named ("mi esposo", "es
 * sobre mi papá"), or the writer in so many words ("it's for me"), not only a first person
 * ("necesito ayuda").
 */
function saysOnlyWho(content: Content, story: Story, text: Reading): boolean {
  const ids = Object.keys(story.facts);
  if (
    !ids.includes('aboutSelf') ||
    ids.some((id) => id !== 'aboutSelf' && id !== 'writerRelationship')
  )
    return false;
  return story.facts.writerRelationship !== undefined || content.story.forWriter.test(text.words);
}

/** Answers read for themselves only: a name or a number says nothing of the story. */
const READ_ALONE = new Set<Step['type']>(['name', 'phone', 'email', 'anumber', 'language']);

/**
 * On to the next question, taking what was heard for it (ask.ts `nextStep`), unless the answers
 * end the intake (not immigration, out of the service area).
 */
function proceed(
  ctx: EngineContext,
  state: IntakeState,
  today: string,
  before: BotMessage[] = [],
): Turn {
  state.step = nextStep(ctx, state, today);
  const env = {
    outsideServiceArea: (answers: Record<string, unknown>) =>
      !inServiceArea(ctx.content, answers as Facts),
  };
  const exit = ctx.content.flow.exits.find((e) => holds(e.when, state.answers, today, env));
  if (exit) {
    state.status = exit.outcome;
    state.step = 'end';
    state.outcome = {
      status: exit.outcome,
      reasons: state.handoff ? [exit.reason, 'asked-for-person'] : [exit.reason],
      represented: false,
      handoff: state.handoff,
      at: ctx.now.toISOString(),
    };
    return { state, replies: [...before, ...closingMessages(ctx.content, state, today)] };
  }
  return { state, replies: [...before, ...ask(ctx, state, today)] };
}

/** True when "not sure" is one of the step's answers (yes/no/unsure, or an 'unsure' option). */
function holdsUnsure(step: Step): boolean {
  return step.type === 'yesno-unsure' || (step.options ?? []).includes('unsure');
}

/**
 * What the same message says for the steps a step's `alsoAnswers` names ("es mi esposo" at
 * "about you or someone else?" tells the relationship too): those not answered yet are answered
 * with it, so nothing said is asked again. A button number answers only the question it was for.
 */
function alsoAnswered(
  ctx: EngineContext,
  state: IntakeState,
  step: Step,
  text: Reading,
  today: string,
): void {
  if (/^\s*#?\d+\s*$/.test(text.raw)) return;
  for (const id of step.alsoAnswers ?? []) {
    const other = ctx.content.flow.steps.find((s) => s.id === id);
    if (!other || id in state.answers) continue;
    if (other.when && !holds(other.when, state.answers, today)) continue;
    const read = parseAnswer(ctx.content, other, text, today, state.language);
    // A catch-all is never inferred: "someone else" says nothing of who they are.
    if (!read.ok || read.value === 'other') continue;
    state.answers[id] = read.value;
    state.said[id] = keptWords(text);
    state.history.push(id);
  }
}

const NOTHING_WORDS = new Set(['none', 'nothing', 'nada', 'ninguno', 'ninguna', 'n a']);

/**
 * On an optional question that is not itself yes/no, "no", "no sé", "no lo tengo" or "prefiero
 * no decir" means the client does not have or will not give it: a skip, not an answer.
 */
function saysNotHave(step: Step, text: Reading): boolean {
  if (step.type.startsWith('yesno') || step.type === 'choice' || step.type === 'multichoice')
    return false;
  if (NOTHING_WORDS.has(text.folded)) return true;
  const said = parseYesNo(text, { unsure: true, preferNot: true });
  return said.ok && said.value !== 'yes';
}
