package grants.documents.monitoring;

import grants.documents.CsvFile;

import grants.core.exports.ExportFile;
import grants.core.money.Money;
import grants.core.monitoring.InstalmentRecord;
import grants.core.monitoring.MilestoneRecord;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.OutputProgress;
import grants.core.monitoring.ReturnRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The agreements as they stand at {@code asOf} (spec, "Output of a replay"): {@code returns.csv},
 * {@code milestones.csv}, {@code instalments.csv} and {@code outputs.csv}, each by agreement.
 */
final class AgreementsCsv {

    static final String RETURNS = "agreement_id,return_id,kind,opens_on,original_due,due,state,submitted_on,"
            + "accepted_on,working_days_late,versions";
    static final String MILESTONES = "agreement_id,milestone_id,original_due,due,state,achieved_on";
    static final String INSTALMENTS = "agreement_id,instalment,due_date,amount_gbp,state,paid_on";
    static final String OUTPUTS = "agreement_id,measure,quarter,value,running_total,target_to_date,percent_of_target";

    private AgreementsCsv() {
    }

    /** The returns made (M12: none that a termination left unmade), by agreement then due date. */
    static ExportFile returns(MonitoringRecord record) {
        LocalDate asOf = record.book().asOf();
        List<List<String>> rows = new ArrayList<>();
        for (MonitoredAgreement agreement : record.agreements()) {
            agreement.madeReturns().stream()
                    .sorted(Comparator.comparing(ReturnRecord::due).thenComparing(ReturnRecord::id))
                    .forEach(r -> rows.add(List.of(agreement.id(), r.id(), r.plan().kind().name(),
                            r.plan().opensOn().toString(), r.plan().originalDue().toString(), r.due().toString(),
                            r.stateOn(asOf).name(), MonitoringCsv.day(r.submittedOn()), MonitoringCsv.day(r.acceptedOn()),
                            String.valueOf(r.workingDaysLate(asOf, record.book().calendar())), String.valueOf(r.versions().size()))));
        }
        return CsvFile.of("returns.csv", RETURNS, rows);
    }

    static ExportFile milestones(MonitoringRecord record) {
        LocalDate asOf = record.book().asOf();
        List<List<String>> rows = new ArrayList<>();
        for (MonitoredAgreement agreement : record.agreements()) {
            agreement.milestones().stream()
                    .sorted(Comparator.comparing(MilestoneRecord::due).thenComparing(MilestoneRecord::id))
                    .forEach(m -> rows.add(List.of(agreement.id(), m.id(), m.milestone().due().toString(),
                            m.due().toString(), m.stateOn(asOf).name(),
                            MonitoringCsv.day(m.achieved().map(act -> act.on())))));
        }
        return CsvFile.of("milestones.csv", MILESTONES, rows);
    }

    static ExportFile instalments(MonitoringRecord record) {
        LocalDate asOf = record.book().asOf();
        List<List<String>> rows = new ArrayList<>();
        for (MonitoredAgreement agreement : record.agreements()) {
            for (InstalmentRecord i : agreement.instalments()) {
                rows.add(List.of(agreement.id(), String.valueOf(i.number()), i.instalment().due().toString(),
                        Money.format(i.instalment().pence()), agreement.stateOn(i, asOf).name(),
                        MonitoringCsv.day(i.paidOn())));
            }
        }
        return CsvFile.of("instalments.csv", INSTALMENTS, rows);
    }

    /** M15: the quarter is the return's, "2002-03 Q1". */
    static ExportFile outputs(MonitoringRecord record) {
        List<List<String>> rows = new ArrayList<>();
        for (MonitoredAgreement agreement : record.agreements()) {
            for (OutputProgress p : OutputProgress.of(agreement)) {
                rows.add(List.of(p.agreementId(), p.measure(), quarter(p.returnId()), String.valueOf(p.value()),
                        String.valueOf(p.runningTotal()), p.targetText(),
                        p.percentOfTarget().map(java.math.BigDecimal::toPlainString).orElse("")));
            }
        }
        return CsvFile.of("outputs.csv", OUTPUTS, rows);
    }

    static String quarter(String returnId) {
        return returnId.substring(returnId.indexOf('/') + 1);
    }
}
