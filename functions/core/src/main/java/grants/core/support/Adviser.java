package grants.core.support;

import java.util.List;

/** An adviser bought by tender: specialisms (health, crime, housing ...) and days contracted for the year. */
public record Adviser(String id, String name, List<String> specialisms, int contractedHalfDays) {

    public Adviser {
        specialisms = List.copyOf(specialisms);
    }
}
