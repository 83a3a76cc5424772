export function Footer() {
  return (
    <footer className="govuk-template__footer">
      <div className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <span className="govuk-footer__licence-description">
                RJCloud is provided to the offices of Police and Crime Commissioners in England
                and Wales.
              </span>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
