package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The people of the role tests, and every route called by every one of them. */
public final class RouteMatrix {

    private RouteMatrix() {
    }

    /** A signed-in person of one role, with their own partnership or adviser record where the role has one. */
    public static Actor person(String name, Role role, String partnershipId, String adviserId) {
        return new Actor("sub-" + name, name + "@westmidlands.example", Set.of(role), Optional.ofNullable(partnershipId),
                Optional.ofNullable(adviserId));
    }

    /** One case per route and person: the route's sample event, the person's email, and whether they may call it. */
    public static Stream<Arguments> everyRouteByEveryone(Map<String, Set<Actor>> allowed, List<Actor> everyone) {
        List<Arguments> cases = new ArrayList<>();
        allowed.forEach((event, who) -> everyone.forEach(actor ->
                cases.add(Arguments.of(event, actor.email(), who.contains(actor)))));
        return cases.stream();
    }

    public static Actor byEmail(List<Actor> everyone, String email) {
        return everyone.stream().filter(actor -> actor.email().equals(email)).findFirst().orElseThrow();
    }

    /** An allowed caller gets anything but 401 and 403 (a 404 for a sample record is fine); a refused one 403. */
    public static void expect(String call, int status, boolean allowed) {
        boolean asExpected = allowed ? status != 401 && status != 403 : status == 403;
        if (!asExpected) {
            throw new AssertionError(call + ": expected " + (allowed ? "to be allowed" : "403") + ", got " + status);
        }
    }
}
