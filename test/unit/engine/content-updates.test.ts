/**
 * Issue 15: a content update that removes a flow step must not break the conversations waiting
 * on it (they go on at the next step), and a deployment that cannot text does not offer
 * "continue by text".
 */
import { describe, expect, it } from 'vitest';
import { advance } from '../../../functions/core/engine/engine';
import { content } from '../../helpers/content';
import { intake, NOW, RESIDENT } from '../../helpers/intake';

describe('a conversation waiting on a step a content update removed', () => {
  it('goes on at the next step instead of failing', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'court');
    const base = content();
    const updated = {
      ...base,
      flow: { ...base.flow, steps: base.flow.steps.filter((s) => s.id !== 'court') },
    };
    const turn = advance({ content: updated, now: NOW }, chat.state, 'San Diego');
    expect(turn.state.step).toBe('removalOrder');
    expect(turn.replies.map((r) => r.text).join('\n')).toMatch(/ordered you deported/);
    // And it goes on from there as usual.
    const next = advance({ content: updated, now: NOW }, turn.state, 'no');
    expect(next.state.answers.removalOrder).toBe('no');
  });

  it('keeps an answer to a removed step out of the summary and the facts', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'confirm');
    const base = content();
    const updated = {
      ...base,
      flow: { ...base.flow, steps: base.flow.steps.filter((s) => s.id !== 'court') },
    };
    const turn = advance({ content: updated, now: NOW }, chat.state, 'yes');
    expect(turn.state.status).toBe('qualified');
  });
});

describe('"continue by text" where nothing can be texted', () => {
  it('says it cannot, and asks the question again, without asking for a phone', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'hasCourtCase');
    const turn = advance(
      { content: content(), now: NOW, texting: false },
      chat.state,
      'continue by text',
    );
    expect(turn.state.step).toBe('hasCourtCase');
    expect(turn.state.effects).toEqual([]);
    expect(turn.replies[0]?.text).toMatch(/cannot go on by text/);
  });

  it('leaves it out of the help', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'hasCourtCase');
    const off = advance({ content: content(), now: NOW, texting: false }, chat.state, 'help');
    expect(off.replies[0]?.text).not.toMatch(/continue by text/);
    const on = advance({ content: content(), now: NOW }, chat.state, 'help');
    expect(on.replies[0]?.text).toMatch(/continue by text/);
  });

  it('still offers it where texting works', () => {
    const chat = intake();
    chat.answer(RESIDENT, 'hasCourtCase');
    const turn = advance(
      { content: content(), now: NOW, texting: true },
      chat.state,
      'continue by text',
    );
    expect(turn.state.step).toBe('linkPhone');
  });
});
