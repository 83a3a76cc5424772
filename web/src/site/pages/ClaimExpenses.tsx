import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { ExpenseKind } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute } from '../api';
import type { Session } from '../auth';
import { ErrorSummary, type Errors, Radios, TextInput, words } from '../forms';
import { navigate, useTitle } from '../router';

const Submit = graphql(`
  mutation SubmitExpenseClaim($input: SubmitExpenseClaimInput!) {
    submitExpenseClaim(input: $input) {
      claim { id total }
      userErrors { code message field }
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

/** A practitioner claims one expense: mileage at the office's rate, or travel or another cost. */
export function ClaimExpenses({ session }: { session: Session }) {
  useTitle('Claim expenses');
  const [key] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({ kind: '', incurredOn: today(), description: '', miles: '', amount: '' });
  const [errors, setErrors] = useState<Errors>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.kind) return setErrors({ 'lines.0.kind': 'Select what you are claiming for' });
    try {
      const line = form.kind === 'MILEAGE'
        ? { kind: 'MILEAGE' as ExpenseKind, incurredOn: form.incurredOn, description: form.description, miles: Number(form.miles) || 0 }
        : { kind: form.kind as ExpenseKind, incurredOn: form.incurredOn, description: form.description, amount: form.amount.trim() || '0' };
      const { submitExpenseClaim } = await execute(Submit, { input: { idempotencyKey: key, lines: [line] } }, { office: session.office, token: session.accessToken });
      if (submitExpenseClaim.userErrors.length > 0) setErrors(errorsByField(submitExpenseClaim.userErrors));
      else navigate(`/${session.office}/me`);
    } catch (problem) {
      setErrors({ _: problem instanceof ApiProblem ? problem.message : 'Something went wrong. Try again later.' });
    }
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['lines.0.kind', 'lines.0.incurredOn', 'lines.0.description', 'lines.0.miles', 'lines.0.amount']} />
        <h1 className="govuk-heading-l">Claim expenses</h1>
        <form noValidate onSubmit={submit}>
          <Radios name="lines.0.kind" legend="What are you claiming for?" options={(['MILEAGE', 'TRAVEL', 'OTHER'] as const).map((k) => ({ value: k, label: words(k) }))}
            value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} error={errors['lines.0.kind']} />
          <TextInput name="lines.0.incurredOn" label="Date" type="date" value={form.incurredOn} onChange={(v) => setForm({ ...form, incurredOn: v })} error={errors['lines.0.incurredOn']} width="10" />
          <TextInput name="lines.0.description" label="What it was for" hint="For example, visit to a participant and back. Do not include names." value={form.description}
            onChange={(v) => setForm({ ...form, description: v })} error={errors['lines.0.description']} />
          {form.kind === 'MILEAGE'
            ? <TextInput name="lines.0.miles" label="Miles driven" hint="Paid at the office's rate a mile." value={form.miles} onChange={(v) => setForm({ ...form, miles: v })} error={errors['lines.0.miles']} width="4" />
            : <TextInput name="lines.0.amount" label="Amount in pounds" hint="For example 4.20" value={form.amount} onChange={(v) => setForm({ ...form, amount: v })} error={errors['lines.0.amount']} width="5" />}
          <button type="submit" className="govuk-button" data-module="govuk-button">Submit claim</button>
        </form>
      </div>
    </div>
  );
}
