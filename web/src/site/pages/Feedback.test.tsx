import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { navigate } from '../router';
import { financialYearOf } from '../format';
import { rate } from './Evaluation';
import { answersFrom, missing, type Question } from './Feedback';

window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  navigate('/', { replace: true });
});

const question = (key: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  key, text: `${key}?`, kind, required: false, withComment: false, scaleMin: null, scaleMax: null, scaleMinLabel: null, scaleMaxLabel: null, choices: [], ...extra,
});

const satisfaction = question('satisfaction', 'SCALE' as Question['kind'], { required: true, scaleMin: 1, scaleMax: 5, scaleMinLabel: 'Very dissatisfied', scaleMaxLabel: 'Very satisfied' });
const recommend = question('recommend', 'YES_NO' as Question['kind'], { withComment: true });
const comments = question('comments', 'TEXT' as Question['kind']);

describe('participant feedback answers', () => {
  it('sends each answer in the part that fits its question, and leaves out what was not answered', () => {
    const answers = answersFrom([satisfaction, recommend, comments], {
      satisfaction: { choice: '4' }, recommend: { choice: 'no', comment: '  Too far to travel  ' }, comments: { text: '   ' },
    });
    expect(answers).toEqual([{ key: 'satisfaction', scale: 4 }, { key: 'recommend', yes: false, comment: 'Too far to travel' }]);
  });

  it('names every required question left unanswered', () => {
    expect(missing([satisfaction, recommend], { recommend: { choice: 'yes' } })).toEqual({ satisfaction: 'Select an answer to this question' });
  });
});

describe('evaluation figures', () => {
  it('writes a rate with what it counted, and no figure when nothing was counted', () => {
    expect(rate({ numerator: 2, denominator: 6, percent: 33.3 })).toBe('33.3% (2 of 6)');
    expect(rate({ numerator: 0, denominator: 0, percent: null })).toBe('No figure');
  });

  it('puts 31 March in the year before and 1 April in the new one', () => {
    expect(financialYearOf(new Date(2027, 2, 31))).toBe('2026-27');
    expect(financialYearOf(new Date(2027, 3, 1))).toBe('2027-28');
  });
});

describe('the feedback page', () => {
  it('asks for the required answer first, then sends the answers and thanks the participant', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: { input?: unknown } };
      const operation = /(?:query|mutation) (\w+)/.exec(body.query)?.[1];
      if (operation === 'SubmitFeedback') sent.push(body.variables.input);
      const answer = operation === 'FeedbackForm'
        ? { data: { feedbackForm: { title: 'Restorative justice participant evaluation', expiresAt: '2026-12-21T10:00:00Z', questions: [satisfaction, recommend] } } }
        : operation === 'SubmitFeedback' ? { data: { submitFeedback: { received: true, userErrors: [] } } }
          : { data: { tenant: { displayName: 'Essex PFCC' } } };
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    navigate('/essex/feedback/abcdefghijklmnopqrstuvwxyz0123456789', { replace: true });
    render(<App />);
    await screen.findByRole('heading', { name: 'Restorative justice participant evaluation' });

    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(await screen.findByRole('link', { name: 'Select an answer to this question' })).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('5 – Very satisfied'));
    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Thank you' })).toBeTruthy());
    expect(sent).toEqual([{ link: 'abcdefghijklmnopqrstuvwxyz0123456789', answers: [{ key: 'satisfaction', scale: 5 }] }]);
  });
});
