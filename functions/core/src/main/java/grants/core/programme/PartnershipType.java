package grants.core.programme;

public enum PartnershipType {
    METROPOLITAN(Tier.SINGLE_TIER),
    UNITARY(Tier.SINGLE_TIER),
    COUNTY(Tier.TWO_TIER),
    DISTRICT(Tier.TWO_TIER);

    private final Tier tier;

    PartnershipType(Tier tier) {
        this.tier = tier;
    }

    public Tier tier() {
        return tier;
    }
}
