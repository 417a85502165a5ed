import { advance, begin, type Turn } from '../../functions/core/engine/engine';
import type { Channel, IntakeState } from '../../functions/core/engine/state';
import type { Language } from '../../functions/core/flow';
import { content } from './content';

export const NOW = new Date('2026-11-25T18:00:00Z');

/** Drives the engine like a client: start, then one message at a time. */
export function intake(options: { language?: Language; channel?: Channel; now?: Date } = {}) {
  const ctx = { content: content(), now: options.now ?? NOW };
  let turn: Turn = begin(ctx, options.language ?? 'en', options.channel ?? 'web');
  const all = [...turn.replies];
  return {
    get state(): IntakeState {
      return turn.state;
    },
    get replies() {
      return turn.replies;
    },
    /** Every bot message so far. */
    all,
    say(text: string) {
      turn = advance(ctx, turn.state, text);
      all.push(...turn.replies);
      return turn;
    },
    /** The text of the last reply. */
    get last(): string {
      return turn.replies.map((r) => r.text).join('\n');
    },
    /** Answers by step id until `until` (or the end); fails on a step the map lacks. */
    answer(map: Record<string, string>, until?: string) {
      for (let i = 0; i < 100 && turn.state.status === 'active' && turn.state.step !== until; i++) {
        const reply = map[turn.state.step];
        if (reply === undefined) throw new Error(`no answer for step ${turn.state.step}`);
        this.say(reply);
      }
      return turn;
    },
  };
}

/** A complete, plausible set of answers: a long-time resident with US-citizen children. */
export const RESIDENT: Record<string, string> = {
  consent: 'yes',
  matter: '2',
  aboutSelf: '1',
  writerRelationship: '1',
  detained: 'no',
  // Asked only on the paths they belong to (detained, not detained, an order, citizen children).
  arrestSetting: '1',
  bondSet: 'no',
  signedPapers: 'no',
  healthNeeds: 'no',
  nextCheckInDate: 'no',
  priorRemovalKind: '1',
  oldestUscChildAge: 'skip',
  priorApplications: 'none',
  aNumber: 'A123456789',
  hasCourtCase: 'yes',
  nextHearingDate: 'March 3, 2027',
  court: 'San Diego',
  removalOrder: 'no',
  missedHearing: 'no',
  citizenship: 'Mexico',
  entryDate: 'June 2008',
  entryManner: '2',
  isLpr: 'no',
  usFamily: '5',
  fearOfReturn: 'no',
  crimeVictim: 'no',
  trafficking: 'no',
  familyHarm: 'no',
  abusedByFamily: 'no',
  birthDate: '06/30/1985',
  criminalHistory: 'no',
  represented: 'no',
  name: 'Maria Lopez',
  phone: '(213) 373-4253',
  safeToContact: 'yes',
  email: 'skip',
  location: 'San Diego, CA',
  preferredLanguage: '2',
  confirm: 'yes',
};

/** RESIDENT's intake answered in Spanish, as a texter types it. */
export const RESIDENT_ES: Record<string, string> = {
  ...RESIDENT,
  consent: 'si',
  aboutSelf: 'para mi',
  detained: 'no',
  removalOrder: 'no',
  missedHearing: 'no',
  represented: 'no',
  criminalHistory: 'no',
  safeToContact: 'si',
  email: 'saltar',
  preferredLanguage: '2',
  confirm: '1',
  isLpr: 'no',
  fearOfReturn: 'no',
  crimeVictim: 'no',
  trafficking: 'no',
  abusedByFamily: 'no',
  hasCourtCase: 'si',
  nextHearingDate: '3 de marzo de 2027',
  entryDate: 'junio de 2008',
  citizenship: 'Mexico',
  court: 'San Diego',
  birthDate: '30 de junio de 1985',
};
