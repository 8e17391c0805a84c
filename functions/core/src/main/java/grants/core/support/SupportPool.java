package grants.core.support;

import java.util.List;

/** Funded partnerships of one two-tier locality sharing their support days (rule R11). */
public record SupportPool(String id, String county, List<String> members) {

    public SupportPool {
        members = members.stream().sorted().distinct().toList();
    }
}
