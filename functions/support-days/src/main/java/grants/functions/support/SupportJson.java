package grants.functions.support;

import grants.documents.FieldReader;
import grants.documents.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.support.Account;
import grants.core.support.Adviser;
import grants.core.support.BalanceLine;
import grants.core.support.Booking;
import grants.core.support.BookingRequest;
import grants.core.support.SupportPool;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Advisers, pools, bookings and balances as the API represents them; request bodies read with every problem named by its field. */
public final class SupportJson {

    private SupportJson() {
    }

    public static Adviser readAdviser(JsonNode body, String adviserId) {
        FieldReader reader = objectReader(body, "adviser", "name", "specialisms", "contractedDays", "dayRate");
        String name = reader.text(body, "", "name", true);
        List<String> specialisms = new ArrayList<>();
        List<JsonNode> nodes = reader.array(body, "", "specialisms", false);
        for (int i = 0; i < nodes.size(); i++) {
            String specialism = reader.element(nodes.get(i), "specialisms[" + i + "]", "a non-empty string");
            if (specialism != null) {
                specialisms.add(specialism);
            }
        }
        Integer contracted = reader.halfDays(body, "", "contractedDays");
        Long dayRate = reader.pence(body, "", "dayRate", false);
        if (dayRate != null && dayRate == 0) {
            reader.problem("dayRate", "must be more than 0.00 (leave it out if the day rate is not known yet)");
        }
        throwIfAny(reader);
        return new Adviser(adviserId, name, specialisms, contracted, Optional.ofNullable(dayRate));
    }

    public static List<String> readPoolMembers(JsonNode body) {
        FieldReader reader = objectReader(body, "support-pool", "members");
        List<String> members = new ArrayList<>();
        List<JsonNode> nodes = reader.array(body, "", "members", true);
        for (int i = 0; i < nodes.size(); i++) {
            String member = reader.element(nodes.get(i), "members[" + i + "]", "a partnership id");
            if (member != null) {
                members.add(member);
            }
        }
        throwIfAny(reader);
        return members;
    }

    public static BookingRequest readBooking(JsonNode body) {
        FieldReader reader = objectReader(body, "booking", "adviserId", "partnershipId", "poolId", "date", "days", "topic");
        String adviserId = reader.text(body, "", "adviserId", true);
        String partnershipId = reader.text(body, "", "partnershipId", false);
        String poolId = reader.text(body, "", "poolId", false);
        LocalDate date = reader.date(body, "", "date", true);
        Integer halfDays = reader.halfDays(body, "", "days");
        if (halfDays != null && halfDays == 0) {
            reader.problem("days", "must be at least 0.5");
        }
        String topic = reader.text(body, "", "topic", true);
        throwIfAny(reader);
        return new BookingRequest(adviserId, partnershipId, poolId, date, halfDays, topic);
    }

    public static String readNote(JsonNode body) {
        FieldReader reader = objectReader(body, "booking-delivery", "note");
        String note = reader.multilineText(body, "", "note", true, FieldReader.MAX_LONG_TEXT);
        throwIfAny(reader);
        return note;
    }


    private static FieldReader objectReader(JsonNode body, String schema, String... fields) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(body, "body")) {
            throwIfAny(reader);
        }
        reader.conformsTo(schema, body);
        reader.onlyFields(body, "", fields);
        return reader;
    }

    private static void throwIfAny(FieldReader reader) {
        reader.refuseIfAny("request", "nothing was written");
    }

    public static ObjectNode adviser(Adviser adviser) {
        ObjectNode node = Json.object().put("adviserId", adviser.id()).put("name", adviser.name())
                .put("contractedDays", Days.format(adviser.contractedHalfDays()));
        dayRate(node, adviser);
        ArrayNode specialisms = node.putArray("specialisms");
        adviser.specialisms().forEach(specialisms::add);
        return node;
    }

    /** An adviser's day rate, as a two-decimal string and in words, where it is set. */
    private static void dayRate(ObjectNode node, Adviser adviser) {
        adviser.dayRatePence().ifPresent(pence -> node.put("dayRate", Money.format(pence))
                .put("dayRateInWords", Money.pounds(pence)));
    }

    public static ObjectNode pool(SupportPool pool) {
        ObjectNode node = Json.object().put("poolId", pool.id()).put("county", pool.county());
        ArrayNode members = node.putArray("members");
        pool.members().forEach(members::add);
        return node;
    }

    public static ObjectNode booking(Booking booking) {
        return Json.object().put("bookingId", booking.id()).put("adviserId", booking.adviserId())
                .put(booking.account() instanceof Account.OfPool ? "poolId" : "partnershipId", booking.account().id())
                .put("date", booking.date().toString()).put("days", Days.format(booking.halfDays()))
                .put("topic", booking.topic()).put("state", booking.state().name()).put("note", booking.note())
                .put("bookedAt", booking.bookedAt().toString());
    }

    /** The balances; each adviser's line carries their specialisms, so the console can change an adviser without losing them. */
    public static ObjectNode balances(String programmeId, List<BalanceLine> lines, List<Adviser> saved) {
        ObjectNode node = Json.object().put("programmeId", programmeId);
        ArrayNode partnerships = node.putArray("partnerships");
        ArrayNode pools = node.putArray("pools");
        ArrayNode advisers = node.putArray("advisers");
        for (BalanceLine line : lines) {
            ArrayNode list = switch (line.kind()) {
                case "POOL" -> pools;
                case "ADVISER" -> advisers;
                default -> partnerships;
            };
            ObjectNode entry = list.addObject().put("id", line.id()).put("name", line.name())
                    .put(line.kind().equals("ADVISER") ? "contractedDays" : "entitledDays", Days.format(line.entitledHalfDays()))
                    .put("bookedDays", Days.format(line.bookedHalfDays()))
                    .put("deliveredDays", Days.format(line.deliveredHalfDays()))
                    .put("remainingDays", Days.format(line.remainingHalfDays()));
            if (line.pool() != null) {
                entry.put("pool", line.pool());
            }
            saved.stream().filter(adviser -> line.kind().equals("ADVISER") && adviser.id().equals(line.id()))
                    .findFirst().ifPresent(adviser -> {
                        adviser.specialisms().forEach(entry.putArray("specialisms")::add);
                        dayRate(entry, adviser);
                    });
            if (line.overByHalfDays() > 0) {
                entry.put("overBookedByDays", Days.format(line.overByHalfDays()));
            }
        }
        return node;
    }
}
