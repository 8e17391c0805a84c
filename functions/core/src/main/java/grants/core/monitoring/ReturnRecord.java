package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A return and what has happened to it: its current due date (and the variations that moved it),
 * every submitted version, every review, and a skip. Its state and lateness are read from these.
 * A {@code draft} its lead contact saved is theirs alone: it changes no state, counts nothing and
 * stops no lateness; submitting makes it a version and clears it.
 */
public record ReturnRecord(ReturnPlan plan, LocalDate due, List<Variation> variations, List<Submission> versions,
                           List<Review> reviews, Optional<Act> skip, Optional<Submission> draft) {

    public ReturnRecord {
        variations = List.copyOf(variations);
        versions = List.copyOf(versions);
        reviews = List.copyOf(reviews);
    }

    /** A return with no draft. */
    public ReturnRecord(ReturnPlan plan, LocalDate due, List<Variation> variations, List<Submission> versions,
                        List<Review> reviews, Optional<Act> skip) {
        this(plan, due, variations, versions, reviews, skip, Optional.empty());
    }

    public static ReturnRecord planned(ReturnPlan plan) {
        return new ReturnRecord(plan, plan.originalDue(), List.of(), List.of(), List.of(), Optional.empty());
    }

    public String id() {
        return plan.id();
    }

    /** M3 and M4, at the end of {@code day}. */
    public ReturnState stateOn(LocalDate day) {
        if (skip.isPresent()) {
            return ReturnState.SKIPPED;
        }
        if (!reviews.isEmpty() && reviews.get(reviews.size() - 1).accepted()) {
            return ReturnState.ACCEPTED;
        }
        if (versions.size() > reviews.size()) {
            return ReturnState.SUBMITTED;
        }
        if (!versions.isEmpty()) {
            return ReturnState.RETURNED;
        }
        if (day.isBefore(plan.opensOn())) {
            return ReturnState.PLANNED;
        }
        return day.isAfter(due) ? ReturnState.OVERDUE : ReturnState.OPEN;
    }

    /** Accepted or skipped: nothing more happens to it. */
    public boolean isFinal() {
        return skip.isPresent() || (!reviews.isEmpty() && reviews.get(reviews.size() - 1).accepted());
    }

    /** Submitted at least once, or skipped: something has happened to it (M12). */
    public boolean isHandedIn() {
        return !versions.isEmpty() || skip.isPresent();
    }

    public Optional<LocalDate> submittedOn() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0).on());
    }

    public Optional<LocalDate> acceptedOn() {
        return isFinal() && skip.isEmpty() ? Optional.of(reviews.get(reviews.size() - 1).on()) : Optional.empty();
    }

    /** The accepted version, whose outputs count (M15). */
    public Optional<Submission> acceptedVersion() {
        return acceptedOn().map(on -> versions.get(versions.size() - 1));
    }

    public Optional<String> lastSubmitter() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1).by());
    }

    /**
     * M4: the working days after the current due date up to the first submission; for a skipped
     * return up to the skip; while neither, up to {@code asOf}.
     */
    public int workingDaysLate(LocalDate asOf, WorkingDays calendar) {
        LocalDate upTo = submittedOn().or(() -> skip.map(Act::on)).orElse(asOf);
        return calendar.countAfterUpTo(due, upTo);
    }

    ReturnRecord submitted(Submission version) {
        List<Submission> more = new ArrayList<>(versions);
        more.add(version);
        return new ReturnRecord(plan, due, variations, more, reviews, skip, Optional.empty());
    }

    ReturnRecord drafted(Submission saved) {
        return new ReturnRecord(plan, due, variations, versions, reviews, skip, Optional.of(saved));
    }

    ReturnRecord reviewed(Review review) {
        List<Review> more = new ArrayList<>(reviews);
        more.add(review);
        return new ReturnRecord(plan, due, variations, versions, more, skip, draft);
    }

    ReturnRecord skipped(Act act) {
        return new ReturnRecord(plan, due, variations, versions, reviews, Optional.of(act), draft);
    }

    ReturnRecord varied(Variation variation) {
        List<Variation> more = new ArrayList<>(variations);
        more.add(variation);
        return new ReturnRecord(plan, variation.to(), more, versions, reviews, skip, draft);
    }
}
