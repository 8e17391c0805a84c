package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call a route: any of some roles, and optionally a partnership member for their own
 * partnership (named by a path parameter). Checked before the route runs, so a refusal changes
 * nothing; what depends on a stored record (an adviser's own booking) the use case checks.
 */
public record Access(Set<Role> roles, String ownPartnershipParameter, String action, boolean signInNeeded) {

    public static Access by(String action, Role... roles) {
        return new Access(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles)),
                null, action, true);
    }

    /** Any signed-in caller, whatever their role. */
    public static Access anyone(String action) {
        return new Access(EnumSet.allOf(Role.class), null, action, true);
    }

    /** Anyone at all, signed in or not: what is published to the public, such as a round's specifications. */
    public static Access publicly(String action) {
        return new Access(EnumSet.allOf(Role.class), null, action, false);
    }

    /** Also a partnership member, for the partnership the path parameter names. */
    public Access orMemberOf(String pathParameter) {
        return new Access(roles, pathParameter, action, signInNeeded);
    }

    public void check(Actor actor, APIGatewayV2HTTPEvent request) {
        if (!signInNeeded) {
            return;
        }
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        String programmeId = path.getOrDefault("programmeId", path.get("roundId"));
        if (programmeId != null && !actor.worksOn(programmeId)) {
            throw new ForbiddenException("You are signed in as " + actor.name() + ", whose roles do not apply to \""
                    + programmeId + "\". Ask its programme manager if you need to.");
        }
        if (roles.stream().anyMatch(actor::has)) {
            return;
        }
        if (ownPartnershipParameter != null && request.getPathParameters() != null
                && actor.isMemberOf(request.getPathParameters().getOrDefault(ownPartnershipParameter, ""))) {
            return;
        }
        throw new ForbiddenException("You are signed in as " + actor.name() + ", whose role does not allow you to "
                + action + ". Ask a programme manager if you need to." + (roles.isEmpty() ? ""
                : " (Allowed: " + roles.stream().map(Role::group).collect(Collectors.joining(", "))
                + (ownPartnershipParameter == null ? "" : ", and a partnership's own members") + ".)"));
    }
}
