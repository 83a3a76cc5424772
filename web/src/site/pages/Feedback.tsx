import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { AnswerInput, FeedbackFormQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import { ErrorSummary, type Errors, ProblemBanner, Radios, TextArea } from '../forms';
import { useTitle } from '../router';

const FormQuery = graphql(`
  query FeedbackForm($link: String!) {
    feedbackForm(link: $link) {
      title expiresAt
      questions { key text kind required withComment scaleMin scaleMax scaleMinLabel scaleMaxLabel choices }
    }
  }
`);

const Submit = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) { received userErrors { code message field } }
  }
`);

export type Question = NonNullable<FeedbackFormQuery['feedbackForm']>['questions'][number];

/** What the participant has chosen or written for one question, as the form holds it. */
export type Given = { choice?: string; text?: string; comment?: string };

/** The answers to send: only questions answered, each in the part that fits its kind. */
export function answersFrom(questions: readonly Question[], given: Record<string, Given>): AnswerInput[] {
  return questions.flatMap((q): AnswerInput[] => {
    const g = given[q.key] ?? {};
    const comment = g.comment?.trim() || undefined;
    if (q.kind === 'YES_NO' && g.choice) return [{ key: q.key, yes: g.choice === 'yes', comment: q.withComment ? comment : undefined }];
    if (q.kind === 'SCALE' && g.choice) return [{ key: q.key, scale: Number(g.choice) }];
    if (q.kind === 'CHOICE' && g.choice) return [{ key: q.key, choice: g.choice, comment: q.withComment ? comment : undefined }];
    if (q.kind === 'TEXT' && g.text?.trim()) return [{ key: q.key, text: g.text.trim() }];
    return [];
  });
}

/** Required questions left unanswered, by key, with the message GOV.UK forms give. */
export function missing(questions: readonly Question[], given: Record<string, Given>): Errors {
  const answered = new Set(answersFrom(questions, given).map((a) => a.key));
  return Object.fromEntries(questions.filter((q) => q.required && !answered.has(q.key))
    .map((q) => [q.key, q.kind === 'TEXT' ? 'Enter an answer to this question' : 'Select an answer to this question']));
}

function options(q: Question) {
  if (q.kind === 'YES_NO') return [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
  if (q.kind === 'CHOICE') return q.choices.map((c) => ({ value: c, label: c }));
  const min = q.scaleMin ?? 1;
  const max = q.scaleMax ?? 5;
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const value = String(min + i);
    const label = min + i === min && q.scaleMinLabel ? `${value} – ${q.scaleMinLabel}` : min + i === max && q.scaleMaxLabel ? `${value} – ${q.scaleMaxLabel}` : value;
    return { value, label };
  });
}

/** The participant's own feedback form, opened from the one-time link the office sent them: no account, one go. */
export function Feedback({ office, officeName, link }: { office: string; officeName: string; link: string }) {
  useTitle('Tell us what you thought');
  const [form, setForm] = useState<FeedbackFormQuery['feedbackForm'] | undefined>();
  const [given, setGiven] = useState<Record<string, Given>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState('');
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    execute(FormQuery, { link }, { office }).then((d) => setForm(d.feedbackForm), (e) => {
      setForm(null);
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    });
  }, [office, link]);

  const set = (key: string, change: Given) => setGiven((g) => ({ ...g, [key]: { ...g[key], ...change } }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!form || sending) return;
    const required = missing(form.questions, given);
    setErrors(required);
    if (Object.keys(required).length > 0) return;
    const answers = answersFrom(form.questions, given);
    setSending(true);
    try {
      const result = (await execute(Submit, { input: { link, answers } }, { office })).submitFeedback;
      if (result.received) setSent(true);
      else {
        // Faults name the answer by its place in what was sent (input.answers.N).
        setErrors(Object.fromEntries(result.userErrors.map((e) => {
          const index = e.field[0] === 'input' && e.field[1] === 'answers' && e.field[2] !== undefined ? Number(e.field[2]) : NaN;
          return [Number.isNaN(index) ? '_' : answers[index]!.key, e.message];
        })));
      }
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    } finally {
      setSending(false);
    }
  }

  if (sent)
    return (
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Thank you</h1>
        <div className="govuk-panel__body">{officeName} has your feedback.</div>
      </div>
    );
  if (form === undefined) return <p className="govuk-body">Loading…</p>;
  if (form === null)
    return (
      <>
        <h1 className="govuk-heading-l">This link no longer works</h1>
        {problem && <ProblemBanner message={problem} />}
        <p className="govuk-body">It has expired, or it has already been used. If you would still like to tell us what you thought, please contact {officeName}.</p>
      </>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={form.questions.map((q) => q.key)} />
        {problem && <ProblemBanner message={problem} />}
        <h1 className="govuk-heading-l">{form.title}</h1>
        <p className="govuk-body">Your answers go to {officeName}. Questions marked as optional can be left out. You can send this form once.</p>
        <form noValidate onSubmit={onSubmit}>
          {form.questions.map((q) => {
            const label = q.required ? q.text : `${q.text} (optional)`;
            const g = given[q.key] ?? {};
            return (
              <div key={q.key}>
                {q.kind === 'TEXT' ? (
                  <TextArea name={q.key} label={label} value={g.text ?? ''} onChange={(text) => set(q.key, { text })} error={errors[q.key]} />
                ) : (
                  <Radios name={q.key} legend={label} options={options(q)} value={g.choice ?? ''} onChange={(choice) => set(q.key, { choice })}
                    error={errors[q.key]} inline={q.kind === 'YES_NO'} />
                )}
                {q.withComment && (
                  <TextArea name={`${q.key}.comment`} label="Tell us more (optional)" value={g.comment ?? ''} onChange={(comment) => set(q.key, { comment })} />
                )}
              </div>
            );
          })}
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>Send feedback</button>
        </form>
      </div>
    </div>
  );
}
