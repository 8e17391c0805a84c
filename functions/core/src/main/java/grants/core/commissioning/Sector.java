package grants.core.commissioning;

/** The sector an organisation or a board member comes from. */
public enum Sector { PUBLIC, PRIVATE, VOLUNTARY, COMMUNITY }
