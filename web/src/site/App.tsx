import { Footer } from './Footer';
import { Header } from './Header';
import { PhaseBanner } from './PhaseBanner';
import { serviceName } from './service';

export function App() {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header />
      <PhaseBanner />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h1 className="govuk-heading-xl">{serviceName}</h1>
              <p className="govuk-body-l">
                {serviceName} — restorative justice and victim services for Police and Crime
                Commissioners' offices
              </p>
              <div className="govuk-inset-text">
                The staff and public screens are coming soon.
              </div>
              <p className="govuk-body">
                Case workers will manage referrals, assessments and restorative meetings here, and
                people harmed by crime will be able to ask for support.
              </p>
            </div>
          </div>
        </main>
      </div>
      <Footer />
    </>
  );
}
