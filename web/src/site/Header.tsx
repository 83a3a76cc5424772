import type { Session } from './auth';
import { Link } from './router';
import { serviceName } from './service';

export type NavItem = { href: string; label: string };

// RJCloud is not a GOV.UK service, so it uses the generic header, then GOV.UK service navigation with the office's name.
export function Header({ office, officeName, nav, current, session, onSignOut }: {
  office?: string; officeName: string; nav: NavItem[]; current: string; session: Session | null; onSignOut: () => void;
}) {
  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href="/" className="govuk-generic-header__homepage-link">{serviceName}</a>
          </div>
        </div>
      </div>
      {office && (
        <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <Link to={`/${office}`} className="govuk-service-navigation__link">{officeName}</Link>
              </span>
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {nav.map((item) => (
                    <li key={item.href} className={`govuk-service-navigation__item${current === item.href ? ' govuk-service-navigation__item--active' : ''}`}>
                      <Link to={item.href} className="govuk-service-navigation__link" aria-current={current === item.href ? 'page' : undefined}>{item.label}</Link>
                    </li>
                  ))}
                  {session && (
                    <li className="govuk-service-navigation__item">
                      <button type="button" className="govuk-service-navigation__link govuk-link--no-visited-state rj-link-button" onClick={onSignOut}>Sign out</button>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </section>
      )}
    </header>
  );
}
