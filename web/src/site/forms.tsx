import { type ReactNode, useEffect, useRef } from 'react';

// GOV.UK Design System form patterns: an error summary that links to each field, and fields that show
// their own error above the input with the input marked invalid.

export type Errors = Record<string, string>;

export function ErrorSummary({ errors, order }: { errors: Errors; order: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => !order.includes(k))];
  useEffect(() => {
    if (keys.length > 0) ref.current?.focus();
  }, [keys.join('|')]);
  if (keys.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {keys.map((key) => (
              <li key={key}>{key === '_' ? errors[key] : <a href={`#${fieldId(key)}`}>{errors[key]}</a>}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export const fieldId = (name: string) => `field-${name.replace(/\./g, '-')}`;

function Group({ name, error, children }: { name: string; error?: string; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} data-field={name}>{children}</div>;
}

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`${fieldId(name)}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

function describedBy(name: string, hint?: string, error?: string) {
  return [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextInput(props: {
  name: string; label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string;
  type?: string; autoComplete?: string; width?: string; spellCheck?: boolean;
}) {
  const { name, label, value, onChange, error, hint, type = 'text', autoComplete, width, spellCheck } = props;
  return (
    <Group name={name} error={error}>
      <label className="govuk-label" htmlFor={fieldId(name)}>{label}</label>
      {hint && <div id={`${fieldId(name)}-hint`} className="govuk-hint">{hint}</div>}
      <FieldError name={name} error={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={fieldId(name)} name={name} type={type} value={value} autoComplete={autoComplete} spellCheck={spellCheck}
        aria-describedby={describedBy(name, hint, error)} onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export function TextArea(props: { name: string; label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  const { name, label, value, onChange, error, hint } = props;
  return (
    <Group name={name} error={error}>
      <label className="govuk-label govuk-label--s" htmlFor={fieldId(name)}>{label}</label>
      {hint && <div id={`${fieldId(name)}-hint`} className="govuk-hint">{hint}</div>}
      <FieldError name={name} error={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={fieldId(name)} name={name} rows={5} value={value}
        aria-describedby={describedBy(name, hint, error)} onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export type Option = { value: string; label: string; hint?: string };

export function Radios(props: { name: string; legend: string; options: Option[]; value: string; onChange: (value: string) => void; error?: string; hint?: string; inline?: boolean }) {
  const { name, legend, options, value, onChange, error, hint, inline } = props;
  return (
    <Group name={name} error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && <div id={`${fieldId(name)}-hint`} className="govuk-hint">{hint}</div>}
        <FieldError name={name} error={error} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
          {options.map((option, i) => (
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input" id={i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`} name={name} type="radio"
                value={option.value} checked={value === option.value} onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${fieldId(name)}-${i}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`}>{option.label}</label>
              {option.hint && <div id={`${fieldId(name)}-${i}-item-hint`} className="govuk-hint govuk-radios__hint">{option.hint}</div>}
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
}

export function Checkboxes(props: { name: string; legend: string; options: Option[]; values: string[]; onChange: (values: string[]) => void; error?: string; hint?: string }) {
  const { name, legend, options, values, onChange, error, hint } = props;
  return (
    <Group name={name} error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && <div id={`${fieldId(name)}-hint`} className="govuk-hint">{hint}</div>}
        <FieldError name={name} error={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {options.map((option, i) => (
            <div className="govuk-checkboxes__item" key={option.value}>
              <input
                className="govuk-checkboxes__input" id={i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`} name={name} type="checkbox" value={option.value}
                checked={values.includes(option.value)}
                onChange={(e) => onChange(e.target.checked ? [...values, option.value] : values.filter((v) => v !== option.value))}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`}>{option.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
}

export function Tag({ children, colour }: { children: ReactNode; colour?: 'grey' | 'green' | 'red' | 'yellow' | 'blue' | 'orange' }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

/** "NEIGHBOUR_DISPUTE" → "Neighbour dispute". */
export function words(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ProblemBanner({ message }: { message: string }) {
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body"><p className="govuk-body">{message}</p></div>
    </div>
  );
}

/** GOV.UK's success notification banner: what was just done, and anything the person must take from it now (a link shown once). */
export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title">
      <div className="govuk-notification-banner__header"><h2 className="govuk-notification-banner__title" id="success-title">Success</h2></div>
      <div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{title}</p>{children}</div>
    </div>
  );
}

