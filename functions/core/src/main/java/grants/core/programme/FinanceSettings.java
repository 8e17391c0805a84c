package grants.core.programme;

/**
 * How a programme's payments and open-data records are labelled. Every field has a default, so a
 * programme without a {@code finance} block still exports: see {@link #defaultsFor}.
 *
 * @param costCentre         the budget line payments are charged to
 * @param fundingOrgId       360Giving Funding Org:Identifier
 * @param fundingOrgName     360Giving Funding Org:Name
 * @param identifierPrefix   the registered 360Giving prefix: grant ids are {@code 360G-{prefix}-...}
 * @param paymentReferencePrefix 2-4 letters or digits starting every Bacs payment reference
 */
public record FinanceSettings(String costCentre, String fundingOrgId, String fundingOrgName, String identifierPrefix,
                              String paymentReferencePrefix) {

    public static FinanceSettings defaultsFor(String programmeId, String programmeName) {
        return new FinanceSettings(programmeId.toUpperCase(java.util.Locale.ROOT), "360G-" + programmeId + "-funder",
                programmeName, programmeId, "GRNT");
    }
}
