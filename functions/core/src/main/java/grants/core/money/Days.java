package grants.core.money;

/** Support days are whole half-days inside; outside they read "1.0", "0.5", "2.5". */
public final class Days {

    private Days() {
    }

    public static String format(int halfDays) {
        return (halfDays / 2) + (halfDays % 2 == 0 ? ".0" : ".5");
    }
}
