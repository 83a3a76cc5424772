import { serviceName } from './service';

// RJCloud is not a GOV.UK service, so it uses the generic header instead of the GOV.UK one.
export function Header() {
  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href="/" className="govuk-generic-header__homepage-link">
              {serviceName}
            </a>
          </div>
        </div>
      </div>
    </header>
  );
}
