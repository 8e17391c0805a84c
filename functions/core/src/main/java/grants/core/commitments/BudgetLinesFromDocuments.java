package grants.core.commitments;

import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Fund;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.core.programme.AdditionalFund;
import grants.core.run.ProgrammeOutline;
import grants.core.support.Specialisms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The budget lines a programme's or round's own document states, for a scope whose manager has set
 * none: nobody types them again. A programme: its core grant budget ("Core"), and each other fund
 * (allocation-rules.md's {@code additionalFunds}) as a line of its own, ring-fenced to the specialism its
 * purpose names ("Economic development support" pays only for economic development) for adviser days
 * and events. A round: its fund's annual amount in each of its years, for contracts.
 */
final class BudgetLinesFromDocuments {

    private BudgetLinesFromDocuments() {
    }

    /** {@code runTotalPence} stands for the core budget of a programme that states none. */
    static List<LineRequest> ofProgramme(ProgrammeOutline programme, FinancialYear year, long runTotalPence) {
        List<LineRequest> lines = new ArrayList<>();
        lines.add(new LineRequest(programme.programmeId(), year.toString(), "core-grants", "Grants to partnerships",
                "Core", programme.grantBudgetPence().orElse(runTotalPence), Set.of(Spend.GRANTS), Optional.empty(),
                false, 0));
        for (AdditionalFund fund : programme.additionalFunds()) {
            String purpose = fund.purpose() == null || fund.purpose().isBlank() ? "Support" : fund.purpose();
            lines.add(new LineRequest(programme.programmeId(), year.toString(), slug(fund.source()), purpose,
                    fund.source(), fund.amountPence(), Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                    Optional.of(ringFence(purpose)), false, 0));
        }
        return lines;
    }

    static List<LineRequest> ofRound(String roundId, String roundName, Fund fund) {
        List<LineRequest> lines = new ArrayList<>();
        FinancialYear year = FinancialYear.parse(fund.firstYear()).orElseThrow();
        for (int i = 0; i < fund.years(); i++, year = year.next()) {
            lines.add(new LineRequest(roundId, year.toString(), "fund", "Contracts of " + roundName, "Fund",
                    fund.annualPence(), Set.of(Spend.CONTRACTS), Optional.empty(), false, 0));
        }
        return lines;
    }

    /** The specialism a fund's purpose names, if it names one; else the purpose itself. */
    static String ringFence(String purpose) {
        String lower = purpose.toLowerCase(Locale.ROOT);
        return Specialisms.ALL.stream().filter(lower::contains).findFirst().orElse(purpose);
    }

    /** "Regional Development Agency" becomes "regional-development-agency". */
    private static String slug(String source) {
        String slug = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "other-fund" : slug.substring(0, Math.min(slug.length(), 64));
    }
}
