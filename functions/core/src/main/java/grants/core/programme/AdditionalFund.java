package grants.core.programme;

/** Another contribution to the programme: reported with the programme, never allocated. */
public record AdditionalFund(String source, long amountPence, String purpose) {
}
