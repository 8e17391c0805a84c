package grants.core.allocation;

import grants.core.programme.PartnershipType;
import grants.core.programme.Tier;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One partnership's result in a run: the spec's output columns, money in pence and euro cents.
 * A value, compared field by field. A row the engine makes writes its reason, a sentence of some
 * 250 characters, only when it is first read: a page of a dry run reads a thousand of a national
 * programme's hundred thousand.
 */
public final class AllocationRow {

    private final String partnershipId;
    private final String partnershipName;
    private final PartnershipType type;
    private final Tier tier;
    private final String locality;
    private final Status status;
    private final long baseGrantPence;
    private final long redistributionPence;
    private final long finalGrantPence;
    private final long finalGrantEuroCents;
    private final int supportHalfDays;
    private Supplier<String> reasonWriter;
    private volatile String reason;

    public AllocationRow(String partnershipId, String partnershipName, PartnershipType type, Tier tier,
                         String locality, Status status, long baseGrantPence, long redistributionPence,
                         long finalGrantPence, long finalGrantEuroCents, int supportHalfDays, String reason) {
        this(partnershipId, partnershipName, type, tier, locality, status, baseGrantPence, redistributionPence,
                finalGrantPence, finalGrantEuroCents, supportHalfDays, (Supplier<String>) null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A row whose reason is written when first read; the writer must give the same sentence every time. */
    AllocationRow(String partnershipId, String partnershipName, PartnershipType type, Tier tier, String locality,
                  Status status, long baseGrantPence, long redistributionPence, long finalGrantPence,
                  long finalGrantEuroCents, int supportHalfDays, Supplier<String> reasonWriter) {
        this.partnershipId = partnershipId;
        this.partnershipName = partnershipName;
        this.type = type;
        this.tier = tier;
        this.locality = locality;
        this.status = status;
        this.baseGrantPence = baseGrantPence;
        this.redistributionPence = redistributionPence;
        this.finalGrantPence = finalGrantPence;
        this.finalGrantEuroCents = finalGrantEuroCents;
        this.supportHalfDays = supportHalfDays;
        this.reasonWriter = reasonWriter;
    }

    public String partnershipId() {
        return partnershipId;
    }

    public String partnershipName() {
        return partnershipName;
    }

    public PartnershipType type() {
        return type;
    }

    public Tier tier() {
        return tier;
    }

    public String locality() {
        return locality;
    }

    public Status status() {
        return status;
    }

    public long baseGrantPence() {
        return baseGrantPence;
    }

    public long redistributionPence() {
        return redistributionPence;
    }

    public long finalGrantPence() {
        return finalGrantPence;
    }

    public long finalGrantEuroCents() {
        return finalGrantEuroCents;
    }

    public int supportHalfDays() {
        return supportHalfDays;
    }

    /** The plain-English sentence that tells the partnership why it got what it got. */
    public String reason() {
        String written = reason;
        if (written == null) {
            synchronized (this) {
                if (reason == null) {
                    reason = reasonWriter.get();
                    reasonWriter = null; // what it held (the locality, the pool) is no longer needed
                }
                written = reason;
            }
        }
        return written;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllocationRow row && partnershipId.equals(row.partnershipId)
                && Objects.equals(partnershipName, row.partnershipName) && type == row.type && tier == row.tier
                && Objects.equals(locality, row.locality) && status == row.status
                && baseGrantPence == row.baseGrantPence && redistributionPence == row.redistributionPence
                && finalGrantPence == row.finalGrantPence && finalGrantEuroCents == row.finalGrantEuroCents
                && supportHalfDays == row.supportHalfDays && reason().equals(row.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(partnershipId, status, finalGrantPence, reason());
    }

    @Override
    public String toString() {
        return "AllocationRow[partnershipId=" + partnershipId + ", partnershipName=" + partnershipName + ", type=" + type
                + ", tier=" + tier + ", locality=" + locality + ", status=" + status + ", baseGrantPence=" + baseGrantPence
                + ", redistributionPence=" + redistributionPence + ", finalGrantPence=" + finalGrantPence
                + ", finalGrantEuroCents=" + finalGrantEuroCents + ", supportHalfDays=" + supportHalfDays
                + ", reason=" + reason() + "]";
    }
}
